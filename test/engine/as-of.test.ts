import { describe, expect, it } from 'vitest';
import { shippedEngine } from '../support/engine.js';

describe('results carry the day their facts were checked', () => {
  const engine = shippedEngine();

  it('an answer from an FAQ entry carries the entry’s check date (or none when it has none)', () => {
    for (const entry of engine.knowledge.faq.slice(0, 40)) {
      const result = engine.respond(entry.question);
      if (result.kind !== 'answer' || result.entryId !== entry.id) continue;
      expect(result.asOf, entry.id).toBe(entry.checked ?? null);
    }
  });

  it('an answer or check that rests on a claim carries the claim’s check date', () => {
    const claim = engine.knowledge.claims[0]!;
    const result = engine.respond(`check ${claim.claim}`);
    expect(result.kind).toBe('claim-check');
    const top = engine.knowledge.claims.find((c) => c.id === result.entryId)!;
    expect(result.asOf).toBe(top.checked);
  });

  it('help and topics state no checked facts, so they carry no date', () => {
    expect(engine.respond('help').asOf).toBeNull();
    expect(engine.respond('topics').asOf).toBeNull();
  });
});
