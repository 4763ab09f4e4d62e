// The terminal chat, driven through streams as a piped session.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat-session.js';
import { shippedEngine } from '../support/engine.js';

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const done = runChat(shippedEngine(), { input, output, interactive: false });
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

  it('says what to do with a number that is not on the list, and stops at "exit"', async () => {
    const printed = await chat(['7', 'exit', 'what is jax']);
    expect(printed).toMatch(/Type a question/);
    expect(printed).not.toMatch(/JAX/);
  });
});
