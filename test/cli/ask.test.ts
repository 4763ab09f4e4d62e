// `npm run ask`: the evaluation contract, as scripts and scorers use it.
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

const FIELDS = ['query', 'answered', 'topic', 'confidence', 'entryId', 'text', 'sources', 'suggestions'];

describe('ask --json', () => {
  it('prints one JSON object with the contract fields', () => {
    const run = runScript('src/cli/ask.ts', ['--json', 'is tflite still a thing?']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    for (const field of FIELDS) expect(record).toHaveProperty(field);
    expect(record).toMatchObject({ query: 'is tflite still a thing?', answered: true, topic: 'deployment-mobile' });
    expect(record.confidence).toBeGreaterThan(0);
    expect(record.confidence).toBeLessThanOrEqual(1);
    expect(record.sources[0]).toMatchObject({ title: expect.any(String), url: expect.stringMatching(/^https?:/) });
  });

  it('declines out-of-scope questions with answered false and a null topic', () => {
    const record = JSON.parse(runScript('src/cli/ask.ts', ['--json', 'how do i cook pasta']).stdout);
    expect(record).toMatchObject({ answered: false, topic: null, entryId: null });
  });

  it('--batch answers one question per line, in order, one JSON object per line', () => {
    const questions = ['what is jax', 'tell me a joke', '', 'compare mobile', '\u0001\u0002'];
    const run = runScript('src/cli/ask.ts', ['--json', '--batch'], { input: `${questions.join('\n')}\n` });
    expect(run.status).toBe(0);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.query)).toEqual(questions);
    expect(records.map((r) => r.answered)).toEqual([true, false, false, true, false]);
  });

  it('prints a readable answer without --json', () => {
    const run = runScript('src/cli/ask.ts', ['what', 'is', 'fsdp']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FSDP/);
    expect(run.stdout).toMatch(/Sources:/);
  });

  it('explains its usage when given nothing to ask, or an unknown option', () => {
    for (const args of [[], ['--nope', 'x']]) {
      const run = runScript('src/cli/ask.ts', args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/Usage:/);
    }
  });
});
