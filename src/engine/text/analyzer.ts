// One text pipeline for both sides of a search: knowledge is indexed with `analyze`, queries go
// through `analyzeQuery`, which also corrects typos. Steps: normalise, split into words,
// (correct), read synonyms and abbreviations as their canonical word, drop stopwords, stem.
// The analyzer is built once from every text of the knowledge, so the typo corrector knows the
// whole vocabulary whatever is indexed first, and it never changes afterwards. Everything works
// on word lists, not on regular expressions over whole texts, so indexing tens of thousands of
// entries stays fast.
import { stemmer } from 'stemmer';
import { boundedMemo } from './memo.js';
import { oneSpelling } from './spelling.js';
import { FRAMEWORKS, type Knowledge, type SynonymGroup } from '../../knowledge/model.js';
import { normalizeText, WORD } from './normalize.js';
import { STOPWORDS } from './stopwords.js';
import { createTypoCorrector } from './typo-corrector.js';

export interface QueryAnalysis {
  terms: string[];
  /** Words read as a different, known word. */
  corrections: { from: string; to: string }[];
}

export interface TextAnalyzer {
  /** Index terms of a knowledge text. */
  analyze(text: string): string[];
  /** Index terms of a query (already cleaned of links, emoji and control characters), with typo correction. */
  analyzeQuery(text: string): QueryAnalysis;
  /** Whether the vocabulary was taken from a snapshot that fits (see VocabularySnapshot), not read afresh. */
  readonly fromSnapshot: boolean;
}

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

/**
 * "torch vs pytorch", "is TF Lite the same as LiteRT": the question is about two names of one
 * thing. Synonyms read both names as the same canonical word, which would leave "pytorch
 * pytorch" and lose what is asked, so the framing becomes one term of its own, on both sides of
 * the search (the entries that explain a name or a rename say it the same way).
 */
export const NAMESAKE_TERM = 'twonamesofonething';
/** Words that may stand between the two names ("torch or pytorch", "tflite is the same as litert"). */
const NAMESAKE_LINKS = new Set([
  ...'vs versus v or and not instead of is are the same as a an thing things just also aka'.split(' '),
  ...'different difference between from called named renamed now'.split(' '),
]);
/** How many linking words may stand between the two names. */
const NAMESAKE_REACH = 4;

/**
 * The words of a text in order, in two parallel arrays (one object per word would be most of
 * the cost of indexing). `chunks[i]` numbers the run of words written together that word i
 * belongs to: "tf.function" or "define-by-run" is one chunk of several words.
 */
interface Words {
  texts: string[];
  chunks: number[];
  /** How each word was written before synonyms replaced it; set only when a synonym replaced one. */
  written?: string[];
}

