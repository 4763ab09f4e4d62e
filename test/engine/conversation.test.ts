import { describe, expect, it } from 'vitest';
import { mergeFollowUp, readFollowUp } from '../../src/engine/conversation.js';

describe('reading a message as a follow-up', () => {
  it.each([
    ['more', 'more'],
    ['tell me more', 'more'],
    ['why?', 'why'],
    ['How come?', 'why'],
    ['is that still true?', 'still-true'],
    ['is this up to date', 'still-true'],
  ])('%s asks for %s', (message, kind) => {
    expect(readFollowUp(message)?.kind).toBe(kind);
  });

  it.each([
    ['and for mobile?', 'mobile'],
    ['what about jax?', 'jax'],
    ['And in TensorFlow?', 'tensorflow'],
    ['how about on windows', 'on windows'],
    ['same for keras', 'keras'],
  ])('%s asks the previous question about %s', (message, fragment) => {
    expect(readFollowUp(message)).toEqual({ kind: 'about', fragment });
  });

  it('does not read a complete question as a follow-up', () => {
    expect(readFollowUp('what about the licence of pytorch when I ship a commercial app')).toBeUndefined();
    expect(readFollowUp('does pytorch run on windows')).toBeUndefined();
  });
});

describe('merging a follow-up into the previous question', () => {
  const frameworks = new Set(['pytorch', 'tensorflow', 'jax']);
  const things = new Set(['windows', 'mac', 'mobile', ...frameworks]);
  const reading = {
    termsOf: (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [],
    isFramework: (term: string) => frameworks.has(term),
    isThing: (term: string) => things.has(term),
  };

  it('replaces a framework with the framework the follow-up names', () => {
    expect(mergeFollowUp('does pytorch run on windows', 'tensorflow', reading)).toBe('does run on windows tensorflow');
  });

  it('replaces the named things with the thing the follow-up names', () => {
    expect(mergeFollowUp('does pytorch run on windows', 'mac', reading)).toBe('does pytorch run on mac');
  });

  it('adds words that name nothing in particular', () => {
    expect(mergeFollowUp('which is faster', 'for inference', reading)).toBe('which is faster for inference');
  });
});
