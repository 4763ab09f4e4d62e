// Ranks FAQ entries and claims for a query. Two indexes work together: one over entries (what
// exactly is asked) and one over whole topics (what area it is about), so a question whose words
// are spread over a topic's entries still lands in the right topic. Besides the ranking it
// reports how much of the query the knowledge covers at all, which is what makes an honest
// "I don't know" possible.
import type { Knowledge } from '../../knowledge/model.js';
import type { TextAnalyzer } from '../text/analyzer.js';
import { createScopeClassifier, type ScopeEvidence } from './scope.js';
import { createPhrasingIndex, type PhrasingIndexWithSnapshot, type PhrasingSnapshot, phrasingIndexFromSnapshot } from './phrasing-index.js';
import { type Bm25Snapshot, MAX_MASKED_TERMS, WeightedBm25Index, type QueryTerm } from './weighted-bm25.js';
import { DocList } from './doc-list.js';

type EntryField = 'question' | 'phrasings' | 'keywords' | 'topic' | 'body';
type TopicField = 'title' | 'covers' | 'keywords' | 'summary' | 'questions';

export interface IndexedEntry {
  kind: 'faq' | 'claim';
  id: string;
  topic: string;
  /** The FAQ question or the claim, as shown to users. */
  title: string;
}

export interface RankedEntry extends IndexedEntry {
  /** Entry relevance, plus closeness to one phrasing, plus the topic's relevance: the ranking key within a topic. */
  score: number;
  /** Entry relevance alone, 0..1 (share of the best possible BM25 score). */
  relevance: number;
  /** Similarity to the closest of the entry's question and phrasings, 0..1. */
  closeness: number;
  /** Share of the query's known information (IDF mass of the words the knowledge uses) that this entry contains, 0..1. */
  coverage: number;
}

export interface SearchOutcome {
  terms: QueryTerm[];
  ranked: RankedEntry[];
  /** Share of the query's words that occur anywhere in the knowledge, 0..1. */
  knownShare: number;
  /** Topics by relevance, best first. */
  topics: { topic: string; relevance: number }[];
  /** Topics by the evidence of their best entries together (what the ranking follows), best first. */
  topicEvidence: { topic: string; score: number }[];
  /** Whether the query names a framework, only ML or comparison words, only an everyday-word name, or nothing. */
  scope: ScopeEvidence;
}

/** The ranking: entry relevance, plus closeness to one phrasing, plus the topic's relevance. */
export const RANKING_MODEL = {
  /** How much the topic's relevance adds to an entry's own (entries decide within a topic). */
  topicInfluence: 1,
  /** How much being close to one particular way of asking adds. */
  closenessInfluence: 0.4,
  /** How much more a term naming a framework, tool or API weighs than an everyday word. */
  domainTermBoost: 1.5,
  /** How much a topic's second-best entry adds to the topic's claim on the query. */
  runnerUpInfluence: 0.3,
};
/** How many entries a search returns: enough for topic evidence, candidates and follow-ups. */
const MAX_RANKED = 60;
/** A name mentioned by more than this share of entries is too common to tell them apart. */
const MAX_THING_SHARE = 0.6;
/** Claims answer "is it true that..." well but read less well than a curated answer. */
const CLAIM_DISCOUNT = 0.85;

export interface KnowledgeSearch {
  readonly entries: readonly IndexedEntry[];
  /**
   * Whether a term names a thing a question can be about (a framework, tool, API, operating
   * system, device, company...) and is specific enough to tell entries apart: a name that most
   * entries mention ("framework") says nothing about which entry answers.
   */
  namesThing(term: string): boolean;
  /** How much a term says about which entry is meant: rare terms say more. */
  idf(term: string): number;
  search(queryTerms: QueryTerm[], options?: { kinds?: readonly IndexedEntry['kind'][] }): SearchOutcome;
  /** The built indexes as plain data, for a later build over the same knowledge and analyzer. */
  snapshot(): SearchSnapshot;
}

/** The entry, topic and phrasing indexes as an earlier build over the same knowledge made them. */
export interface SearchSnapshot {
  entries: Bm25Snapshot;
  topics: Bm25Snapshot;
  phrasings: PhrasingSnapshot;
}

const ENTRY_INDEX = { fieldWeights: { question: 3, phrasings: 2.5, keywords: 2.5, topic: 1.2, body: 0.6 }, k1: 1.2, b: 0.4 };
const TOPIC_INDEX = { fieldWeights: { title: 3, covers: 3, keywords: 3, summary: 1, questions: 1 }, k1: 1.2, b: 0.3 };

