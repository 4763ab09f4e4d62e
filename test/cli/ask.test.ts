// `npm run ask`: the evaluation contract, as scripts and scorers use it, and the readable answer
// a person gets in a terminal or a pipe. Two specs run the real process (the contract on
// stdout, a closed pipe); the rest run the command in this process, on the shared engine.
import { spawn } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask-command.js';
import { OperatorError } from '../../src/errors.js';
import { shippedEngine } from '../support/engine.js';
import { nodeArgumentsFor, runScript } from '../support/run-script.js';

/** `ask` with these arguments and standard input; what it printed. */
async function askInProcess(args: string[], { input = '', env = {} }: { input?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      stdout += chunk;
      done();
    },
  });
  await ask(args, { stdin: Readable.from([input]), stdout: output, env, engine: shippedEngine() });
  return stdout;
}

const FIELDS = ['query', 'answered', 'kind', 'topic', 'confidence', 'entryId', 'text', 'sources', 'suggestions'];
const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

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

  it('--batch answers one question per line, in order, and declines off-topic ones with a null topic', async () => {
    const questions = ['what is jax', 'how do i cook pasta', '', 'compare mobile', '\u0001\u0002'];
    const printed = await askInProcess(['--json', '--batch'], { input: `${questions.join('\n')}\n` });
    const records = printed
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.query)).toEqual(questions);
    expect(records.map((r) => r.answered)).toEqual([true, false, false, true, false]);
    expect(records[1]).toMatchObject({ answered: false, topic: null, entryId: null });
    for (const record of records) for (const field of FIELDS) expect(record).toHaveProperty(field);
  });

  it('ends quietly when the reader closes the pipe early, as `| head -1` does', async () => {
    const child = spawn(process.execPath, [...nodeArgumentsFor('src/cli/ask.ts'), '--json', '--batch'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(`${Array.from({ length: 3000 }, (_, i) => `what is jax ${i}`).join('\n')}\n`);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('ask, readable', () => {
  it('gives a short answer that fits 80 columns: the answer, the verdicts, a few sources, and how to see more', async () => {
    const printed = await askInProcess(['what', 'happened', 'to', 'pytorch', 'mobile?']);
    expect(printed).toMatch(/LiteRT/);
    expect(printed).toMatch(/^(As of .*)?Verdicts: /m);
    expect(printed).toMatch(/^Sources:\n {2}1\. /m);
    expect(printed).not.toMatch(/Claims checked:/);
    expect(printed).toMatch(/--long/);
    expect(widest(printed)).toBeLessThanOrEqual(80);
    expect(printed.trim().split('\n').length).toBeLessThan(35);
  });

  it('--long adds the claims in full and every source with its address, wrapped to COLUMNS', async () => {
    const printed = await askInProcess(['--long', 'what happened to pytorch mobile?'], { env: { COLUMNS: '60' } });
    expect(printed).toMatch(/Claims checked:\n {2}- \[OUTDATED\]/);
    expect(printed).toMatch(/^ {5}https:\/\//m);
    const prose = printed.split('\n').filter((line) => !line.includes('://'));
    expect(widest(prose.join('\n'))).toBeLessThanOrEqual(60);
  });

  it('explains its usage when given nothing to ask, or an unknown option, with exit code 2', async () => {
    for (const args of [[], ['--nope', 'x'], ['--batch', 'a question']]) {
      const failure = await askInProcess(args).catch((error: unknown) => error);
      expect(failure, args.join(' ')).toBeInstanceOf(OperatorError);
      expect((failure as OperatorError).exitCode).toBe(2);
      expect((failure as OperatorError).message).toMatch(/Usage:/);
    }
  });
});
