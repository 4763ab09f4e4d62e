// Ranks FAQ entries and claims for a query. Two indexes work together: one over entries (what
// exactly is asked) and one over whole topics (what area it is about), so a question whose words
// are spread over a topic's entries still lands in the right topic. Besides the ranking it
// reports how much of the query the knowledge covers at all, which is what makes an honest
// "I don't know" possible.
import type { Knowledge } from '../../knowledge/model.js';
import type { TextAnalyzer } from '../text/analyzer.js';
import { createScopeClassifier, type ScopeEvidence } from './scope.js';
import { createPhrasingIndex } from './phrasing-index.js';
import { WeightedBm25Index, type QueryTerm } from './weighted-bm25.js';

type EntryField = 'question' | 'phrasings' | 'keywords' | 'topic' | 'body';
type TopicField = 'title' | 'keywords' | 'summary' | 'questions';

export interface IndexedEntry {
  kind: 'faq' | 'claim';
  id: string;
  topic: string;
  /** The FAQ question or the claim, as shown to users. */
  title: string;
}

export interface RankedEntry extends IndexedEntry {
  /** Entry relevance plus the topic's, both on a 0..1 scale: the ranking key. */
  score: number;
  /** Entry relevance alone, 0..1 (share of the best possible BM25 score). */
  relevance: number;
  /** Similarity to the closest of the entry's question and phrasings, 0..1. */
  closeness: number;
  /** Share of the query's information (IDF mass) that this entry contains, 0..1. */
  coverage: number;
}

export interface SearchOutcome {
  terms: QueryTerm[];
  ranked: RankedEntry[];
  /** Share of the query's words that occur anywhere in the knowledge, 0..1. */
  knownShare: number;
  /** Topics by relevance, best first. */
  topics: { topic: string; relevance: number }[];
  /** Whether the query names a framework, only machine-learning context, or neither. */
  scope: ScopeEvidence;
}

/** The ranking: entry relevance, plus closeness to one phrasing, plus the topic's relevance. */
export const RANKING_MODEL = {
  /** How much the topic's relevance adds to an entry's own (entries decide within a topic). */
  topicInfluence: 0.8,
  /** How much being close to one particular way of asking adds. */
  closenessInfluence: 0.4,
  /** How much a topic's second-best entry adds to the topic's claim on the query. */
  runnerUpInfluence: 0.3,
};
/** Claims answer "is it true that..." well but read less well than a curated answer. */
const CLAIM_DISCOUNT = 0.85;

export interface KnowledgeSearch {
  readonly entries: readonly IndexedEntry[];
  search(queryTerms: QueryTerm[], options?: { kinds?: readonly IndexedEntry['kind'][] }): SearchOutcome;
  /** Every text the indexes were built from, for the typo corrector's vocabulary. */
  readonly indexedTexts: readonly string[];
}

