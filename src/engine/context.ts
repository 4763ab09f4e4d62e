// What every command needs from the loaded knowledge, built once by createEngine.
import type { Knowledge, Topic, TopicFaqEntry } from '../knowledge/model.js';
import type { QueryTerm } from './search/weighted-bm25.js';
import { createKnowledgeSearch, type KnowledgeSearch } from './search/knowledge-search.js';
import { createReferences, type References } from './references.js';
import { createTextAnalyzer, type TextAnalyzer } from './text/analyzer.js';
import { normalizeText, WORD } from './text/normalize.js';
import type { EngineResult } from './types.js';

export interface EngineContext {
  knowledge: Knowledge;
  analyzer: TextAnalyzer;
  search: KnowledgeSearch;
  references: References;
  faqById: ReadonlyMap<string, TopicFaqEntry>;
  topicById: ReadonlyMap<string, Topic>;
  /** Query terms, each once; a word read through a typo correction weighs a little less. */
  queryTerms(text: string): { terms: QueryTerm[]; corrections: { from: string; to: string }[] };
}

/** A corrected word is likely but not certainly what the user meant. */
const CORRECTED_TERM_WEIGHT = 0.8;
/** A version or a count ("2", "20") helps, but should not outweigh the words around it. */
const NUMBER_WEIGHT = 0.5;

export function createEngineContext(knowledge: Knowledge): EngineContext {
  const analyzer = createTextAnalyzer(knowledge.synonyms);
  const search = createKnowledgeSearch(knowledge, analyzer);
  analyzer.buildTypoCorrector();
  const ambiguousWords = new Set(knowledge.scope.ambiguousTerms.flatMap((term) => normalizeText(term).match(WORD) ?? []));
  /** The query's terms as they would be without its everyday-word framework names. */
  // Only a standalone word is ambiguous: "torch.compile" or "torch_xla" is an API name.
  const standalone = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}._-])${word}(?![\\p{L}\\p{N}._-])`, 'gu');
  const ambiguousPatterns = [...ambiguousWords].map((word) => ({ word, pattern: standalone(word) }));
  const termsWithoutAmbiguousWords = (text: string): Set<string> | undefined => {
    const normalized = normalizeText(text);
    let stripped = normalized;
    for (const { pattern } of ambiguousPatterns) stripped = stripped.replace(pattern, ' ');
    return stripped === normalized ? undefined : new Set(analyzer.analyzeQuery(stripped).terms);
  };
  return {
    knowledge,
    analyzer,
    search,
    references: createReferences(knowledge),
    faqById: new Map(knowledge.faq.map((entry) => [entry.id, entry])),
    topicById: new Map(knowledge.topics.map((topic) => [topic.id, topic])),
    queryTerms(text) {
      const { terms, corrections } = analyzer.analyzeQuery(text);
      const correctedTerms = new Set(corrections.flatMap(({ to }) => analyzer.analyze(to)));
      const weights = new Map<string, number>();
      for (const term of terms) {
        const weight = (correctedTerms.has(term) ? CORRECTED_TERM_WEIGHT : 1) * (/^\d+$/.test(term) ? NUMBER_WEIGHT : 1);
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
}

/** The fields every result has, with neutral values; commands override what they know. */
export function emptyResult(query: string, notes: string[]): Omit<EngineResult, 'kind'> {
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
