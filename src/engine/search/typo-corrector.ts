// Corrects a misspelt word to a word the knowledge actually uses ("tensroflow" -> "tensorflow").
// fuse.js proposes candidates; an edit-distance bound decides, so that a word from another
// domain ("pasta") is left alone rather than bent into a near-looking domain word.
import Fuse from 'fuse.js';
import { editDistanceWithin } from './damerau.js';

export interface TypoCorrector {
  /** The closest known word, or undefined when nothing is close enough. */
  correct(word: string): string | undefined;
}

/** Short words are left alone: at three letters almost everything is one edit from something. */
const MIN_LENGTH = 4;
const CACHE_LIMIT = 5_000;

/** Edits allowed for a word of this length: two edits turn many short words into others ("freebsd" -> "freed"). */
export function maxEditsFor(length: number): number {
  if (length < MIN_LENGTH) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

/** `frequency` (how often each word occurs) breaks ties between equally close candidates. */
export function createTypoCorrector(frequency: ReadonlyMap<string, number>): TypoCorrector {
  // One small fuse index per word length: a word is only compared with words whose length is
  // within its edit budget, which keeps a lookup fast even for a large vocabulary.
  const wordsByLength = new Map<number, string[]>();
  for (const word of frequency.keys()) {
    if (word.length < MIN_LENGTH || !/^\p{L}+$/u.test(word)) continue;
    const bucket = wordsByLength.get(word.length) ?? [];
    bucket.push(word);
    wordsByLength.set(word.length, bucket);
  }
  const indexes = new Map<number, Fuse<string>>();
  for (const [length, words] of wordsByLength) {
    indexes.set(length, new Fuse(words, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true }));
  }
  const cache = new Map<string, string | undefined>();

  function lookup(word: string): string | undefined {
    const budget = maxEditsFor(word.length);
    if (budget === 0 || !/^\p{L}+$/u.test(word)) return undefined;
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      const index = indexes.get(length);
      if (!index) continue;
      for (const { item } of index.search(word, { limit: 8 })) {
        const distance = editDistanceWithin(word, item, budget);
        if (distance > budget) continue;
        const itemFrequency = frequency.get(item) ?? 0;
        if (!best || distance < best.distance || (distance === best.distance && itemFrequency > best.frequency)) {
          best = { word: item, distance, frequency: itemFrequency };
        }
      }
    }
    return best?.word;
  }

  return {
    correct(word) {
      if (cache.has(word)) return cache.get(word);
      const corrected = lookup(word);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(word, corrected);
      return corrected;
    },
  };
}