export function createKnowledgeSearch(knowledge: Knowledge, analyzer: TextAnalyzer): KnowledgeSearch {
  const topicById = new Map(knowledge.topics.map((topic) => [topic.id, topic]));
  const indexedTexts: string[] = [];
  const analyze = (...texts: string[]) => {
    indexedTexts.push(...texts);
    return texts.flatMap((text) => analyzer.analyze(text));
  };
  const topicText = (topicId: string) => {
    const topic = topicById.get(topicId);
    return topic ? [topic.title, ...topic.keywords] : [];
  };

  const entries: IndexedEntry[] = [];
  const entryDocs: { fields: Record<EntryField, string[]> }[] = [];
  for (const entry of knowledge.faq) {
    entries.push({ kind: 'faq', id: entry.id, topic: entry.topic, title: entry.question });
    entryDocs.push({
      fields: {
        question: analyze(entry.question),
        phrasings: analyze(...entry.phrasings),
        keywords: analyze(...entry.keywords),
        topic: analyze(...topicText(entry.topic)),
        body: analyze(entry.answer),
      },
    });
  }
  for (const claim of knowledge.claims) {
    entries.push({ kind: 'claim', id: claim.id, topic: claim.topic, title: claim.claim });
    entryDocs.push({
      fields: {
        question: analyze(claim.claim),
        phrasings: [],
        keywords: analyze(...claim.keywords),
        topic: analyze(...topicText(claim.topic)),
        body: analyze(claim.now),
      },
    });
  }
  const entryIndex = new WeightedBm25Index<EntryField>(entryDocs, {
    fieldWeights: { question: 3, phrasings: 2.5, keywords: 2.5, topic: 1.2, body: 0.6 },
    k1: 1.2,
    b: 0.4,
  });

  const topicDocs = knowledge.topics.map((topic) => {
    const faq = knowledge.faq.filter((entry) => entry.topic === topic.id);
    return {
      fields: {
        title: analyzer.analyze(topic.title),
        keywords: analyzer.analyze(topic.keywords.join(' ')),
        summary: analyzer.analyze(topic.summary),
        questions: faq.flatMap((entry) => analyzer.analyze([entry.question, ...entry.phrasings, ...entry.keywords].join(' '))),
      } satisfies Record<TopicField, string[]>,
    };
  });
  indexedTexts.push(...knowledge.topics.flatMap((topic) => [topic.title, topic.summary, ...topic.keywords]));
  const topicIndex = new WeightedBm25Index<TopicField>(topicDocs, {
    fieldWeights: { title: 3, keywords: 3, summary: 1, questions: 1 },
    k1: 1.2,
    b: 0.3,
  });

  const scopeClassifier = createScopeClassifier(knowledge.scope, analyzer);
  // Each question and phrasing on its own, so that a query close to one way of asking is
  // recognised even when the entry's other phrasings use different words.
  const phrasingIndex = createPhrasingIndex(
    [...knowledge.faq.map((entry) => [entry.question, ...entry.phrasings]), ...knowledge.claims.map((claim) => [claim.claim, ...claim.keywords])].map(
      (texts) => texts.map((text) => analyzer.analyze(text)),
    ),
    (term) => entryIndex.idf(term),
  );

  return {
    entries,
    indexedTexts,
    search(queryTerms, options) {
      const kinds = options?.kinds;
      // Words the knowledge never uses cannot be matched by any entry: relevance and coverage
      // are measured on the rest, and the unknown words only lower the known share.
      const knownTerms = queryTerms.filter(({ term }) => entryIndex.has(term));
      const knownInformation = knownTerms.reduce((sum, { term, weight }) => sum + weight * entryIndex.idf(term), 0);
      const topicIdeal = topicIndex.idealScore(knownTerms) || 1;
      const topicRelevance = new Map<string, number>();
      for (const { doc, score } of topicIndex.score(queryTerms)) {
        topicRelevance.set(knowledge.topics[doc]!.id, score / topicIdeal);
      }
      const entryIdeal = entryIndex.idealScore(knownTerms) || 1;
      const similarity = phrasingIndex.similarities(knownTerms);
      const ranked: RankedEntry[] = [];
      for (const { doc, score, matched } of entryIndex.score(knownTerms)) {
        const entry = entries[doc]!;
        if (kinds && !kinds.includes(entry.kind)) continue;
        const discount = entry.kind === 'claim' ? CLAIM_DISCOUNT : 1;
        const relevance = (score / entryIdeal) * discount;
        const closeness = (similarity.get(doc) ?? 0) * discount;
        let matchedInformation = 0;
        for (const { term, weight } of knownTerms) if (matched.has(term)) matchedInformation += weight * entryIndex.idf(term);
        ranked.push({
          ...entry,
          relevance,
          closeness,
          coverage: knownInformation > 0 ? matchedInformation / knownInformation : 0,
          score: relevance + RANKING_MODEL.closenessInfluence * closeness + RANKING_MODEL.topicInfluence * (topicRelevance.get(entry.topic) ?? 0),
        });
      }
      // A topic is chosen on the evidence of its best entries together, then the entry within it:
      // a query that several entries of one topic match is about that topic, even when a single
      // entry elsewhere happens to score a little higher.
      const topicEvidence = new Map<string, number[]>();
      for (const entry of ranked) {
        const scores = topicEvidence.get(entry.topic) ?? [];
        scores.push(entry.score);
        topicEvidence.set(entry.topic, scores);
      }
      const topicScore = new Map<string, number>();
      for (const [topic, scores] of topicEvidence) {
        scores.sort((a, b) => b - a);
        topicScore.set(topic, scores[0]! + RANKING_MODEL.runnerUpInfluence * (scores[1] ?? 0));
      }
      // Ties are broken by id so that the same query always gives the same order.
      ranked.sort(
        (a, b) =>
          topicScore.get(b.topic)! - topicScore.get(a.topic)! || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      return {
        terms: queryTerms,
        ranked,
        knownShare: queryTerms.length > 0 ? knownTerms.length / queryTerms.length : 0,
        scope: scopeClassifier.classify(new Set(queryTerms.map((t) => t.term))),
        topics: [...topicRelevance]
          .map(([topic, relevance]) => ({ topic, relevance }))
          .sort((a, b) => b.relevance - a.relevance || (a.topic < b.topic ? -1 : 1)),
      };
    },
  };
}
