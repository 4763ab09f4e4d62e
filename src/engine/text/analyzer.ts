// One text pipeline for both sides of a search: knowledge is indexed with `analyze`, queries go
// through `analyzeQuery`, which also corrects typos. Steps: normalise, (correct), read synonyms
// and abbreviations as their canonical word, split into words, drop stopwords, stem.
import { stemmer } from 'stemmer';
import type { SynonymGroup } from '../../knowledge/schema.js';
import { createTypoCorrector, type TypoCorrector } from '../search/typo-corrector.js';
import { normalizeText, tokenize, WORD } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

export interface QueryAnalysis {
  terms: string[];
  /** Words read as a different, known word. */
  corrections: { from: string; to: string }[];
}

export interface TextAnalyzer {
  /** Index terms of a knowledge text. */
  analyze(text: string): string[];
  /** Index terms of a query (already stripped of platform noise), with typo correction. */
  analyzeQuery(text: string): QueryAnalysis;
  /** Teaches the typo corrector the words of the indexed knowledge. Called once, after indexing. */
  learnVocabulary(texts: Iterable<string>): void;
  /** Whether a (stemmed) term occurs in the learnt vocabulary. */
  knowsTerm(term: string): boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A canonical word as one token: "hugging face" is indexed as "huggingface". */
const canonicalToken = (canonical: string) => (normalizeText(canonical).match(WORD) ?? []).join('');

export function stemWord(word: string): string {
  return word.length > 3 && /^\p{L}+$/u.test(word) ? stemmer(word) : word;
}

export function createTextAnalyzer(synonyms: readonly SynonymGroup[]): TextAnalyzer {
  const replacements = new Map<string, string>();
  for (const group of synonyms) {
    const canonical = canonicalToken(group.canonical);
    for (const variant of group.variants) {
      const normalized = (normalizeText(variant).match(WORD) ?? []).join(' ');
      if (normalized) replacements.set(normalized, canonical);
    }
  }
  // Longest variants first, so "tensorflow lite" wins over "tensorflow"; variants match whole
  // words only, with any run of spaces or punctuation between their words.
  const variants = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const synonymPattern =
    variants.length > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(${variants.map((v) => v.split(' ').map(escapeRegExp).join('[\\s._/-]+')).join('|')})(?![\\p{L}\\p{N}])`,
          'gu',
        )
      : undefined;
  const applySynonyms = (normalized: string) =>
    synonymPattern
      ? normalized.replace(synonymPattern, (match) => replacements.get((match.match(WORD) ?? []).join(' ')) ?? match)
      : normalized;

  const toTerms = (normalized: string) =>
    tokenize(applySynonyms(normalized))
      .filter((token) => !STOPWORDS.has(token))
      .map(stemWord);

  const vocabularyTerms = new Set<string>();
  const surfaceWords = new Set<string>();
  let corrector: TypoCorrector | undefined;
  const variantWords = new Set([...replacements.keys()].flatMap((variant) => variant.split(' ')));

  const isKnownWord = (word: string) =>
    word.length < 4 ||
    STOPWORDS.has(word) ||
    variantWords.has(word) ||
    surfaceWords.has(word) ||
    vocabularyTerms.has(stemWord(word)) ||
    !/^\p{L}+$/u.test(word);

  return {
    analyze: (text) => toTerms(normalizeText(text)),

    analyzeQuery(text) {
      const corrections: { from: string; to: string }[] = [];
      const normalized = normalizeText(text);
      const corrected = corrector
        ? normalized.replace(WORD, (word) => {
            if (isKnownWord(word)) return word;
            const replacement = corrector!.correct(word);
            if (!replacement) return word;
            corrections.push({ from: word, to: replacement });
            return replacement;
          })
        : normalized;
      return { terms: toTerms(corrected), corrections };
    },

    learnVocabulary(texts) {
      const frequency = new Map<string, number>();
      for (const text of texts) {
        const normalized = normalizeText(text);
        for (const word of normalized.match(WORD) ?? []) {
          surfaceWords.add(word);
          frequency.set(word, (frequency.get(word) ?? 0) + 1);
        }
        for (const term of toTerms(normalized)) vocabularyTerms.add(term);
      }
      for (const variant of variantWords) frequency.set(variant, (frequency.get(variant) ?? 0) + 1);
      corrector = createTypoCorrector(frequency);
    },

    knowsTerm: (term) => vocabularyTerms.has(term),
  };
}
