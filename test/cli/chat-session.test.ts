// The terminal chat, driven through streams as a piped session.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat-session.js';
import { shippedEngine } from '../support/engine.js';

/** What the chat prints for `lines` typed one after another (piped unless `interactive`, at `width` if given). */
async function chat(lines: string[], options: { interactive?: boolean; width?: number } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const done = runChat(shippedEngine(), { input, output, interactive: false, ...options });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('the terminal chat', () => {
  it('answers questions and commands like the platforms do', async () => {
    const printed = await chat(['what is jax', 'compare mobile']);
    expect(printed).toMatch(/JAX/);
    expect(printed).toMatch(/PyTorch: .*ExecuTorch/s);
  });

  it('asks a suggested follow-up when its number is typed', async () => {
    const printed = await chat(['what is tensorflow lite', '1']);
    expect(printed).toMatch(/You could also ask:\n {2}1\) (.+)/);
    const firstFollowUp = /You could also ask:\n {2}1\) (.+)/.exec(printed)![1]!;
    expect(printed).toContain(`> ${firstFollowUp}`);
  });

  it('answers short, and shows the last answer in full on "more"', async () => {
    const printed = await chat(['what happened to pytorch mobile?', 'more']);
    const [short, full] = printed.split(/\n(?=What happened to PyTorch Mobile)/).slice(-2);
    expect(short).toMatch(/Verdicts: /);
    expect(short).toMatch(/type "more"/);
    expect(short).not.toMatch(/Claims checked:/);
    expect(full).toMatch(/Claims checked:\n {2}- \[OUTDATED\]/);
    expect(full).toMatch(/https:\/\//);
  });

  it('reads a follow-up against the previous question', async () => {
    const printed = await chat(['does pytorch run on windows', 'and tensorflow?']);
    expect(printed).toMatch(/Read as a follow-up to your previous question/);
    expect(printed.split(/\n(?=\S.*\?\n)/).at(-1)).toMatch(/TensorFlow/);
  });

  it('wraps to the width it is given', async () => {
    const printed = await chat(['what is jax'], { width: 50 });
    expect(Math.max(...printed.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(50);
  });

  it('wraps its welcome to the width it is given, in a terminal too', async () => {
    const printed = await chat(['exit'], { interactive: true, width: 50 });
    const welcome = printed.slice(0, printed.indexOf('you>'));
    expect(welcome).toMatch(/help/);
    expect(Math.max(...welcome.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(50);
  });

  it('says what to do with a number that is not on the list, and stops at "exit"', async () => {
    const printed = await chat(['7', 'exit', 'what is jax']);
    expect(printed).toMatch(/Type a question/);
    expect(printed).not.toMatch(/JAX/);
  });
});
