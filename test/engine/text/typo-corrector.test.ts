import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTypoCorrector, shareOneDeletionForm } from '../../../src/engine/text/typo-corrector.js';

/** A word and every form of it with one letter deleted. */
const forms = (word: string) => new Set([word, ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1))]);

describe('typo correction', () => {
  it('finds the words sharing a form with one letter deleted, as a table of every form would', () => {
    // Few letters, so that runs of equal letters, swaps and shifts are common.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const formsOfB = forms(b);
        expect(shareOneDeletionForm(a, b)).toBe([...forms(a)].some((form) => formsOfB.has(form)));
      }),
      { numRuns: 2000 },
    );
  });

  it('corrects towards the closest known word, the more frequent one on a tie, and leaves distant words alone', () => {
    const corrector = createTypoCorrector(
      new Map([
        ['tensorflow', 10],
        ['training', 5],
        ['raining', 1],
        ['deployment', 3],
      ]),
    );
    expect(corrector.correct('tensroflow')).toBe('tensorflow');
    expect(corrector.correct('tensorflwo')).toBe('tensorflow');
    expect(corrector.correct('trainng')).toBe('training');
    expect(corrector.correct('deploymnt')).toBe('deployment');
    expect(corrector.correct('pasta')).toBeUndefined();
    expect(corrector.correct('tensorflow')).toBeUndefined();
  });

  it('keeps the first letter, except where it swapped with the second: a letter in front makes another name', () => {
    const corrector = createTypoCorrector(
      new Map([
        ['pytorch', 10],
        ['pytorchs', 2],
        ['tensorflow', 10],
      ]),
    );
    expect(corrector.correct('gpytorch')).toBeUndefined();
    expect(corrector.correct('ytorch')).toBeUndefined();
    expect(corrector.correct('etnsorflow')).toBe('tensorflow');
    expect(corrector.correct('pytroch')).toBe('pytorch');
  });
});
