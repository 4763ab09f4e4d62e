// BM25F: BM25 over documents made of weighted fields (a question counts more than an answer).
// Term weights per document are computed once at build time and kept in typed arrays, so a
// query only walks the postings of its own terms and allocates nothing per document.
import { DocList } from './doc-list.js';

export interface FieldedDocument<Field extends string> {
  fields: Record<Field, string[]>;
}

export interface Bm25Options<Field extends string> {
  fieldWeights: Record<Field, number>;
  /** Term-frequency saturation. */
  k1?: number;
  /** How much a long field is penalised (0 = not at all, 1 = fully). */
  b?: number;
}

export interface QueryTerm {
  term: string;
  /** 1 for a word as typed, less for a corrected one or a number. */
  weight: number;
  /** True when the word was read through a typo correction. */
  corrected?: boolean;
  /** True when only an everyday word that is also a framework name ("torch") gave this term. */
  ambiguous?: boolean;
}

export interface DocumentScore {
  doc: number;
  score: number;
  /** The query terms this document contains. */
  matched: Set<string>;
}

/** Query terms beyond this many do not get their own bit in the matched-terms masks. */
export const MAX_MASKED_TERMS = 32;

interface Postings {
  docs: Int32Array;
  weightedTf: Float64Array;
}

/**
 * A built index as plain data: term i's postings are entries offsets[i] to offsets[i + 1] of
 * docs and weightedTf. A later build over the same documents (same code) may be handed it
 * instead of the documents (see PrebuiltIndex); the index is then exactly the one that was built.
 */
export interface Bm25Snapshot {
  size: number;
  k1: number;
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  weightedTf: Float64Array;
}

/** Postings of every term, by term id, in one pair of typed arrays. */
function buildSnapshot<Field extends string>(documents: readonly FieldedDocument<Field>[], options: Bm25Options<Field>): Bm25Snapshot {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.5;
  const fields = Object.keys(options.fieldWeights) as Field[];
  const averageLength = {} as Record<Field, number>;
  for (const field of fields) {
    const total = documents.reduce((sum, doc) => sum + doc.fields[field].length, 0);
    averageLength[field] = Math.max(1, total / Math.max(1, documents.length));
  }
  // Terms get dense ids so a document's term weights can be tallied in one reused buffer.
  // Every (document, term, weight) is recorded in growable typed arrays, then postings are
  // filled in one pass at their exact size: no per-term arrays, little garbage.
  const termIds = new Map<string, number>();
  let tally = new Float64Array(1024);
  let documentFrequency = new Int32Array(1024);
  const touched = new DocList(1024);
  let pairTerms = new Int32Array(1 << 16);
  let pairDocs = new Int32Array(1 << 16);
  let pairTfs = new Float64Array(1 << 16);
  let pairs = 0;
  const grow = <T extends Int32Array | Float64Array>(array: T, size: number): T => {
    if (size <= array.length) return array;
    const grown = new (array.constructor as { new (length: number): T })(Math.max(size, array.length * 2));
    grown.set(array);
    return grown;
  };
  documents.forEach((doc, index) => {
    for (const field of fields) {
      const terms = doc.fields[field];
      if (terms.length === 0) continue;
      const lengthNorm = 1 - b + (b * terms.length) / averageLength[field];
      const contribution = options.fieldWeights[field] / lengthNorm;
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          tally = grow(tally, id + 1);
          documentFrequency = grow(documentFrequency, id + 1);
        }
        if (tally[id] === 0) touched.push(id);
        tally[id] = tally[id]! + contribution;
      }
    }
    pairTerms = grow(pairTerms, pairs + touched.size);
    pairDocs = grow(pairDocs, pairs + touched.size);
    pairTfs = grow(pairTfs, pairs + touched.size);
    for (let t = 0; t < touched.size; t++) {
      const id = touched.at(t);
      pairTerms[pairs] = id;
      pairDocs[pairs] = index;
      pairTfs[pairs] = tally[id]!;
      pairs++;
      documentFrequency[id] = documentFrequency[id]! + 1;
      tally[id] = 0;
    }
    touched.clear();
  });
  const offsets = new Int32Array(termIds.size + 1);
  for (let id = 0; id < termIds.size; id++) offsets[id + 1] = offsets[id]! + documentFrequency[id]!;
  const docs = new Int32Array(pairs);
  const weightedTf = new Float64Array(pairs);
  const filled = offsets.slice(0, termIds.size);
  for (let i = 0; i < pairs; i++) {
    const slot = filled[pairTerms[i]!]!++;
    docs[slot] = pairDocs[i]!;
    weightedTf[slot] = pairTfs[i]!;
  }
  return { size: documents.length, k1, terms: [...termIds.keys()], offsets, docs, weightedTf };
}

/** A built index: what it was built from (documents, fields and their weights) no longer matters. */
export class WeightedBm25Index {
  readonly size: number;
  private readonly postings = new Map<string, Postings>();
  private readonly k1: number;
  private readonly built: Bm25Snapshot;

  /** An index built over `documents`. */
  static build<Field extends string>(documents: readonly FieldedDocument<Field>[], options: Bm25Options<Field>): WeightedBm25Index {
    return new WeightedBm25Index(buildSnapshot(documents, options));
  }

  /** The index an earlier build made, taken as it is (see snapshot()). */
  constructor(built: Bm25Snapshot) {
    this.built = built;
    const { size, k1, terms, offsets, docs, weightedTf } = built;
    this.size = size;
    this.k1 = k1;
    for (let id = 0; id < terms.length; id++) {
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      this.postings.set(terms[id]!, { docs: docs.subarray(from, to), weightedTf: weightedTf.subarray(from, to) });
    }
  }

  /** The index as plain data, for a later build over the same documents. */
  snapshot(): Bm25Snapshot {
    return this.built;
  }

  /** Inverse document frequency; a term in no document gets the highest value. */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** The score a document would get by containing every query term very often: the ceiling. */
  idealScore(query: readonly QueryTerm[]): number {
    return query.reduce((sum, { term, weight }) => sum + weight * this.idf(term) * (this.k1 + 1), 0);
  }

  /**
   * Adds every query term's contribution to `scores[doc]`, sets bit i of `matched[doc]` for query
   * term i, and lists each document the first time it is touched. The caller owns the buffers
   * (sized to the index) and must zero what was touched before the next call.
   */
  accumulate(query: readonly QueryTerm[], scores: Float64Array, matched: Uint32Array, touched: DocList): void {
    const k1 = this.k1;
    query.forEach(({ term, weight }, position) => {
      const list = this.postings.get(term);
      if (!list) return;
      const factor = weight * this.idf(term) * (k1 + 1);
      const bit = position < MAX_MASKED_TERMS ? (1 << position) >>> 0 : 0;
      const { docs, weightedTf } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = weightedTf[i]!;
        if (matched[doc] === 0 && scores[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc]! + (factor * tf) / (tf + k1);
        matched[doc] = (matched[doc]! | bit) >>> 0;
      }
    });
  }

  /** Scores of every document that contains a query term (convenient, allocating form). */
  score(query: readonly QueryTerm[]): DocumentScore[] {
    const scores = new Float64Array(this.size);
    const matched = new Uint32Array(this.size);
    const touched = new DocList(this.size);
    this.accumulate(query, scores, matched, touched);
    return touched.toArray().map((doc) => ({
      doc,
      score: scores[doc]!,
      matched: new Set(query.filter((_, i) => i < MAX_MASKED_TERMS && (matched[doc]! >>> i) & 1).map((q) => q.term)),
    }));
  }
}
