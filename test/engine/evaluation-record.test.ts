import { describe, expect, it } from 'vitest';
import { toEvaluationRecord } from '../../src/engine/evaluation-record.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();

describe('the evaluation record (ask --json)', () => {
  it('gives an answer its text as written', () => {
    const result = engine.respond('is tflite still a thing?');
    expect(result.kind).toBe('answer');
    expect(toEvaluationRecord('q', result).text).toBe(result.text);
  });

  it('gives a comparison its summary and every row, as the renderers show them', () => {
    const result = engine.respond('compare hardware');
    if (result.kind !== 'comparison') throw new Error(`expected a comparison, got ${result.kind}`);
    const { text } = toEvaluationRecord('compare hardware', result);
    expect(text.startsWith(result.text)).toBe(true);
    for (const row of result.rows) {
      expect(text).toContain(row.aspect);
      expect(text).toContain(row.pytorch);
      expect(text).toContain(row.tensorflow);
    }
  });

  it('gives a recommendation its summary and why each need leans as it does', () => {
    const result = engine.respond('recommend mobile app, small team, TPUs');
    if (result.kind !== 'recommendation') throw new Error(`expected a recommendation, got ${result.kind}`);
    expect(result.needs.length).toBeGreaterThan(0);
    const { text } = toEvaluationRecord('recommend', result);
    for (const need of result.needs) expect(text).toContain(need.why);
  });

  it('leaves a decline without text', () => {
    const result = engine.respond('how do I bake sourdough bread?');
    const record = toEvaluationRecord('q', result);
    expect(record.answered).toBe(false);
    expect(record.text).toBe('');
  });
});
