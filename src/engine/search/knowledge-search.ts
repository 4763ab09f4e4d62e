// Ranks FAQ entries and claims for a query. Two indexes work together: one over entries (what
// exactly is asked) and one over whole topics (what area it is about), so a question whose words
// are spread over a topic's entries still lands in the right topic. Besides the ranking it
// reports how much of the query the knowledge covers at all, which is what makes an honest
// "I don't know" possible.
import type { Knowledge } from '../../knowledge/model.js';
import type { TextAnalyzer } from '../text/analyzer.js';
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
  /** Share of the query's information (IDF mass) that this entry contains, 0..1. */
  coverage: number;
}

export interface SearchOutcome {
  terms: QueryTerm[];
  ranked: RankedEntry[];
  /** Share of the query's information that occurs anywhere in the knowledge, 0..1. */
  knownShare: number;
  /** Topics by relevance, best first. */
  topics: { topic: string; relevance: number }[];
}

/** How much the topic's relevance adds to an entry's own (entries decide within a topic). */
const TOPIC_INFLUENCE = 0.5;
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

  const maxIdf = Math.log(1 + (entryIndex.size + 0.5) / 0.5);
  /** Information a query term carries; a word the knowledge never uses carries the most. */
  const information = (term: string) => (entryIndex.has(term) ? entryIndex.idf(term) : maxIdf);

  return {
    entries,
    indexedTexts,
    search(queryTerms, options) {
      const kinds = options?.kinds;
      const totalInformation = queryTerms.reduce((sum, { term, weight }) => sum + weight * information(term), 0);
      const knownInformation = queryTerms.reduce(
        (sum, { term, weight }) => sum + (entryIndex.has(term) ? weight * information(term) : 0),
        0,
      );
      const topicIdeal = topicIndex.idealScore(queryTerms) || 1;
      const topicRelevance = new Map<string, number>();
      for (const { doc, score } of topicIndex.score(queryTerms)) {
        topicRelevance.set(knowledge.topics[doc]!.id, score / topicIdeal);
      }
      const entryIdeal = entryIndex.idealScore(queryTerms) || 1;
      const ranked: RankedEntry[] = [];
      for (const { doc, score, matched } of entryIndex.score(queryTerms)) {
        const entry = entries[doc]!;
        if (kinds && !kinds.includes(entry.kind)) continue;
        const relevance = (score / entryIdeal) * (entry.kind === 'claim' ? CLAIM_DISCOUNT : 1);
        let matchedInformation = 0;
        for (const { term, weight } of queryTerms) if (matched.has(term)) matchedInformation += weight * information(term);
        ranked.push({
          ...entry,
          relevance,
          coverage: totalInformation > 0 ? matchedInformation / totalInformation : 0,
          score: relevance + TOPIC_INFLUENCE * (topicRelevance.get(entry.topic) ?? 0),
        });
      }
      // Ties are broken by id so that the same query always gives the same order.
      ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        terms: queryTerms,
        ranked,
        knownShare: totalInformation > 0 ? knownInformation / totalInformation : 0,
        topics: [...topicRelevance]
          .map(([topic, relevance]) => ({ topic, relevance }))
          .sort((a, b) => b.relevance - a.relevance || (a.topic < b.topic ? -1 : 1)),
      };
    },
  };
}
