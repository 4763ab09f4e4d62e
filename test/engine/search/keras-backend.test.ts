import { describe, expect, it } from 'vitest';
import { backendsDisagree, readKerasBackends } from '../../../src/engine/search/keras-backend.js';

describe('reading which backend Keras runs on', () => {
  it.each([
    ['Keras with TensorFlow backend not using GPU', ['tensorflow']],
    ['How does Keras 3 on the PyTorch backend pick the GPU?', ['pytorch']],
    ['keras backend torch is slow', ['pytorch']],
    ['KERAS_BACKEND=jax python train.py', ['jax']],
    ['os.environ["KERAS_BACKEND"] = "torch"', ['pytorch']],
    ['train on several GPUs with the JAX, TensorFlow or PyTorch backend', ['jax', 'tensorflow', 'pytorch']],
  ])('%s -> %j', (text, backends) => {
    expect([...readKerasBackends(text)].sort()).toEqual([...backends].sort());
  });

  it('reads no backend where none is named, or where "backend" is about something else', () => {
    expect(readKerasBackends('what is a keras backend').size).toBe(0);
    expect(readKerasBackends('the backend of my website calls a tensorflow model').size).toBe(0);
  });

  it('finds a disagreement only when both name backends and share none', () => {
    const tensorflow = readKerasBackends('keras on the tensorflow backend');
    expect(backendsDisagree(tensorflow, readKerasBackends('keras on the pytorch backend'))).toBe(true);
    expect(backendsDisagree(tensorflow, readKerasBackends('with the jax, tensorflow or pytorch backend'))).toBe(false);
    expect(backendsDisagree(tensorflow, readKerasBackends('keras 3 device placement'))).toBe(false);
    expect(backendsDisagree(new Set(), readKerasBackends('keras on the pytorch backend'))).toBe(false);
  });
});
