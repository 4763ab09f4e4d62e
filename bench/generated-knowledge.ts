// Synthetic knowledge of any size, for measuring how indexing and search scale. Entries are made
// of a fixed vocabulary with a Zipf-like word distribution, so term statistics resemble text.
import type { Knowledge } from '../src/knowledge/model.js';

/** A small deterministic generator (mulberry32), so every run measures the same knowledge. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'to', 'ri', 'mu', 'sen', 'lo', 'va', 'pex', 'dor', 'qui', 'ban', 'tel', 'fro', 'zim', 'gal', 'nor'];

export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export function generateKnowledge(base: Knowledge, entries: number, seed = 42): { knowledge: Knowledge; sampleQueries: string[] } {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(Math.min(20_000, 2_000 + entries), random);
  // Zipf-like: low indexes are common words, high indexes rare ones.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)]!;
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  const topics = base.topics;
  const faq = Array.from({ length: entries }, (_, i) => ({
    id: `generated-${i}`,
    topic: topics[i % topics.length]!.id,
    question: `${sentence(6)}?`,
    phrasings: [sentence(5), sentence(4), sentence(6)],
    answer: sentence(60),
    checked: '2026-12-01',
    sources: [],
    claims: [],
    related: [],
    keywords: [word(), word()],
  }));
  const sampleQueries = Array.from({ length: 200 }, (_, i) => {
    const entry = faq[Math.floor(random() * faq.length)]!;
    // Half the queries paraphrase an entry loosely; half add a typo to one word.
    const words = entry.question.replace('?', '').split(' ').slice(0, 4);
    if (i % 2 === 1) words[0] = `${words[0]!.slice(0, -1)}x`;
    return words.join(' ');
  });
  return { knowledge: { ...base, faq, claims: [] }, sampleQueries };
}