/** Characters that join words into one chunk when letters or digits stand on both sides. */
const JOINERS = new Set(['.', '_', '/', '+', '-'].map((c) => c.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(text[index]!);
}

/** Splits normalised text into words and chunks with a single scan. */
function splitWords(text: string): Words {
  const texts: string[] = [];
  const chunks: number[] = [];
  let chunk = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    for (;;) {
      const start = i;
      while (i < text.length && isWordChar(text, i)) i++;
      texts.push(text.slice(start, i));
      chunks.push(chunk);
      if (i + 1 < text.length && JOINERS.has(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    chunk++;
  }
  return { texts, chunks };
}

function namesTheChoice(texts: readonly string[]): boolean {
  const [first, second] = FRAMEWORKS;
  for (let i = 0; i + 2 < texts.length; i++) {
    const left = texts[i];
    const right = texts[i + 2];
    // "both pytorch and tensorflow" puts them together ("can I use both ... in one project"): no choice.
    if (texts[i + 1] === 'and' && texts[i - 1] === 'both') continue;
    if (CHOICE_WORDS.has(texts[i + 1]!) && ((left === first && right === second) || (left === second && right === first))) return true;
  }
  return false;
}

/**
 * Whether two differently written names that read as one word stand close together, each a word
 * of its own (not part of a joined name such as "torch.compile") and linked by one to four words
 * such as "vs", "or", "the same as" (see NAMESAKE_TERM). One of them is always a synonym's variant,
 * so a text in which no synonym replaced a word is not read at all.
 */
function setsNamesakesSideBySide({ texts, chunks, written }: Words): boolean {
  if (!written) return false;
  const standalone = (i: number) => chunks[i - 1] !== chunks[i] && chunks[i + 1] !== chunks[i];
  for (let i = 0; i < texts.length; i++) {
    if (!standalone(i)) continue;
    for (let j = i + 1; j < texts.length && j <= i + NAMESAKE_REACH + 1; j++) {
      // Side by side with no word between is a name and its abbreviation ("TensorFlow Addons (TFA)").
      if (texts[j] === texts[i] && written[j] !== written[i] && standalone(j) && j > i + 1) return true;
      if (!NAMESAKE_LINKS.has(texts[j]!)) break;
    }
  }
  return false;
}

/**
 * Every text of the knowledge that is searched: entries, claims, topics, the scope lexicon and
 * the recommendation criteria. Their words are the vocabulary typos are corrected towards.
 */
export function knowledgeTexts(knowledge: Knowledge): string[] {
  const texts: string[] = [];
  for (const topic of knowledge.topics) texts.push(topic.title, topic.covers, topic.summary, ...topic.keywords);
  for (const entry of knowledge.faq) texts.push(entry.question, ...entry.phrasings, ...entry.keywords, entry.answer);
  for (const claim of knowledge.claims) texts.push(claim.claim, ...claim.keywords, claim.now);
  texts.push(...knowledge.scope.frameworkTerms, ...knowledge.scope.contextTerms);
  for (const criterion of knowledge.criteria) texts.push(criterion.need, ...criterion.phrasings);
  return texts;
}

/**
 * What the vocabulary pass finds, as plain data: a later start with the same knowledge (and the
 * same code) can hand it back instead of analysing every text again (see src/app/prebuilt-index.ts).
 */
export interface VocabularySnapshot {
  /** The synonym groups it was read with. */
  synonyms: string;
  /** Every word met, in order of first meeting: the word, its index term (null for a stopword), how often it occurs. */
  words: [string, string | null, number][];
  /**
   * A fingerprint of the texts it was read from, in order (see textsFingerprint): enough to tell
   * whether it fits the knowledge, without storing the texts a second time (they were over a
   * third of the stored index, and reading them back most of its cost).
   */
  fingerprint: string;
  /** Every term the texts produce. */
  terms: string[];
}

/**
 * The texts' count and two independent 32-bit hashes of their characters, in order, with a
 * separator between texts: a changed, added, dropped or reordered text changes it.
 */
export function textsFingerprint(texts: Iterable<string>): string {
  let first = 0x811c9dc5;
  let second = 0x9e3779b1;
  let count = 0;
  for (const text of texts) {
    for (let i = 0; i <= text.length; i++) {
      // A separator after each text (0xffff, not a character of any text) keeps "ab","c" apart from "a","bc".
      const code = i < text.length ? text.charCodeAt(i) : 0xffff;
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
      second ^= second >>> 15;
    }
    count++;
  }
  return `${count}:${(first >>> 0).toString(36)}:${(second >>> 0).toString(36)}`;
}

/** An analyzer whose typo corrector knows every word of `vocabulary` (and every synonym). */
export function createTextAnalyzer(
  synonyms: readonly SynonymGroup[],
  vocabulary: Iterable<string>,
  snapshot?: VocabularySnapshot,
): TextAnalyzer {
  return buildAnalyzer(synonyms, vocabulary, snapshot, false).analyzer;
}

/** The vocabulary pass over `vocabulary`, as data for createTextAnalyzer, and the analyzer it gives. */
export function readVocabulary(
  synonyms: readonly SynonymGroup[],
  vocabulary: Iterable<string>,
): { snapshot: VocabularySnapshot; analyzer: TextAnalyzer } {
  const { analyzer, snapshot } = buildAnalyzer(synonyms, vocabulary, undefined, true);
  return { analyzer, snapshot: snapshot! };
}

/** Whether a snapshot was read from exactly these texts, in this order, with these synonyms. */
function snapshotFits(snapshot: VocabularySnapshot, synonyms: readonly SynonymGroup[], vocabulary: Iterable<string>): boolean {
  return snapshot.synonyms === JSON.stringify(synonyms) && snapshot.fingerprint === textsFingerprint(vocabulary);
}

function buildAnalyzer(
  synonyms: readonly SynonymGroup[],
  vocabulary: Iterable<string>,
  given: VocabularySnapshot | undefined,
  capture: boolean,
): { analyzer: TextAnalyzer; snapshot?: VocabularySnapshot } {
  // Variants as word sequences, looked up by their first word; longest first.
  const variantsByFirstWord = new Map<string, { words: string[]; canonical: string }[]>();
  const variantWords = new Set<string>();
  for (const group of synonyms) {
    const canonical = (normalizeText(group.canonical).match(WORD) ?? []).join('');
    for (const variant of group.variants) {
      const words = normalizeText(variant).match(WORD) ?? [];
      if (words.length === 0) continue;
      for (const word of words) variantWords.add(word);
      const list = variantsByFirstWord.get(words[0]!) ?? [];
      list.push({ words, canonical });
      variantsByFirstWord.set(words[0]!, list);
    }
  }
  for (const list of variantsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  /** The words with every variant read as its canonical word (and, if any was, how each was written). */
  const applySynonyms = (words: Words): Words => {
    const { texts, chunks } = words;
    // Most texts contain no variant at all: then the word lists are used as they are.
    if (!texts.some((text) => variantsByFirstWord.has(text))) return words;
    const result: Words = { texts: [], chunks: [] };
    const written: string[] = [];
    let replaced = false;
    for (let i = 0; i < texts.length; i++) {
      const candidates = variantsByFirstWord.get(texts[i]!);
      const match = candidates?.find(({ words: variant }) => variant.every((word, offset) => texts[i + offset] === word));
      result.texts.push(match ? match.canonical : texts[i]!);
      result.chunks.push(chunks[i]!);
      written.push(match ? match.words.join(' ') : texts[i]!);
      if (match) {
        replaced = true;
        i += match.words.length - 1;
      }
    }
    if (replaced) result.written = written;
    return result;
  };

  const computeStem = (word: string) => (word.length > 3 && /^\p{L}+$/u.test(word) ? stemmer(oneSpelling(word)) : word);
  const termOfNewWord = (word: string) => (STOPWORDS.has(word) ? null : computeStem(word));

  /**
   * One record per word of the knowledge: its index term (null for a stopword) and how often it
   * occurs (what typos are corrected towards). One map lookup per word instead of several keeps
   * indexing tens of thousands of entries fast.
   */
  interface WordRecord {
    term: string | null;
    count: number;
  }
  const records = new Map<string, WordRecord>();
  const recordOf = (word: string): WordRecord => {
    let record = records.get(word);
    if (!record) {
      record = { term: termOfNewWord(word), count: 0 };
      records.set(word, record);
    }
    return record;
  };
  // Words the knowledge does not use (query words) are stemmed in a bounded cache of their own.
  const otherWords = boundedMemo(STEM_CACHE_LIMIT, termOfNewWord);
  const termOfWord = (word: string): string | null => {
    const record = records.get(word);
    return record ? record.term : otherWords(word);
  };

  const toTerms = (words: Words, termOf: (word: string) => string | null): string[] => {
    const terms: string[] = [];
    const emit = (token: string) => {
      const term = termOf(token);
      if (term !== null) terms.push(term);
    };
    const read = applySynonyms(words);
    const { texts, chunks } = read;
    if (namesTheChoice(texts)) terms.push(CHOICE_TERM);
    if (setsNamesakesSideBySide(read)) terms.push(NAMESAKE_TERM);
    for (let start = 0; start < texts.length; ) {
      let end = start + 1;
      while (end < texts.length && chunks[end] === chunks[start]) end++;
      if (end - start === 1) {
        emit(texts[start]!);
      } else {
        // "tf.function" is indexed as "tensorflowfunction" and as its parts; in "2.0" the lone
        // digits say nothing by themselves, so only the joined form is kept.
        if (end - start <= MAX_COMPOUND_PARTS) emit(texts.slice(start, end).join(''));
        for (let i = start; i < end; i++) if (!/^\d+$/.test(texts[i]!)) emit(texts[i]!);
      }
      start = end;
    }
    return terms;
  };

  // The vocabulary, in one pass before anything is indexed or asked.
  /** Every term the knowledge's texts produce: what the indexes can contain. */
  const vocabularyTerms = new Set<string>();
  /**
   * The terms of each vocabulary text, handed out once to the indexing that follows so that no
   * text is analysed twice while the engine is built (a cache: it changes no result).
   */
  const analysedOnce = new Map<string, string[]>();
  // A quarter of the texts recur (keywords, shared phrasings): each distinct text is analysed
  // once and its words counted as often as it occurs, in order of first occurrence, so the
  // records and counts are those of a pass over every text.
  let snapshot: VocabularySnapshot | undefined;
  const fromSnapshot = given !== undefined && snapshotFits(given, synonyms, vocabulary);
  if (given && fromSnapshot) {
    // Every word's term is known, so a text analysed later costs a split and lookups; only joined
    // names ("tf.function") are stemmed, once each, in the bounded cache of other words.
    for (const [word, term, count] of given.words) records.set(word, { term, count });
    for (const term of given.terms) vocabularyTerms.add(term);
  } else {
    const occurrences = new Map<string, number>();
    for (const text of vocabulary) occurrences.set(text, (occurrences.get(text) ?? 0) + 1);
    for (const [text, times] of occurrences) {
      const words = splitWords(normalizeText(text));
      for (const word of words.texts) recordOf(word).count += times;
      const terms = toTerms(words, (word) => recordOf(word).term);
      for (const term of terms) vocabularyTerms.add(term);
      analysedOnce.set(text, terms);
    }
    if (capture) {
      snapshot = {
        synonyms: JSON.stringify(synonyms),
        words: [...records].map(([word, { term, count }]) => [word, term, count]),
        fingerprint: textsFingerprint(vocabulary),
        terms: [...vocabularyTerms],
      };
    }
  }
  const frequency = new Map<string, number>();
  for (const [word, { count }] of records) if (count > 0) frequency.set(word, count);
  for (const variant of variantWords) frequency.set(variant, (frequency.get(variant) ?? 0) + 1);
  const corrector = createTypoCorrector(frequency);

  const isKnownWord = (word: string) => {
    if (word.length < 4 || STOPWORDS.has(word) || variantWords.has(word) || !/^\p{L}+$/u.test(word)) return true;
    if ((records.get(word)?.count ?? 0) > 0) return true;
    // A misspelling whose stem matches only a word that is always merged into a longer term
    // ("reinforcment" vs "reinforcement learning") is unknown.
    const term = termOfWord(word);
    return term !== null && vocabularyTerms.has(term);
  };

  const analyzer: TextAnalyzer = {
    fromSnapshot,
    analyze(text) {
      const terms = analysedOnce.get(text);
      if (terms === undefined) return toTerms(splitWords(normalizeText(text)), termOfWord);
      // Each caller owns the array it gets: a text analysed again is analysed afresh.
      analysedOnce.delete(text);
      return terms;
    },

    analyzeQuery(text) {
      const corrections: { from: string; to: string }[] = [];
      const words = splitWords(normalizeText(text));
      words.texts = words.texts.map((word) => {
        if (isKnownWord(word)) return word;
        const replacement = corrector.correct(word);
        if (!replacement) return word;
        corrections.push({ from: word, to: replacement });
        return replacement;
      });
      return { terms: toTerms(words, termOfWord), corrections };
    },
  };
  return { analyzer, snapshot };
}
