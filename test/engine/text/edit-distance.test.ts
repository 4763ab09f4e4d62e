import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from '../../../src/engine/text/edit-distance.js';

/** The textbook full-matrix optimal string alignment distance, as a reference. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('bounded edit distance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistanceWithin('tensroflow', 'tensorflow', 2)).toBe(1);
    expect(editDistanceWithin('pytoch', 'pytorch', 2)).toBe(1);
  });

  it('agrees with the full-matrix reference up to the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const reference = referenceDistance(a, b);
        expect(editDistanceWithin(a, b, max)).toBe(reference <= max ? reference : max + 1);
      }),
    );
  });
});
