// The evaluation's scoring rules: what counts as direct, wrong and held back.
import { describe, expect, it } from 'vitest';
import { addresses, type LabelledQuestion, parseLabelledSet, scoreQuestions } from '../../src/cli/evaluation.js';
import type { EvaluationRecord } from '../../src/engine/index.js';

const record = (overrides: Partial<EvaluationRecord>): EvaluationRecord => ({
  query: 'q',
  answered: true,
  kind: 'answer',
  topic: 'deployment-mobile',
  confidence: 0.9,
  entryId: 'litert-status',
  text: 'TensorFlow Lite was renamed LiteRT in 2024.',
  sources: [],
  suggestions: [],
  asOf: null,
  ...overrides,
});

describe('whether an answer addresses the question', () => {
  it('holds when every must pattern matches and no mustNot does', () => {
    expect(addresses({ q: 'is tflite dead', must: ['LiteRT', 'renamed|rename'] }, record({}))).toBe(true);
    expect(addresses({ q: 'is tflite dead', must: ['LiteRT', 'ExecuTorch'] }, record({}))).toBe(false);
    expect(addresses({ q: 'is tflite dead', must: ['LiteRT'], mustNot: ['renamed'] }, record({}))).toBe(false);
  });

  it('holds when the answering entry is one of the labelled entries', () => {
    expect(addresses({ q: 'is tflite dead', entries: ['litert-status'] }, record({}))).toBe(true);
    expect(addresses({ q: 'is tflite dead', entries: ['other'] }, record({}))).toBe(false);
  });

  it('is undefined for a question without answer labels', () => {
    expect(addresses({ q: 'is tflite dead', topics: ['deployment-mobile'] }, record({}))).toBeUndefined();
  });
});

describe('scoring a set', () => {
  const questions: LabelledQuestion[] = [
    { q: 'direct one', topics: ['deployment-mobile'], must: ['LiteRT'] },
    { q: 'wrong one', topics: ['deployment-mobile'], must: ['ExecuTorch'] },
    { q: 'held back', topics: ['deployment-mobile'], must: ['LiteRT'] },
    { q: 'out of scope', topics: [] },
  ];
  const answers: Record<string, EvaluationRecord> = {
    'direct one': record({}),
    'wrong one': record({ confidence: 0.5 }),
    'held back': record({ answered: false, kind: 'partial', topic: null, entryId: null }),
    'out of scope': record({ answered: false, kind: 'no-match', topic: null, entryId: null }),
  };
  const score = scoreQuestions(questions, (question) => answers[question.q!]!);

  it('counts direct, wrong and held back among the judged questions', () => {
    expect(score).toMatchObject({ judged: 3, direct: 1, wrong: 1, heldBack: 1, heldBackKinds: { partial: 1 } });
  });

  it('counts topics and declines as before', () => {
    expect(score).toMatchObject({ inScope: 3, top1: 2, outOfScope: 1, declined: 1 });
  });

  it('lists wrong answers first', () => {
    expect(score.misses[0]).toMatch(/^WRONG: "wrong one"/);
  });

  it('puts each answered, judged question in its confidence band', () => {
    const band = (from: number) => score.calibration.find((b) => b.from === from)!;
    expect(band(0.8)).toMatchObject({ answered: 1, direct: 1 });
    expect(band(0.4)).toMatchObject({ answered: 1, direct: 0 });
  });
});

describe('held-back questions one pick away from an answer', () => {
  const heldBack = record({ answered: false, kind: 'partial', topic: null, entryId: null, text: '' });
  const questions: LabelledQuestion[] = [
    { q: 'offered the answer', must: ['LiteRT'] },
    { q: 'offered only neighbours', must: ['LiteRT'] },
    { q: 'answered', must: ['LiteRT'] },
  ];
  const offered: Record<string, EvaluationRecord[]> = {
    'offered the answer': [record({ text: 'ExecuTorch is PyTorch on phones.' }), record({})],
    'offered only neighbours': [record({ text: 'ExecuTorch is PyTorch on phones.' })],
    answered: [],
  };
  const score = scoreQuestions(
    questions,
    (question) => (question.q === 'answered' ? record({}) : heldBack),
    (question) => offered[question.q!]!,
  );

  it('counts a held-back question whose offered questions include one that answers it', () => {
    expect(score).toMatchObject({ direct: 1, heldBack: 2, onePickAway: 1 });
    expect(score.misses).toContain('held back: "offered the answer" (partial, 0.9), answered by an offered question');
  });

  it('counts none when the scorer is not given the offered answers', () => {
    expect(scoreQuestions(questions, () => heldBack).onePickAway).toBe(0);
  });
});

describe('wrong answers one pick away from the right one', () => {
  it('counts a wrong answer whose follow-up questions include one that answers it, and says so in its line', () => {
    const wrong = record({ text: 'ExecuTorch is PyTorch on phones.' });
    const questions: LabelledQuestion[] = [
      { q: 'follow-up answers it', must: ['LiteRT'] },
      { q: 'follow-ups do not', must: ['LiteRT'] },
    ];
    const offered: Record<string, EvaluationRecord[]> = {
      'follow-up answers it': [record({ text: 'TensorFlow Lite is now LiteRT.' })],
      'follow-ups do not': [wrong],
    };
    const score = scoreQuestions(
      questions,
      () => wrong,
      (question) => offered[question.q!]!,
    );
    expect(score).toMatchObject({ wrong: 2, wrongOnePickAway: 1 });
    expect(score.misses.find((line) => line.includes('follow-up answers it'))).toMatch(/an offered question answers it/);
  });
});

describe('reading a set', () => {
  it('names the file and line of a broken line', () => {
    expect(() => parseLabelledSet('{"q":"a"}\n{oops', 'set.jsonl')).toThrow('set.jsonl:2 is not valid JSON');
    expect(() => parseLabelledSet('{"topics":[]}', 'set.jsonl')).toThrow('set.jsonl:1 has neither');
  });
});
