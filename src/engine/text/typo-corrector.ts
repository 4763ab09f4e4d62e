// Corrects a misspelt word to a word the knowledge actually uses ("tensroflow" -> "tensorflow").
// Candidates come from a deletion index (SymSpell's idea): a word and a typo of it share a form
// with one letter deleted, which covers an extra, a missing, a wrong or two swapped letters.
// A bounded edit distance then decides, so a word from another domain ("pasta") is left alone
// rather than bent into a near-looking domain word. Lookups cost a few map reads whatever the
// vocabulary size; fuse.js, which scans every word, is kept for autocomplete instead.
import { boundedMemo } from './memo.js';
import { editDistanceWithin } from './edit-distance.js';

export interface TypoCorrector {
  /** The closest known word, or undefined when nothing is close enough. */
  correct(word: string): string | undefined;
}

/** Short words are left alone: at four letters too many words are one edit apart ("bash" -> "base"). */
const MIN_LENGTH = 5;
const CACHE_LIMIT = 5_000;

/** Edits allowed for a word of this length: two edits turn many short words into others ("freebsd" -> "freed"). */
function maxEditsFor(length: number): number {
  if (length < MIN_LENGTH) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

function withOneLetterDeleted(word: string): string[] {
  const forms: string[] = [];
  for (let i = 0; i < word.length; i++) forms.push(word.slice(0, i) + word.slice(i + 1));
  return forms;
}

/** `frequency` (how often each word occurs) breaks ties between equally close candidates. */
export function createTypoCorrector(frequency: ReadonlyMap<string, number>): TypoCorrector {
  // Built on the first word that needs it: most questions are spelt right, and building it was
  // a sizeable part of start-up. `frequency` never changes, so when it is built changes nothing.
  let deletionIndex: Map<string, string[]> | undefined;
  const buildDeletionIndex = () => {
    const wordsByForm = new Map<string, string[]>();
    const addForm = (form: string, word: string) => {
      const list = wordsByForm.get(form);
      if (!list) wordsByForm.set(form, [word]);
      else if (list.at(-1) !== word) list.push(word);
    };
    for (const word of frequency.keys()) {
      if (word.length < MIN_LENGTH - 1 || !/^\p{L}+$/u.test(word)) continue;
      addForm(word, word);
      for (const form of withOneLetterDeleted(word)) addForm(form, word);
    }
    return wordsByForm;
  };
  const cache = boundedMemo(CACHE_LIMIT, lookup);

  function lookup(word: string): string | undefined {
    const budget = maxEditsFor(word.length);
    if (budget === 0 || !/^\p{L}+$/u.test(word)) return undefined;
    const wordsByForm = (deletionIndex ??= buildDeletionIndex());
    const candidates = new Set<string>();
    for (const form of [word, ...withOneLetterDeleted(word)])
      for (const candidate of wordsByForm.get(form) ?? []) candidates.add(candidate);
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (const candidate of candidates) {
      if (candidate === word) continue;
      const distance = editDistanceWithin(word, candidate, budget);
      if (distance > budget) continue;
      const candidateFrequency = frequency.get(candidate) ?? 0;
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (candidateFrequency > best.frequency || (candidateFrequency === best.frequency && candidate < best.word)));
      if (better) best = { word: candidate, distance, frequency: candidateFrequency };
    }
    return best?.word;
  }

  return {
    correct: (word) => cache(word),
  };
}
