// The engine's quality bar on the project's labelled questions (eval/): the
// development set copied from the evaluation, and the tuning set written without looking at
// the knowledge. `npm run eval` lists the misses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreQuestions, type LabelledQuestion } from '../../src/cli/evaluation.js';
import { plainFromPastedChat } from '../../src/adapters/pasted-text.js';
import { toEvaluationRecord } from '../../src/engine/index.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();
const load = (name: string): LabelledQuestion[] =>
  readFileSync(new URL(`../../eval/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledQuestion);

describe('answer quality on the labelled questions', () => {
  const questions = [...load('dev-questions.jsonl'), ...load('tuning-questions.jsonl')];
  const score = scoreQuestions(questions, (q) => toEvaluationRecord(q, engine.respond(plainFromPastedChat(q))));

  it('puts the right topic first for at least 90% of in-scope questions', () => {
    expect(score.top1Rate, score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 90% of out-of-scope questions', () => {
    expect(score.declinedRate, score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