/**
 * `snapshot`: the indexes an earlier build over the same knowledge, with an analyzer giving the
 * same terms, made (see KnowledgeSearch.snapshot); taken as they are instead of analysing every
 * entry again. The caller makes sure they fit.
 */
export function createKnowledgeSearch(knowledge: Knowledge, analyzer: TextAnalyzer, snapshot?: SearchSnapshot): KnowledgeSearch {
  const entries: IndexedEntry[] = [
    ...knowledge.faq.map((entry) => ({ kind: 'faq' as const, id: entry.id, topic: entry.topic, title: entry.question })),
    ...knowledge.claims.map((claim) => ({ kind: 'claim' as const, id: claim.id, topic: claim.topic, title: claim.claim })),
  ];
  const { entryIndex, topicIndex, phrasingIndex } = snapshot ? indexesFromSnapshot(snapshot) : buildIndexes(knowledge, analyzer);
  const scopeClassifier = createScopeClassifier(knowledge.scope, analyzer, [
    ...knowledge.faq.flatMap((entry) => entry.keywords),
    ...knowledge.claims.flatMap((claim) => claim.keywords),
  ]);
  // "raspberry pi" names a thing by both words; "scikit-learn" by its joined form only (its
  // parts, "learn" among them, name nothing).
  const facetTerms = new Set(
    knowledge.scope.facetTerms.flatMap((facet) => {
      const terms = analyzer.analyze(facet);
      return /\s/.test(facet.trim()) ? terms : terms.slice(0, 1);
    }),
  );
  const maxThingDocuments = Math.max(1, entries.length * MAX_THING_SHARE);
  const namesThing = (term: string) =>
    (scopeClassifier.namesDomainThing(term) || facetTerms.has(term)) && entryIndex.documentFrequency(term) <= maxThingDocuments;

  // Each entry's topic by position in knowledge.topics (-1 for none), so ranking reads a topic's
  // relevance from an array rather than a map keyed by its id.
  const topicPosition = new Map(knowledge.topics.map((topic, index) => [topic.id, index]));
  const topicOfEntry = Int32Array.from(entries, (entry) => topicPosition.get(entry.topic) ?? -1);

  // Scratch buffers, reused by every query (the engine is synchronous, so one query at a time).
  const topicRelevanceByPosition = new Float64Array(knowledge.topics.length);
  const topicScores = new Float64Array(knowledge.topics.length);
  const topicMasks = new Uint32Array(knowledge.topics.length);
  const touchedTopics = new DocList(knowledge.topics.length);
  const scores = new Float64Array(entries.length);
  const masks = new Uint32Array(entries.length);
  const closeness = new Float64Array(entries.length);
  const touched = new DocList(entries.length);
  const touchedByPhrasing = new DocList(entries.length);

  return {
    entries,
    snapshot: () => ({ entries: entryIndex.snapshot(), topics: topicIndex.snapshot(), phrasings: phrasingIndex.snapshot() }),
    namesThing,
    idf: (term) => entryIndex.idf(term),
    search(queryTerms, options) {
      const kinds = options?.kinds;
      // Words the knowledge never uses cannot be matched by any entry: relevance and coverage
      // are measured on the rest, and the unknown words only lower the known share.
      // Names of domain things (litert, fsdp, set_memory_growth) say more about what is asked than
      // everyday words, even rare ones ("is tf lite still called tf lite").
      const knownTerms = queryTerms
        .filter(({ term }) => entryIndex.has(term))
        .map((t) => (scopeClassifier.namesDomainThing(t.term) ? { ...t, weight: t.weight * RANKING_MODEL.domainTermBoost } : t));
      const termInformation = knownTerms.map(({ term, weight }) => weight * entryIndex.idf(term));
      const knownInformation = termInformation.reduce((sum, value) => sum + value, 0);
      const topicIdeal = topicIndex.idealScore(knownTerms) || 1;
      const topicRelevance = new Map<string, number>();
      topicRelevanceByPosition.fill(0);
      topicIndex.accumulate(knownTerms, topicScores, topicMasks, touchedTopics);
      for (let t = 0; t < touchedTopics.size; t++) {
        const doc = touchedTopics.at(t);
        const relevance = topicScores[doc]! / topicIdeal;
        topicRelevance.set(knowledge.topics[doc]!.id, relevance);
        topicRelevanceByPosition[doc] = relevance;
        topicScores[doc] = 0;
        topicMasks[doc] = 0;
      }
      touchedTopics.clear();
      const entryIdeal = entryIndex.idealScore(knownTerms) || 1;

      entryIndex.accumulate(knownTerms, scores, masks, touched);
      phrasingIndex.accumulate(knownTerms, closeness, touchedByPhrasing);
      const best = new TopScores(MAX_RANKED);
      const rankScore = (doc: number) => {
        const discount = entries[doc]!.kind === 'claim' ? CLAIM_DISCOUNT : 1;
        return (
          (scores[doc]! / entryIdeal) * discount +
          RANKING_MODEL.closenessInfluence * closeness[doc]! * discount +
          RANKING_MODEL.topicInfluence * (topicOfEntry[doc]! >= 0 ? topicRelevanceByPosition[topicOfEntry[doc]!]! : 0)
        );
      };
      for (let t = 0; t < touched.size; t++) {
        const doc = touched.at(t);
        if (kinds && !kinds.includes(entries[doc]!.kind)) continue;
        best.offer(doc, rankScore(doc));
      }
      // Result objects only for the few entries that made the list.
      const ranked: RankedEntry[] = best.docs().map((doc) => {
        const entry = entries[doc]!;
        const discount = entry.kind === 'claim' ? CLAIM_DISCOUNT : 1;
        let matchedInformation = 0;
        const mask = masks[doc]!;
        for (let i = 0; i < termInformation.length && i < MAX_MASKED_TERMS; i++)
          if ((mask >>> i) & 1) matchedInformation += termInformation[i]!;
        return {
          kind: entry.kind,
          id: entry.id,
          topic: entry.topic,
          title: entry.title,
          relevance: (scores[doc]! / entryIdeal) * discount,
          closeness: closeness[doc]! * discount,
          coverage: knownInformation > 0 ? matchedInformation / knownInformation : 0,
          score: rankScore(doc),
        };
      });
      for (let t = 0; t < touched.size; t++) {
        const doc = touched.at(t);
        scores[doc] = 0;
        masks[doc] = 0;
      }
      for (let t = 0; t < touchedByPhrasing.size; t++) closeness[touchedByPhrasing.at(t)] = 0;
      touched.clear();
      touchedByPhrasing.clear();

      // A topic is chosen on the evidence of its best entries together, then the entry within it:
      // a query that several entries of one topic match is about that topic, even when a single
      // entry elsewhere happens to score a little higher.
      const topicScore = new Map<string, number>();
      const seenPerTopic = new Map<string, number>();
      for (const entry of ranked) {
        const seen = seenPerTopic.get(entry.topic) ?? 0;
        if (seen < 2)
          topicScore.set(
            entry.topic,
            (topicScore.get(entry.topic) ?? 0) + (seen === 0 ? 1 : RANKING_MODEL.runnerUpInfluence) * entry.score,
          );
        seenPerTopic.set(entry.topic, seen + 1);
      }
      // Ties are broken by id so that the same query always gives the same order.
      ranked.sort(
        (a, b) => topicScore.get(b.topic)! - topicScore.get(a.topic)! || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      return {
        terms: queryTerms,
        ranked,
        // A corrected word is only half known: "movies" read as "moves" is a guess.
        knownShare:
          queryTerms.length > 0 ? knownTerms.reduce((sum, { corrected }) => sum + (corrected ? 0.5 : 1), 0) / queryTerms.length : 0,
        topicEvidence: [...topicScore]
          .map(([topic, score]) => ({ topic, score }))
          .sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : 1)),
        scope: scopeClassifier.classify(
          new Set(queryTerms.map((t) => t.term)),
          new Set(queryTerms.filter((t) => !t.ambiguous).map((t) => t.term)),
        ),
        topics: [...topicRelevance]
          .map(([topic, relevance]) => ({ topic, relevance }))
          .sort((a, b) => b.relevance - a.relevance || (a.topic < b.topic ? -1 : 1)),
      };
    },
  };
}

