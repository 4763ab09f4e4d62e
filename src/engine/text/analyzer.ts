// One text pipeline for both sides of a search: knowledge is indexed with `analyze`, queries go
// through `analyzeQuery`, which also corrects typos. Steps: normalise, split into words,
// (correct), read synonyms and abbreviations as their canonical word, drop stopwords, stem.
// Everything works on word lists, not on regular expressions over whole texts, so indexing
// tens of thousands of entries stays fast.
import { stemmer } from 'stemmer';
import { FRAMEWORKS, type SynonymGroup } from '../../knowledge/schema.js';
import { createTypoCorrector, type TypoCorrector } from '../search/typo-corrector.js';
import { normalizeText, WORD } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

export interface QueryAnalysis {
  terms: string[];
  /** Words read as a different, known word. */
  corrections: { from: string; to: string }[];
}

export interface TextAnalyzer {
  /** Index terms of a knowledge text; its words become the typo corrector's vocabulary. */
  analyze(text: string): string[];
  /** Index terms of a query (already stripped of platform noise), with typo correction. */
  analyzeQuery(text: string): QueryAnalysis;
  /** Builds the typo corrector from every word analysed so far. Called once, after indexing. */
  buildTypoCorrector(): void;
}

/** A run of words written together: "tf.function", "define-by-run", or a single word. */
const CHUNK = /[\p{L}\p{N}]+(?:[._/+-][\p{L}\p{N}]+)*/gu;
/** Compounds longer than this are sentences glued by punctuation, not names. */
const MAX_COMPOUND_PARTS = 4;
const STEM_CACHE_LIMIT = 100_000;

/**
 * "tf or pytorch", "pytorch vs tensorflow": the question is a choice between the two. The words
 * that say so are stopwords and the names are in every entry, so the framing would otherwise be
 * lost in a long question; it becomes one term, on both sides of the search.
 */
export const CHOICE_TERM = 'frameworkchoice';
const CHOICE_WORDS = new Set(['or', 'vs', 'versus', 'v', 'against', 'and']);

function namesTheChoice(words: readonly Word[]): boolean {
  const [first, second] = FRAMEWORKS;
  for (let i = 0; i + 2 < words.length; i++) {
    const left = words[i]!.text;
    const right = words[i + 2]!.text;
    if (CHOICE_WORDS.has(words[i + 1]!.text) && ((left === first && right === second) || (left === second && right === first))) return true;
  }
  return false;
}

interface Word {
  text: string;
  /** Index of the chunk the word came from; words of one chunk also form a compound. */
  chunk: number;
}

function splitWords(normalized: string): Word[] {
  const words: Word[] = [];
  let chunk = 0;
  for (const match of normalized.matchAll(CHUNK)) {
    for (const part of match[0].match(WORD) ?? []) words.push({ text: part, chunk });
    chunk++;
  }
  return words;
}

export function createTextAnalyzer(synonyms: readonly SynonymGroup[]): TextAnalyzer {
  // Variants as word sequences, looked up by their first word; longest first.
  const variantsByFirstWord = new Map<string, { words: string[]; canonical: string }[]>();
  const variantWords = new Set<string>();
  for (const group of synonyms) {
    const canonical = (normalizeText(group.canonical).match(WORD) ?? []).join('');
    for (const variant of group.variants) {
      const words = normalizeText(variant).match(WORD) ?? [];
      if (words.length === 0) continue;
      words.forEach((word) => variantWords.add(word));
      const list = variantsByFirstWord.get(words[0]!) ?? [];
      list.push({ words, canonical });
      variantsByFirstWord.set(words[0]!, list);
    }
  }
  for (const list of variantsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const applySynonyms = (words: Word[]): Word[] => {
    const result: Word[] = [];
    for (let i = 0; i < words.length; i++) {
      const match = variantsByFirstWord
        .get(words[i]!.text)
        ?.find(({ words: variant }) => variant.every((word, offset) => words[i + offset]?.text === word));
      if (match) {
        result.push({ text: match.canonical, chunk: words[i]!.chunk });
        i += match.words.length - 1;
      } else {
        result.push(words[i]!);
      }
    }
    return result;
  };

  const stems = new Map<string, string>();
  const stem = (word: string): string => {
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      stemmed = word.length > 3 && /^\p{L}+$/u.test(word) ? stemmer(word) : word;
      if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
      stems.set(word, stemmed);
    }
    return stemmed;
  };

  const toTerms = (words: Word[]): string[] => {
    const terms: string[] = [];
    const emit = (token: string) => {
      if (!STOPWORDS.has(token)) terms.push(stem(token));
    };
    const synonymised = applySynonyms(words);
    if (namesTheChoice(synonymised)) terms.push(CHOICE_TERM);
    for (let start = 0; start < synonymised.length; ) {
      let end = start + 1;
      while (end < synonymised.length && synonymised[end]!.chunk === synonymised[start]!.chunk) end++;
      const parts = synonymised.slice(start, end).map((word) => word.text);
      if (parts.length === 1) {
        emit(parts[0]!);
      } else {
        // "tf.function" is indexed as "tensorflowfunction" and as its parts; in "2.0" the lone
        // digits say nothing by themselves, so only the joined form is kept.
        if (parts.length <= MAX_COMPOUND_PARTS) emit(parts.join(''));
        for (const part of parts) if (!/^\d+$/.test(part)) emit(part);
      }
      start = end;
    }
    return terms;
  };

  // Every word of the knowledge, with how often it occurs: what typos are corrected to.
  const frequency = new Map<string, number>();
  const vocabularyTerms = new Set<string>();
  let corrector: TypoCorrector | undefined;

  const isKnownWord = (word: string) =>
    word.length < 4 ||
    STOPWORDS.has(word) ||
    variantWords.has(word) ||
    frequency.has(word) ||
    vocabularyTerms.has(stem(word)) ||
    !/^\p{L}+$/u.test(word);

  return {
    analyze(text) {
      const words = splitWords(normalizeText(text));
      if (!corrector) {
        for (const { text: word } of words) {
          frequency.set(word, (frequency.get(word) ?? 0) + 1);
          vocabularyTerms.add(stem(word));
        }
      }
      return toTerms(words);
    },

    analyzeQuery(text) {
      const corrections: { from: string; to: string }[] = [];
      const words = splitWords(normalizeText(text)).map((word) => {
        if (!corrector || isKnownWord(word.text)) return word;
        const replacement = corrector.correct(word.text);
        if (!replacement) return word;
        corrections.push({ from: word.text, to: replacement });
        return { text: replacement, chunk: word.chunk };
      });
      return { terms: toTerms(words), corrections };
    },

    buildTypoCorrector() {
      for (const variant of variantWords) frequency.set(variant, (frequency.get(variant) ?? 0) + 1);
      corrector = createTypoCorrector(frequency);
    },
  };
}
