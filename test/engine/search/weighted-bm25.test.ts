import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeightedBm25Index } from '../../../src/engine/search/weighted-bm25.js';

/** BM25F written the slow, obvious way: for every document, for every query term. */
function naiveScores(
  docs: { fields: Record<'a' | 'b', string[]> }[],
  weights: Record<'a' | 'b', number>,
  query: string[],
  k1: number,
  b: number,
) {
  const avg = { a: 0, b: 0 };
  for (const field of ['a', 'b'] as const)
    avg[field] = Math.max(1, docs.reduce((s, d) => s + d.fields[field].length, 0) / Math.max(1, docs.length));
  return docs.map((doc) => {
    let score = 0;
    for (const term of query) {
      const df = docs.filter((d) => d.fields.a.includes(term) || d.fields.b.includes(term)).length;
      if (df === 0) continue;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      let tf = 0;
      for (const field of ['a', 'b'] as const) {
        const count = doc.fields[field].filter((t) => t === term).length;
        if (count > 0) tf += (weights[field] * count) / (1 - b + (b * doc.fields[field].length) / avg[field]);
      }
      if (tf > 0) score += (idf * (tf * (k1 + 1))) / (tf + k1);
    }
    return score;
  });
}

const term = fc.constantFrom('gpu', 'tpu', 'mobile', 'serve', 'graph', 'eager');
const doc = fc.record({ fields: fc.record({ a: fc.array(term, { maxLength: 6 }), b: fc.array(term, { maxLength: 12 }) }) });

describe('weighted BM25 index', () => {
  it('scores like the naive reference implementation', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), fc.uniqueArray(term, { minLength: 1, maxLength: 3 }), (docs, query) => {
        const weights = { a: 3, b: 1 };
        const index = WeightedBm25Index.build(docs, { fieldWeights: weights, k1: 1.2, b: 0.5 });
        const expected = naiveScores(docs, weights, query, 1.2, 0.5);
        const actual = new Array(docs.length).fill(0);
        for (const hit of index.score(query.map((t) => ({ term: t, weight: 1 })))) actual[hit.doc] = hit.score;
        actual.forEach((score, i) => {
          expect(score).toBeCloseTo(expected[i]!, 9);
        });
      }),
    );
  });

  it('reports which query terms each document matched', () => {
    const index = WeightedBm25Index.build([{ fields: { a: ['gpu', 'tpu'] } }, { fields: { a: ['mobile'] } }], { fieldWeights: { a: 1 } });
    const hits = index.score([
      { term: 'gpu', weight: 1 },
      { term: 'mobile', weight: 1 },
      { term: 'absent', weight: 1 },
    ]);
    expect(hits.map((h) => [h.doc, [...h.matched]])).toEqual([
      [0, ['gpu']],
      [1, ['mobile']],
    ]);
  });

  it('weighs a field by its weight: the same term counts more in a heavier field', () => {
    const index = WeightedBm25Index.build(
      [{ fields: { title: ['tpu'], body: [] } }, { fields: { title: [], body: ['tpu'] } }, { fields: { title: ['x'], body: ['y'] } }],
      { fieldWeights: { title: 3, body: 1 } },
    );
    const [first, second] = index.score([{ term: 'tpu', weight: 1 }]).sort((x, y) => y.score - x.score);
    expect([first!.doc, second!.doc]).toEqual([0, 1]);
  });
});
