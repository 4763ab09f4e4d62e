// What every command needs from the loaded knowledge, built once by createEngine: the analyzer
// (over the whole vocabulary), the search, the matchers for topics and needs, and lookups.
import type { Knowledge, Topic, TopicFaqEntry } from '../knowledge/model.js';
import { createTopicMatcher, type TopicMatcher } from './commands/compare.js';
import { createNeedsRecogniser, type NeedsRecogniser } from './commands/recommend.js';
import { createReferences, type References } from './references.js';
import { type AnswerFitModel, createAnswerFitModel } from './search/answer-fit.js';
import { createKnowledgeSearch, type KnowledgeSearch, type SearchSnapshot } from './search/knowledge-search.js';
import type { QueryTerm } from './search/weighted-bm25.js';
import { createTextAnalyzer, knowledgeTexts, readVocabulary, type TextAnalyzer, type VocabularySnapshot } from './text/analyzer.js';
import { normalizeText, WORD } from './text/normalize.js';
import type { CommandSpec, InputNote, ResultBase } from './types.js';

/** What searching needs; the matchers for topics and needs are built on top of it. */
export interface SearchContext {
  knowledge: Knowledge;
  analyzer: TextAnalyzer;
  search: KnowledgeSearch;
  /** Whether a ranked entry answers the question asked, not just its area. */
  answerFit: AnswerFitModel;
  references: References;
  faqById: ReadonlyMap<string, TopicFaqEntry>;
  /** Each topic's FAQ entries, in knowledge order (every topic has a list, maybe empty). */
  faqByTopic: ReadonlyMap<string, readonly TopicFaqEntry[]>;
  topicById: ReadonlyMap<string, Topic>;
  /**
   * Query terms, each once; a word read through a typo correction weighs a little less. The
   * words of `emphasis` (a follow-up merged into the question it continues) weigh more.
   */
  queryTerms(text: string, emphasis?: string): { terms: QueryTerm[]; corrections: { from: string; to: string }[] };
}

export interface EngineContext extends SearchContext {
  /** The command table's public side, which help lists. */
  commands: readonly CommandSpec[];
  topicMatcher: TopicMatcher;
  needsRecogniser: NeedsRecogniser;
}

/**
 * What building an engine computes that a later build over the same knowledge may be handed
 * instead, as plain data (strings, numbers, arrays and typed arrays). A part that does not fit
 * the knowledge it is given is ignored and computed afresh; the caller keys what it stores by
 * the knowledge and the engine's code, which the engine cannot check.
 */
export interface PrebuiltIndex {
  /** The vocabulary pass: used when read from exactly the knowledge's texts, in order. */
  vocabulary: VocabularySnapshot;
  /** The knowledge's layout the indexes were built for (see knowledgeLayout). */
  layout: string;
  /** The built indexes: used when the vocabulary is used and the layout is the same. */
  search: SearchSnapshot;
}

/**
 * Which text of knowledgeTexts goes where: the entries, claims and topics in order, with their
 * ids, topics and how many phrasings and keywords each has. With the texts themselves, in order
 * (which the vocabulary snapshot checks), this fixes every document the indexes were built from.
 */
function knowledgeLayout(knowledge: Knowledge): string {
  return JSON.stringify([
    knowledge.topics.map((topic) => [topic.id, topic.keywords.length]),
    knowledge.faq.map((entry) => [entry.id, entry.topic, entry.phrasings.length, entry.keywords.length]),
    knowledge.claims.map((claim) => [claim.id, claim.topic, claim.keywords.length]),
    [knowledge.scope.frameworkTerms.length, knowledge.scope.contextTerms.length],
    knowledge.criteria.map((criterion) => criterion.phrasings.length),
  ]);
}

/** Computes the prebuilt parts of an engine over `knowledge` (pure; see PrebuiltIndex). */
export function prebuildIndex(knowledge: Knowledge): PrebuiltIndex {
  const { analyzer, snapshot } = readVocabulary(knowledge.synonyms, knowledgeTexts(knowledge));
  return { vocabulary: snapshot, layout: knowledgeLayout(knowledge), search: createKnowledgeSearch(knowledge, analyzer).snapshot() };
}

/** A corrected word is likely but not certainly what the user meant. */
const CORRECTED_TERM_WEIGHT = 0.8;
/** A version or a count ("2", "20") helps, but should not outweigh the words around it. */
const NUMBER_WEIGHT = 0.5;
/**
 * Question words say what kind of answer is wanted (the intents read that), not what it is
 * about: at full weight, "why is tensorflow slower than pytorch" met entries whose phrasings
 * start with "why" (why JAX is fast) before the one comparing the two frameworks' speed.
 */
