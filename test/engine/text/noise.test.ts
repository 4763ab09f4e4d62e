import { describe, expect, it } from 'vitest';
import { stripPlatformNoise } from '../../../src/engine/text/noise.js';

describe('stripping platform noise from a message', () => {
  it.each([
    ['<@U024BE7LH> what is torchscript', 'what is torchscript'],
    ['<@U024BE7LH|bot> hi', 'hi'],
    ['see <#C024BE7LR|general> for tf', 'see for tf'],
    ['<!here> <!channel> <!everyone> <!subteam^S123|@ml-team> is jax good', 'is jax good'],
    ['read <https://pytorch.org/docs|the PyTorch docs> please', 'read the PyTorch docs please'],
    ['read <https://pytorch.org/docs> please', 'read pytorch please'],
    ['<@123456789012345678> <@!123456789012345678> <@&987654321098765432> tflite?', 'tflite?'],
    ['in <#123456789012345678> is <:pytorch:123456789012345678> <a:spin:123456789012345678> fast', 'in is fast'],
    ['@everyone @here which one?', 'which one?'],
    ['which is faster 🚀🔥 :thinking_face: ?', 'which is faster ?'],
    ['👩‍💻 jax?', 'jax?'],
    ['check https://www.tensorflow.org/lite now', 'check tensorflow lite now'],
    ['https://cloud.google.com/tpu?hl=en with torch?', 'cloud google tpu with torch?'],
    ['see https://github.com/pytorch/pytorch/issues/114602', 'see github pytorch pytorch issues'],
  ])('%j -> %j', (raw, cleaned) => {
    expect(stripPlatformNoise(raw)).toBe(cleaned);
  });

  it('removes control characters and repairs lone surrogates', () => {
    expect(stripPlatformNoise('tf\u0000\u0007 lite\uD800 now')).toBe('tf lite now');
  });

  it('keeps words in other scripts and accents', () => {
    expect(stripPlatformNoise('débogage avec PyTorch ?')).toBe('débogage avec PyTorch ?');
  });
});
