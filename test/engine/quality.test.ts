// The engine's quality bar on the project's labelled sets (eval/, see eval/README.md), at the
// answer level: how many answers address the question asked (direct), how many answer another
// question (wrong, the costliest outcome), and, for the FAQ-style sets, the topic. The bars sit
// a little below what `npm run eval` measures, so a change that makes answers worse fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { askLabelled, type LabelledQuestion, parseLabelledSet, scoreQuestions } from '../../src/cli/evaluation.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();
const load = (name: string): LabelledQuestion[] =>
  parseLabelledSet(readFileSync(new URL(`../../eval/${name}`, import.meta.url), 'utf8'), name);
interface Bar {
  sets: string[];
  minTop1?: number;
  minDeclined?: number;
  minDirect?: number;
  maxWrong?: number;
}

// The training sets of the answer model (bench/fit-answer-model.ts), the conversations and the
// questions in other languages. The holdout sets are only measured (npm run eval), never held
// here, so that nobody is tempted to tune on them.
const BARS: Bar[] = [
  { sets: ['dev-questions.jsonl', 'tuning-questions.jsonl'], minTop1: 0.86, minDeclined: 0.9, minDirect: 0.85, maxWrong: 0.09 },
  { sets: ['real-tune.jsonl', 'real-dev.jsonl'], minDirect: 0.6, maxWrong: 0.2, minDeclined: 0.9 },
  { sets: ['followups.jsonl'], minDirect: 0.78, maxWrong: 0.17 },
  { sets: ['non-english.jsonl'], maxWrong: 0.05 },
];

describe.each(BARS)('answer quality on $sets', (bar) => {
  const score = scoreQuestions(bar.sets.flatMap(load), (question) => askLabelled(engine, question));
  const misses = score.misses.join('\n');

  if (bar.minDirect !== undefined) {
    it(`answers at least ${bar.minDirect * 100}% of the judged questions directly`, () => {
      expect(score.directRate, misses).toBeGreaterThanOrEqual(bar.minDirect!);
    });
  }
  if (bar.maxWrong !== undefined) {
    it(`answers at most ${bar.maxWrong * 100}% of the judged questions with an answer to another question`, () => {
      expect(score.wrongRate, misses).toBeLessThanOrEqual(bar.maxWrong!);
    });
  }
  if (bar.minTop1 !== undefined) {
    it(`puts the right topic first for at least ${bar.minTop1 * 100}% of in-scope questions`, () => {
      expect(score.top1Rate, misses).toBeGreaterThanOrEqual(bar.minTop1!);
    });
  }
  if (bar.minDeclined !== undefined) {
    it(`declines at least ${bar.minDeclined * 100}% of out-of-scope questions`, () => {
      expect(score.declinedRate, misses).toBeGreaterThanOrEqual(bar.minDeclined!);
    });
  }
});
