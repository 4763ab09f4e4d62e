import { describe, expect, it } from 'vitest';
import { isNotEnglish } from '../../src/engine/language.js';

describe('telling English from other languages', () => {
  it.each([
    'Pytorch有不错的学习资源吗？',
    'PyTorchとTensorFlowどちらを学ぶべきですか',
    'Что лучше выбрать: PyTorch или TensorFlow?',
    '¿Cuál es mejor para aprender, PyTorch o TensorFlow?',
    'Welches Framework ist besser für Anfänger, PyTorch oder TensorFlow?',
    'Quel est le meilleur framework pour apprendre le deep learning ?',
    'Qual é melhor para aprender, PyTorch ou TensorFlow?',
  ])('%s is not English', (text) => {
    expect(isNotEnglish(text)).toBe(true);
  });

  it.each([
    'Should I learn PyTorch or TensorFlow?',
    'is tflite dead',
    'tf vs torch tldr?',
    'RuntimeError: CUDA error: device-side assert triggered',
    'pytorch con windows',
    'which is better for la croix data pipelines',
  ])('%s is English', (text) => {
    expect(isNotEnglish(text)).toBe(false);
  });
});
