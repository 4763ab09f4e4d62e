// The labelled question sets in eval/ are data that the scorer (../shared/eval/score.mjs)
// trusts: a line that does not parse or a pattern that does not compile would silently drop or
// crash a whole run. eval/README.md gives the labelling rules these checks back up.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LabelledLine {
  q: string;
  topics?: string[];
  must?: string[];
  mustNot?: string[];
}

const evalDir = new URL('../eval/', import.meta.url);
const read = (file: string): LabelledLine[] =>
  readFileSync(new URL(file, evalDir), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledLine);

// The sets labelled at the answer level: every in-scope line says what a direct answer must match.
const answerLabelledSets = [
  'dev-questions.jsonl',
  'tuning-questions.jsonl',
  'holdout-questions.jsonl',
  'holdout-2-questions.jsonl',
  'holdout-3-questions.jsonl',
  'real-blind.jsonl',
  'real-blind-2.jsonl',
  'real-blind-3.jsonl',
  'real-blind-4.jsonl',
  'real-tune-2.jsonl',
  'real-blind-6.jsonl',
  'faq-blind-4.jsonl',
  'real-reader-a.jsonl',
  'real-reader-b.jsonl',
  'real-reader-c.jsonl',
  'real-reader-d.jsonl',
  'real-reader-e.jsonl',
  'faq-blind-5.jsonl',
  'real-reader-f.jsonl',
];

describe('the labelled question sets', () => {
  it('parse, and every must and mustNot pattern in any set compiles as a case-insensitive RegExp', () => {
    const broken = readdirSync(evalDir)
      .filter((file) => file.endsWith('.jsonl'))
      .flatMap((file) =>
        read(file).flatMap((line, i) =>
          [...(line.must ?? []), ...(line.mustNot ?? [])].flatMap((pattern) => {
            try {
              new RegExp(pattern, 'i');
              return [];
            } catch {
              return [`${file}:${i + 1} ${pattern}`];
            }
          }),
        ),
      );
    expect(broken).toEqual([]);
  });

  it.each(answerLabelledSets)('%s: every in-scope line has 1 to 3 must patterns, and none matches an empty answer', (file) => {
    const problems = read(file).flatMap((line, i) => {
      if (!line.topics || line.topics.length === 0) return [];
      const must = line.must ?? [];
      if (must.length < 1 || must.length > 3) return [`${file}:${i + 1} has ${must.length} must patterns`];
      return must.filter((pattern) => new RegExp(pattern, 'i').test('')).map((pattern) => `${file}:${i + 1} ${pattern}`);
    });
    expect(problems).toEqual([]);
  });

  it.each(answerLabelledSets)('%s: lines the bot must decline carry no answer patterns', (file) => {
    const labelledDeclines = read(file).filter(
      (line) => line.topics?.length === 0 && (line.must !== undefined || line.mustNot !== undefined),
    );
    expect(labelledDeclines.map((line) => line.q)).toEqual([]);
  });
});
