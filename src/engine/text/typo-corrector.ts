// Corrects a misspelt word to a word the knowledge actually uses ("tensroflow" -> "tensorflow").
// Candidates are the words that share a form with one letter deleted (SymSpell's idea): a word
// and a typo of it do, which covers an extra, a missing, a wrong or two swapped letters. A
// bounded edit distance then decides, so a word from another domain ("pasta") is left alone
// rather than bent into a near-looking domain word. The shared form is checked letter by letter
// over the known words one letter shorter, as long or longer, without building the forms: a
// table of every word's forms took a tenth of a second to build, paid by the first misspelt
// question after a start, while a check over the words of the knowledge takes a fraction of a
// millisecond and each word is looked up once (the results are remembered).
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

/** Whether `longer` with one letter deleted is `shorter` (one letter longer). */
function isOneLetterLonger(longer: string, shorter: string): boolean {
  let same = 0;
  while (same < shorter.length && longer.charCodeAt(same) === shorter.charCodeAt(same)) same++;
  // The letter at the first difference is the one deleted (in a run of equal letters, any of them).
  for (let i = same; i < shorter.length; i++) if (longer.charCodeAt(i + 1) !== shorter.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether two different words of the same length give the same form with one letter deleted
 * from each. Such letters can always be taken at the first and the last difference (a letter
 * inside a run of equal letters deletes like any of them), so two deletions are tried: the first
 * difference from one word and the last from the other.
 */
function shareFormOfSameLength(a: string, b: string): boolean {
  let first = 0;
  while (first < a.length && a.charCodeAt(first) === b.charCodeAt(first)) first++;
  let last = a.length - 1;
  while (last > first && a.charCodeAt(last) === b.charCodeAt(last)) last--;
  return shiftedEqual(a, b, first, last) || shiftedEqual(b, a, first, last);
}

/** Whether x, one letter on, equals y from `from` to `to` (exclusive). */
function shiftedEqual(x: string, y: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (x.charCodeAt(i + 1) !== y.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether `word` and `known` share a form with at most one letter deleted from each: what a
 * table of every known word's forms, looked up with each form of `word`, would find.
 */
export function shareOneDeletionForm(word: string, known: string): boolean {
  const difference = known.length - word.length;
  if (difference === 0) return shareFormOfSameLength(word, known);
  if (difference === 1) return isOneLetterLonger(known, word);
  if (difference === -1) return isOneLetterLonger(word, known);
  return false;
}

/**
 * Whether `known` starts as `word` does, or with its first two letters swapped. People rarely
 * mistype the first letter, and a letter in front of a known word makes another name: "gpytorch"
 * is a library of its own, not a typo of "pytorch".
 */
function keepsFirstLetter(word: string, known: string): boolean {
  return known[0] === word[0] || (known[0] === word[1] && known[1] === word[0]);
}

/** `frequency` (how often each word occurs) breaks ties between equally close candidates. */
export function createTypoCorrector(frequency: ReadonlyMap<string, number>): TypoCorrector {
  // The words a typo can be corrected to, by length; listed on the first word that needs them.
  let byLength: Map<number, string[]> | undefined;
  const listByLength = () => {
    const lists = new Map<number, string[]>();
    for (const word of frequency.keys()) {
      if (word.length < MIN_LENGTH - 1 || !/^\p{L}+$/u.test(word)) continue;
      const list = lists.get(word.length);
      if (list) list.push(word);
      else lists.set(word.length, [word]);
    }
    return lists;
  };
  const cache = boundedMemo(CACHE_LIMIT, lookup);

  function lookup(word: string): string | undefined {
    const budget = maxEditsFor(word.length);
    if (budget === 0 || !/^\p{L}+$/u.test(word)) return undefined;
    const lists = (byLength ??= listByLength());
    const candidates: string[] = [];
    for (const length of [word.length - 1, word.length, word.length + 1])
      for (const known of lists.get(length) ?? [])
        if (known !== word && keepsFirstLetter(word, known) && shareOneDeletionForm(word, known)) candidates.push(known);
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (const candidate of candidates) {
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
