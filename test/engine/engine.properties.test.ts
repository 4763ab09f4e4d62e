// Properties that hold for any input, checked on generated strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src/render/messages.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        'pytorch',
        'tf',
        'tpu',
        'compare',
        'recommend',
        'check',
        '<@U1>',
        '<!here>',
        '🚀',
        'tflite',
        'vs',
        '?',
        'serving',
        'pasta',
      ),
      { maxLength: 12 },
    )
    .map((words) => words.join(' ')),
);

describe('engine properties', () => {
  it('never throws, and always returns a result with confidence in 0..1 that says something', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = engine.respond(text);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(typeof result.text).toBe('string');
        expect(messageOf(result, (name) => name).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(engine.respond(text)).toEqual(engine.respond(text));
      }),
      { numRuns: 150 },
    );
  });

  it('lists candidates sorted by score, each within 0..1', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { candidates } = engine.respond(text);
        candidates.forEach((candidate, i) => {
          expect(candidate.score).toBeGreaterThanOrEqual(0);
          expect(candidate.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(candidate.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
        });
      }),
      // Found by this property: an entry that may not answer is listed after one that may, whatever its score.
      { numRuns: 200, examples: [['tpu recommend']] },
    );
  });

  it('answers only with a topic and an entry, and declines without them', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = engine.respond(text);
        if (result.kind === 'answer') {
          expect(result.topic).not.toBeNull();
          expect(result.entryId).not.toBeNull();
        }
        if (result.kind === 'no-match') expect(result.topic).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
