// Groups the questions the bot could not answer, so a curator sees "asked 14 times, in these
// words" rather than 14 lines. The similarity is a plain token Jaccard index: each question
// becomes the set of its content words (lower-cased, without common function words, with a
// trailing plural "s" removed), and two questions belong together when their sets share at
// least half of their union. Greedy and order-stable: the most frequent wording founds a
// cluster, and every other question joins the cluster whose founder it is most similar to.
// Simple on purpose: it needs no index, explains itself, and a few thousand questions take
// milliseconds.
import { createHash } from 'node:crypto';

/** Words that say nothing about what was asked. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into about as is are was were be been being do does did ' +
    'have has had i me my we our you your it its this that these those there here what which who whom how why when where ' +
    'can could should would will shall may might must not no yes please thanks thank hi hello hey any some all just ' +
    'get got use using used vs versus than more most very really'
  ).split(' '),
);

/** The content words of a question, as a set. */
export function termsOf(text: string): Set<string> {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word.length > 1 && !FUNCTION_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return new Set(words);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

export const SIMILAR_ENOUGH = 0.5;

export interface Cluster<T> {
  /** Stable while its founding wording stays the most asked: U- and 8 hex digits. */
  id: string;
  /** The most frequent wording in the cluster. */
  text: string;
  count: number;
  members: T[];
  /** Other wordings, most frequent first. */
  variants: string[];
}

const wordingOf = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ');

export function clusterIdOf(text: string): string {
  const key = [...termsOf(text)].sort().join(' ') || wordingOf(text).toLowerCase();
  return `U-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** Clusters, largest first (ties: the earlier founder first). */
export function clusterQuestions<T>(items: readonly T[], textOf: (item: T) => string): Cluster<T>[] {
  // Identical wordings first, most frequent first, so the common phrasing founds its cluster.
  const byWording = new Map<string, T[]>();
  for (const item of items) {
    const wording = wordingOf(textOf(item));
    if (wording === '') continue;
    const key = wording.toLowerCase();
    const group = byWording.get(key);
    if (group) group.push(item);
    else byWording.set(key, [item]);
  }
  const wordings = [...byWording.values()].sort((a, b) => b.length - a.length);
  const clusters: (Cluster<T> & { terms: Set<string> })[] = [];
  for (const group of wordings) {
    const text = wordingOf(textOf(group[0] as T));
    const terms = termsOf(text);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = SIMILAR_ENOUGH;
    for (const cluster of clusters) {
      const score = terms.size === 0 || cluster.terms.size === 0 ? 0 : jaccard(terms, cluster.terms);
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        best = cluster;
        bestScore = score;
      }
    }
    if (best) {
      best.count += group.length;
      best.members.push(...group);
      best.variants.push(text);
    } else {
      clusters.push({ id: clusterIdOf(text), text, count: group.length, members: [...group], variants: [], terms });
    }
  }
  return clusters.map(({ terms: _terms, ...cluster }) => cluster).sort((a, b) => b.count - a.count);
}
