// BM25F: BM25 over documents made of weighted fields (a question counts more than an answer).
// Term weights per document are computed once at build time, so a query only walks the
// postings of its own terms: cost grows with matches, not with the size of the knowledge.

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
  /** 1 for a word as typed, less for a corrected one. */
  weight: number;
}

export interface DocumentScore {
  doc: number;
  score: number;
  /** The query terms this document contains. */
  matched: Set<string>;
}

export class WeightedBm25Index<Field extends string> {
  readonly size: number;
  private readonly postings = new Map<string, { doc: number; weightedTf: number }[]>();
  private readonly k1: number;

  constructor(documents: readonly FieldedDocument<Field>[], options: Bm25Options<Field>) {
    this.k1 = options.k1 ?? 1.2;
    const b = options.b ?? 0.5;
    this.size = documents.length;
    const fields = Object.keys(options.fieldWeights) as Field[];
    const averageLength = {} as Record<Field, number>;
    for (const field of fields) {
      const total = documents.reduce((sum, doc) => sum + doc.fields[field].length, 0);
      averageLength[field] = Math.max(1, total / Math.max(1, documents.length));
    }
    documents.forEach((doc, index) => {
      const weightedTf = new Map<string, number>();
      for (const field of fields) {
        const terms = doc.fields[field];
        if (terms.length === 0) continue;
        const lengthNorm = 1 - b + (b * terms.length) / averageLength[field];
        const contribution = options.fieldWeights[field] / lengthNorm;
        for (const term of terms) weightedTf.set(term, (weightedTf.get(term) ?? 0) + contribution);
      }
      for (const [term, tf] of weightedTf) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc: index, weightedTf: tf });
        this.postings.set(term, list);
      }
    });
  }

  /** Inverse document frequency; a term in no document gets the highest value. */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** The score a document would get by containing every query term very often: the ceiling. */
  idealScore(query: readonly QueryTerm[]): number {
    return query.reduce((sum, { term, weight }) => sum + weight * this.idf(term) * (this.k1 + 1), 0);
  }

  score(query: readonly QueryTerm[]): DocumentScore[] {
    const byDoc = new Map<number, DocumentScore>();
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, weightedTf } of list) {
        const contribution = weight * idf * ((weightedTf * (this.k1 + 1)) / (weightedTf + this.k1));
        const entry = byDoc.get(doc);
        if (entry) {
          entry.score += contribution;
          entry.matched.add(term);
        } else {
          byDoc.set(doc, { doc, score: contribution, matched: new Set([term]) });
        }
      }
    }
    return [...byDoc.values()];
  }
}
