// Decides whether a query is one for this bot at all, from the curated lexicon in
// knowledge/scope.yaml: a framework or product name is strong evidence, machine-learning words
// and comparison cues are weak evidence that needs a strong match to back it.
import type { Scope } from '../../knowledge/schema.js';
import type { TextAnalyzer } from '../text/analyzer.js';

export type ScopeEvidence = 'framework' | 'context' | 'none';

export interface ScopeClassifier {
  /**
   * `withoutAmbiguousWords` are the query's terms when its everyday-word framework names
   * ("torch", "gym") are left out: a framework named only by such a word is context evidence.
   */
  classify(queryTerms: ReadonlySet<string>, withoutAmbiguousWords?: ReadonlySet<string>): ScopeEvidence;
}

export function createScopeClassifier(scope: Scope, analyzer: TextAnalyzer): ScopeClassifier {
  // A multi-word entry ("lua torch") counts only when all its words are in the query.
  const toTermLists = (entries: string[]) => entries.map((entry) => analyzer.analyze(entry)).filter((terms) => terms.length > 0);
  const frameworkTerms = toTermLists(scope.frameworkTerms);
  const contextTerms = toTermLists(scope.contextTerms);
  const anyPresent = (lists: string[][], query: ReadonlySet<string>) => lists.some((terms) => terms.every((term) => query.has(term)));
  return {
    classify(queryTerms, withoutAmbiguousWords = queryTerms) {
      if (anyPresent(frameworkTerms, withoutAmbiguousWords)) return 'framework';
      if (anyPresent(frameworkTerms, queryTerms)) return 'context';
      if (anyPresent(contextTerms, queryTerms)) return 'context';
      return 'none';
    },
  };
}
