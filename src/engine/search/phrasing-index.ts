// Nearest paraphrase: how close a query is to the closest single way of asking an entry
// (its question or one of its phrasings), as an IDF-weighted cosine of the two term sets.
// Curators write the ways people really ask; a query near one of them is very likely that
// entry, even when BM25 over all of an entry's text is spread too thin to say so.
import type { QueryTerm } from './weighted-bm25.js';
import { DocList } from './doc-list.js';

export interface PhrasingIndex {
  /**
   * Writes into `closeness[entry]` the similarity (0..1) of each entry's closest phrasing, for
   * entries sharing a term with the query, and lists them in `touched`. The caller zeroes them.
   */
  accumulate(query: readonly QueryTerm[], closeness: Float64Array, touched: DocList): void;
}

/** Containment counts only for phrasings of at least this many terms: one word is no way of asking. */
const MIN_CONTAINED_TERMS = 2;
/** A contained phrasing is strong evidence, but less than a query that is that phrasing. */
const CONTAINMENT_WEIGHT = 0.85;
/** Frequent words still say something; without a floor, "pytorch vs tensorflow" would weigh nothing. */
const MIN_TERM_WEIGHT = 0.35;

/**
 * A built phrasing index as plain data (see PrebuiltIndex): term i's postings are entries
 * offsets[i] to offsets[i + 1] of ids and weights; then each phrasing's entry, norm and mass.
 */
export interface PhrasingSnapshot {
  terms: string[];
  offsets: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  entryOfPhrasing: Int32Array;
  normOfPhrasing: Float64Array;
  massOfPhrasing: Float64Array;
}

export interface PhrasingIndexWithSnapshot extends PhrasingIndex {
  /** The index as plain data, for a later build over the same phrasings. */
  snapshot(): PhrasingSnapshot;
}

/** A term's weight in a phrasing: its information, with a floor so common words still count a little. */
function phrasingWeights(idf: (term: string) => number): (term: string) => number {
  const weights = new Map<string, number>();
  return (term) => {
    let weight = weights.get(term);
    if (weight === undefined) weights.set(term, (weight = Math.max(MIN_TERM_WEIGHT, idf(term))));
    return weight;
  };
}

/** An index over each entry's ways of asking (`phrasingsByEntry`, as terms). */
export function createPhrasingIndex(phrasingsByEntry: string[][][], idf: (term: string) => number): PhrasingIndexWithSnapshot {
  const weightOf = phrasingWeights(idf);
  return indexOver(buildSnapshot(phrasingsByEntry, weightOf), weightOf);
}

/** The index an earlier build over the same phrasings and weights made, taken as it is. */
export function phrasingIndexFromSnapshot(built: PhrasingSnapshot, idf: (term: string) => number): PhrasingIndexWithSnapshot {
  return indexOver(built, phrasingWeights(idf));
}

function indexOver(built: PhrasingSnapshot, weightOf: (term: string) => number): PhrasingIndexWithSnapshot {
  const postings = new Map<string, { ids: Int32Array; weights: Float64Array }>();
  for (let i = 0; i < built.terms.length; i++) {
    const from = built.offsets[i]!;
    const to = built.offsets[i + 1]!;
    postings.set(built.terms[i]!, { ids: built.ids.subarray(from, to), weights: built.weights.subarray(from, to) });
  }
  const { entryOfPhrasing, normOfPhrasing, massOfPhrasing } = built;
  const dot = new Float64Array(entryOfPhrasing.length);
  const contained = new Float64Array(entryOfPhrasing.length);
  const touchedPhrasings = new DocList(entryOfPhrasing.length);

  return {
    snapshot: () => built,
    accumulate(query, closeness, touched) {
      let queryNormSquared = 0;
      for (const { term, weight } of query) {
        const queryWeight = weight * weightOf(term);
        queryNormSquared += queryWeight * queryWeight;
        const list = postings.get(term);
        if (!list) continue;
        for (let i = 0; i < list.ids.length; i++) {
          const id = list.ids[i]!;
          if (dot[id] === 0) touchedPhrasings.push(id);
          dot[id] = dot[id]! + queryWeight * list.weights[i]!;
          contained[id] = contained[id]! + list.weights[i]! * Math.min(1, weight);
        }
      }
      const queryNorm = Math.sqrt(queryNormSquared);
      for (let t = 0; t < touchedPhrasings.size; t++) {
        const id = touchedPhrasings.at(t);
        const entry = entryOfPhrasing[id]!;
        const cosine = queryNorm > 0 ? dot[id]! / (queryNorm * normOfPhrasing[id]!) : 0;
        // A long question can hold a whole short way of asking plus context; cosine would
        // dilute that, containment does not.
        const containment = massOfPhrasing[id]! > 0 ? contained[id]! / massOfPhrasing[id]! : 0;
        const similarity = Math.max(cosine, CONTAINMENT_WEIGHT * containment);
        if (closeness[entry] === 0) touched.push(entry);
        if (similarity > closeness[entry]!) closeness[entry] = similarity;
        dot[id] = 0;
        contained[id] = 0;
      }
      touchedPhrasings.clear();
    },
  };
}

function buildSnapshot(phrasingsByEntry: string[][][], weightOf: (term: string) => number): PhrasingSnapshot {
  const entryOf: number[] = [];
  const norms: number[] = [];
  /** Sum of the phrasing's term weights, for containment; 0 for one-word phrasings. */
  const masses: number[] = [];
  const building = new Map<string, { ids: number[]; weights: number[] }>();
  phrasingsByEntry.forEach((texts, entry) => {
    for (const termList of texts) {
      const terms = new Set(termList);
      if (terms.size === 0) continue;
      const id = entryOf.push(entry) - 1;
      norms.push(Math.sqrt([...terms].reduce((sum, term) => sum + weightOf(term) ** 2, 0)));
      masses.push(terms.size >= MIN_CONTAINED_TERMS ? [...terms].reduce((sum, term) => sum + weightOf(term), 0) : 0);
      for (const term of terms) {
        let list = building.get(term);
        if (!list) building.set(term, (list = { ids: [], weights: [] }));
        list.ids.push(id);
        list.weights.push(weightOf(term));
      }
    }
  });
  const offsets = new Int32Array(building.size + 1);
  let term = 0;
  for (const list of building.values()) {
    offsets[term + 1] = offsets[term]! + list.ids.length;
    term++;
  }
  const ids = new Int32Array(offsets[building.size]!);
  const weights = new Float64Array(ids.length);
  term = 0;
  for (const list of building.values()) {
    ids.set(list.ids, offsets[term]!);
    weights.set(list.weights, offsets[term]!);
    term++;
  }
  return {
    terms: [...building.keys()],
    offsets,
    ids,
    weights,
    entryOfPhrasing: Int32Array.from(entryOf),
    normOfPhrasing: Float64Array.from(norms),
    massOfPhrasing: Float64Array.from(masses),
  };
}
