// Decides whether a query is one for this bot at all, from the curated lexicon in
// knowledge/scope.yaml: a framework or product name is strong evidence, machine-learning words
// and comparison cues are weak evidence that needs a strong match to back it.
import type { Scope } from '../../knowledge/schema.js';
import type { TextAnalyzer } from '../text/analyzer.js';

/**
 * framework: names a framework, tool or API; context: machine-learning or comparison words;
 * everyday-name: only a name that is also an everyday word (a torch, a gym); none: nothing.
 */
export type ScopeEvidence = 'framework' | 'context' | 'everyday-name' | 'none';

export interface ScopeClassifier {
  /**
   * `withoutAmbiguousWords` are the query's terms when its everyday-word framework names
   * ("torch", "gym") are left out: a framework named only by such a word is context evidence.
   */
  classify(queryTerms: ReadonlySet<string>, withoutAmbiguousWords?: ReadonlySet<string>): ScopeEvidence;
  /** Whether a single term names something in the domain (a framework, a tool, an API). */
  namesDomainThing(term: string): boolean;
}

/** Code identifiers: dotted or snake_case names, or camelCase / PascalCase words. */
const IDENTIFIER = /[a-z0-9][._][a-z0-9]|[a-z][A-Z]|^[A-Z][a-z]+[A-Z]/;

/**
 * `keywords` are the knowledge's own search keywords; those written as code identifiers
 * (set_memory_growth, tf.function, SummaryWriter) are API names, as strong a sign as a
 * framework name.
 */
export function createScopeClassifier(scope: Scope, analyzer: TextAnalyzer, keywords: readonly string[] = []): ScopeClassifier {
  // A multi-word entry ("lua torch") counts only when all its words are in the query.
  const toTermLists = (entries: readonly string[]) => entries.map((entry) => analyzer.analyze(entry)).filter((terms) => terms.length > 0);
  const apiNames = keywords.filter((keyword) => !keyword.includes(' ') && IDENTIFIER.test(keyword));
  // An API name counts by its joined form only ("set_memory_growth" -> "setmemorygrowth"), so
  // its parts ("memory", "growth") do not become framework evidence on their own. Names too
  // long to be joined (the analyzer joins at most four parts) are left out.
  const joinedForms = apiNames.flatMap((name) => {
    const [first, ...parts] = analyzer.analyze(name);
    if (!first) return [];
    // A dotted or snake_case name must come out joined ("setmemorygrowth"), not read as one
    // synonym ("node.js" is the everyday word "javascript"); a camelCase name is one word.
    const joined = parts.length > 0 && parts.every((part) => part.length < first.length);
    return joined || (parts.length === 0 && !/[._]/.test(name)) ? [[first]] : [];
  });
  const namedTerms = [...toTermLists(scope.frameworkTerms), ...joinedForms];
  const frameworkTerms = [...namedTerms, ...toTermLists(scope.subjectTerms)];
  const contextTerms = toTermLists(scope.contextTerms);
  const domainTerms = new Set(namedTerms.filter((terms) => terms.length === 1).map(([term]) => term!));
  const frameworkLists = byFirstTerm(frameworkTerms);
  const contextLists = byFirstTerm(contextTerms);
  return {
    namesDomainThing: (term) => domainTerms.has(term),
    classify(queryTerms, withoutAmbiguousWords = queryTerms) {
      if (anyPresent(frameworkLists, withoutAmbiguousWords)) return 'framework';
      if (anyPresent(contextLists, queryTerms)) return 'context';
      if (anyPresent(frameworkLists, queryTerms)) return 'everyday-name';
      return 'none';
    },
  };
}

/** Term lists by their first term: a list can be whole in a query only when its first term is there. */
function byFirstTerm(lists: readonly string[][]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const terms of lists) {
    const list = index.get(terms[0]!);
    if (list) list.push(terms);
    else index.set(terms[0]!, [terms]);
  }
  return index;
}

/** Whether every term of some list is in the query: only the lists starting with one of its terms are read. */
function anyPresent(lists: ReadonlyMap<string, string[][]>, query: ReadonlySet<string>): boolean {
  for (const term of query) {
    const candidates = lists.get(term);
    if (candidates?.some((terms) => terms.every((other) => query.has(other)))) return true;
  }
  return false;
}
