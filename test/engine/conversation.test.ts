import { describe, expect, it } from 'vitest';
import { asWhenQuestion, mergeFollowUp, readFollowUp, reverseFrameworks, subjectOf, withSubject } from '../../src/engine/conversation.js';

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
    ['and with Keras 3 on the torch backend?', 'keras 3 on the torch backend'],
  ])('%s asks the previous question about %s', (message, fragment) => {
    expect(readFollowUp(message)).toEqual({ kind: 'about', fragment });
  });

  it.each([
    ['is it still maintained?', 'is it still maintained'],
    ['can I use it with PyTorch?', 'can i use it with pytorch'],
    ['is there something similar in TensorFlow?', 'is there something similar in tensorflow'],
    ['and how can I reduce that?', 'how can i reduce that'],
  ])('%s is a question of its own that points back at the previous one', (message, question) => {
    expect(readFollowUp(message)).toEqual({ kind: 'refers', question });
  });

  it.each(['since when?', 'when was that', 'what year'])('%s asks when the previous question came about', (message) => {
    expect(readFollowUp(message)).toEqual({ kind: 'when' });
  });

  it('asks the previous question again as a question of when', () => {
    expect(asWhenQuestion('does keras 3 run on pytorch?')).toBe('when does keras 3 run on pytorch');
  });

  it.each(['and vice versa?', 'the other way around', 'what about the other direction'])(
    '%s asks the previous question reversed',
    (message) => {
      expect(readFollowUp(message)).toEqual({ kind: 'reverse' });
    },
  );

  it('reads a longer follow-up as one only when it opens with a preposition, which cannot stand alone', () => {
    expect(readFollowUp('and the same thing but on a mac with an m2')?.kind).toBeUndefined();
    expect(readFollowUp('and on a mac with an m2 and 16 gb')).toEqual({ kind: 'about', fragment: 'a mac with an m2 and 16 gb' });
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

  it('replaces only the framework named last, keeping the one the question is about', () => {
    expect(mergeFollowUp('does keras support pytorch', 'jax', reading)).toBe('does keras support jax');
    expect(mergeFollowUp('is pytorch faster than tensorflow', 'jax', reading)).toBe('is pytorch faster than jax');
  });

  it('replaces the named things with the thing the follow-up names', () => {
    expect(mergeFollowUp('does pytorch run on windows', 'mac', reading)).toBe('does pytorch run on mac');
  });

  it('adds words that name nothing in particular', () => {
    expect(mergeFollowUp('which is faster', 'for inference', reading)).toBe('which is faster for inference');
  });
});

describe('a question that points back at the previous one', () => {
  const names = new Map([
    ['tensorflow', 'framework'],
    ['pytorch', 'framework'],
    ['litert', 'thing'],
    ['gpu', 'thing'],
  ]);
  const reading = {
    // "tensorflow lite" reads as one name, as the analyzer's synonyms make it.
    termsOf: (text: string) =>
      text
        .toLowerCase()
        .replace(/tensorflow lite/g, 'litert')
        .match(/[a-z]+/g)
        ?.filter((word) => !['what', 'replaced', 'how', 'much', 'do', 'i', 'need'].includes(word)) ?? [],
    isFramework: (term: string) => names.get(term) === 'framework',
    isThing: (term: string) => names.get(term) === 'thing',
  };

  it('finds what the previous question named, keeping a name of several words whole', () => {
    expect(subjectOf('What replaced TensorFlow Lite?', reading)).toBe('tensorflow lite');
    expect(subjectOf('How much GPU memory do I need?', reading)).toBe('gpu');
  });

  it('puts the subject in place of the first pronoun, or after a question without one', () => {
    expect(withSubject('is it still free to use', 'tensorflow lite')).toBe('is tensorflow lite still free to use');
    expect(withSubject('is there an equivalent for pytorch', 'tfx')).toBe('is there an equivalent for pytorch tfx');
  });

  it('swaps the first two different frameworks of a question', () => {
    expect(reverseFrameworks('convert tensorflow weights to pytorch', reading)).toBe('convert pytorch weights to tensorflow');
    expect(reverseFrameworks('how much gpu memory', reading)).toBe('how much gpu memory');
  });
});
