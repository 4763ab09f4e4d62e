import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/engine/text/clean.js';

describe('cleaning any text before it is searched', () => {
  it.each([
    ['which is faster 🚀🔥 ?', 'which is faster ?'],
    ['👩‍💻 jax?', 'jax?'],
    ['check https://www.tensorflow.org/lite now', 'check tensorflow lite now'],
    ['https://cloud.google.com/tpu?hl=en with torch?', 'cloud google tpu with torch?'],
    ['see https://github.com/pytorch/pytorch/issues/114602', 'see github pytorch pytorch issues'],
  ])('%j -> %j', (raw, cleaned) => {
    expect(cleanText(raw)).toBe(cleaned);
  });

  it('removes control characters and repairs lone surrogates', () => {
    expect(cleanText('tf\u0000\u0007 lite\uD800 now')).toBe('tf lite now');
  });

  it('keeps words in other scripts and accents', () => {
    expect(cleanText('débogage avec PyTorch ?')).toBe('débogage avec PyTorch ?');
  });

  it('knows no platform: chat markup is the adapters’ to read', () => {
    expect(cleanText('a < b and c > d')).toBe('a < b and c > d');
  });
});