const QUESTION_WORD_WEIGHT = 0.5;
const QUESTION_WORDS = new Set(['why', 'how', 'what', 'who', 'when', 'which', 'where']);
/**
 * The words a follow-up adds ("what about jax?") are what is asked now; merged into a long
 * previous question they would otherwise be outweighed by it.
 */
const FOLLOW_UP_WEIGHT = 2;

export function createEngineContext(knowledge: Knowledge, commands: readonly CommandSpec[], prebuilt?: PrebuiltIndex): EngineContext {
  const analyzer = createTextAnalyzer(knowledge.synonyms, knowledgeTexts(knowledge), prebuilt?.vocabulary);
  const prebuiltSearch = prebuilt && analyzer.fromSnapshot && prebuilt.layout === knowledgeLayout(knowledge) ? prebuilt.search : undefined;
  const search = createKnowledgeSearch(knowledge, analyzer, prebuiltSearch);
  const ambiguousWords = new Set(knowledge.scope.ambiguousTerms.flatMap((term) => normalizeText(term).match(WORD) ?? []));
  // Only a standalone word is ambiguous: "torch.compile" or "torch_xla" is an API name.
  const standalone = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}._-])${word}(?![\\p{L}\\p{N}._-])`, 'gu');
  const ambiguousPatterns = [...ambiguousWords].map((word) => ({ word, pattern: standalone(word) }));
  /** The query's terms as they would be without its everyday-word framework names. */
  const termsWithoutAmbiguousWords = (text: string): Set<string> | undefined => {
    const normalized = normalizeText(text);
    let stripped = normalized;
    for (const { pattern } of ambiguousPatterns) stripped = stripped.replace(pattern, ' ');
    return stripped === normalized ? undefined : new Set(analyzer.analyzeQuery(stripped).terms);
  };
  const faqByTopic = new Map<string, TopicFaqEntry[]>(knowledge.topics.map((topic) => [topic.id, []]));
  for (const entry of knowledge.faq) faqByTopic.get(entry.topic)?.push(entry);
  const searchContext: SearchContext = {
    knowledge,
    analyzer,
    search,
    answerFit: createAnswerFitModel(knowledge, analyzer, search),
    references: createReferences(knowledge),
    faqById: new Map(knowledge.faq.map((entry) => [entry.id, entry])),
    faqByTopic,
    topicById: new Map(knowledge.topics.map((topic) => [topic.id, topic])),
    queryTerms(text, emphasis) {
      const { terms, corrections } = analyzer.analyzeQuery(text);
      const correctedTerms = new Set(corrections.flatMap(({ to }) => analyzer.analyze(to)));
      const emphasised = new Set(emphasis ? analyzer.analyzeQuery(emphasis).terms : []);
      const weights = new Map<string, number>();
      for (const term of terms) {
        const weight =
          (correctedTerms.has(term) ? CORRECTED_TERM_WEIGHT : 1) *
          (/^\d+$/.test(term) ? NUMBER_WEIGHT : 1) *
          (QUESTION_WORDS.has(term) ? QUESTION_WORD_WEIGHT : 1) *
          (emphasised.has(term) ? FOLLOW_UP_WEIGHT : 1);
        weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      }
      const unambiguous = termsWithoutAmbiguousWords(text);
      return {
        terms: [...weights].map(([term, weight]) => ({
          term,
          weight,
          corrected: correctedTerms.has(term),
          ambiguous: unambiguous !== undefined && !unambiguous.has(term),
        })),
        corrections,
      };
    },
  };
  return {
    ...searchContext,
    commands,
    topicMatcher: createTopicMatcher(searchContext),
    needsRecogniser: createNeedsRecogniser(searchContext),
  };
}

/** The fields every result has, with neutral values; commands override what they know. */
export function emptyResult(query: string, notes: InputNote[]): ResultBase {
  return {
    query,
    text: '',
    topic: null,
    confidence: 0,
    entryId: null,
    claims: [],
    sources: [],
    followUps: [],
    candidates: [],
    notes,
    asOf: null,
  };
}

/** A FAQ entry as a follow-up: the question a button shows and the entry it answers. */
export const followUpOf = (entry: TopicFaqEntry) => ({ entryId: entry.id, question: entry.question });
