// The terminal reads text pasted from either chat as that chat's adapter would.
import { describe, expect, it } from 'vitest';
import { plainFromPastedChat } from '../../src/adapters/pasted-text.js';

describe('reading text pasted from a chat', () => {
  it.each([
    ['<@U024BE7LH> what is torchscript', 'what is torchscript'],
    ['<@123456789012345678> <@!123456789012345678> <@&987654321098765432> tflite?', 'tflite?'],
    ['read <https://pytorch.org/docs|the PyTorch docs> please', 'read the PyTorch docs please'],
    ['in <#123456789012345678> is <:pytorch:123456789012345678> fast :thinking_face:', 'in is fast'],
    ['@everyone which one?', 'which one?'],
    ['is a &lt; b?', 'is a < b?'],
  ])('%j -> %j', (pasted, plain) => {
    expect(plainFromPastedChat(pasted)).toBe(plain);
  });
});