interface SearchIndexes {
  entryIndex: WeightedBm25Index;
  topicIndex: WeightedBm25Index;
  phrasingIndex: PhrasingIndexWithSnapshot;
}

/** The indexes an earlier build made (see KnowledgeSearch.snapshot), taken as they are. */
function indexesFromSnapshot(snapshot: SearchSnapshot): SearchIndexes {
  const entryIndex = new WeightedBm25Index(snapshot.entries);
  return {
    entryIndex,
    topicIndex: new WeightedBm25Index(snapshot.topics),
    phrasingIndex: phrasingIndexFromSnapshot(snapshot.phrasings, (term) => entryIndex.idf(term)),
  };
}

/** The entry, topic and phrasing indexes over every entry, claim and topic, analysed. */
function buildIndexes(knowledge: Knowledge, analyzer: TextAnalyzer): SearchIndexes {
  const analyze = (...texts: string[]) => texts.flatMap((text) => analyzer.analyze(text));
  // Every entry carries its topic's title, scope and keywords; analysed once per topic, not per entry.
  const topicTerms = new Map(knowledge.topics.map((topic) => [topic.id, analyze(topic.title, topic.covers, ...topic.keywords)]));
  const topicText = (topicId: string) => topicTerms.get(topicId) ?? [];

  const entryDocs: { fields: Record<EntryField, string[]> }[] = [];
  /** Per entry, the terms of each single way of asking it. */
  const phrasingTerms: string[][][] = [];
  for (const entry of knowledge.faq) {
    const ways = [entry.question, ...entry.phrasings].map((text) => analyzer.analyze(text));
    phrasingTerms.push(ways);
    entryDocs.push({
      fields: {
        question: ways[0]!,
        phrasings: ways.slice(1).flat(),
        keywords: analyze(...entry.keywords),
        topic: topicText(entry.topic),
        body: analyze(entry.answer),
      },
    });
  }
  for (const claim of knowledge.claims) {
    const claimTerms = analyzer.analyze(claim.claim);
    const keywordTerms = claim.keywords.map((keyword) => analyzer.analyze(keyword));
    phrasingTerms.push([claimTerms, ...keywordTerms]);
    entryDocs.push({
      fields: {
        question: claimTerms,
        phrasings: [],
        keywords: keywordTerms.flat(),
        topic: topicText(claim.topic),
        body: analyze(claim.now),
      },
    });
  }
  const entryIndex = WeightedBm25Index.build<EntryField>(entryDocs, ENTRY_INDEX);

  // A topic's questions are its FAQ entries' questions, phrasings and keywords, already analysed.
  const questionsByTopic = new Map<string, string[]>(knowledge.topics.map((topic) => [topic.id, []]));
  // The FAQ entries' documents come first, in order, then the claims'.
  knowledge.faq.forEach((entry, i) => {
    const questions = questionsByTopic.get(entry.topic);
    const { fields } = entryDocs[i]!;
    if (!questions) return;
    for (const field of [fields.question, fields.phrasings, fields.keywords]) for (const term of field) questions.push(term);
  });
  const topicDocs = knowledge.topics.map((topic) => ({
    fields: {
      title: analyzer.analyze(topic.title),
      covers: analyzer.analyze(topic.covers),
      keywords: analyze(...topic.keywords),
      summary: analyzer.analyze(topic.summary),
      questions: questionsByTopic.get(topic.id)!,
    } satisfies Record<TopicField, string[]>,
  }));
  const topicIndex = WeightedBm25Index.build<TopicField>(topicDocs, TOPIC_INDEX);
  // Each question and phrasing on its own, so that a query close to one way of asking is
  // recognised even when the entry's other phrasings use different words.
  const phrasingIndex = createPhrasingIndex(phrasingTerms, (term) => entryIndex.idf(term));
  return { entryIndex, topicIndex, phrasingIndex };
}

/** Keeps the `limit` highest-scored documents, in typed arrays, without sorting all matches. */
class TopScores {
  private readonly ids: Int32Array;
  private readonly values: Float64Array;
  private count = 0;

  constructor(private readonly limit: number) {
    this.ids = new Int32Array(limit);
    this.values = new Float64Array(limit);
  }

  offer(doc: number, score: number): void {
    if (this.count === this.limit && score <= this.values[this.limit - 1]!) return;
    let index = this.count < this.limit ? this.count++ : this.limit - 1;
    while (index > 0 && this.values[index - 1]! < score) {
      this.values[index] = this.values[index - 1]!;
      this.ids[index] = this.ids[index - 1]!;
      index--;
    }
    this.values[index] = score;
    this.ids[index] = doc;
  }

  docs(): number[] {
    return Array.from(this.ids.subarray(0, this.count));
  }
}
