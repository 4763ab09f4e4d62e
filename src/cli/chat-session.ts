// The terminal chat: the same engine and commands as Slack and Discord, one line at a time.
// Typing the number of a suggested question asks it, as clicking a button would on a platform.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine, FollowUp } from '../engine/index.js';
import { renderText } from '../render/text/index.js';

export interface ChatStreams {
  input: Readable;
  output: Writable;
  /** Show a prompt and a welcome (true in a terminal; false when input is piped). */
  interactive: boolean;
}

const WELCOME = `pytorch-vs-tf: ask me about PyTorch vs TensorFlow. Type "help" for commands, "exit" to leave.`;
const EXIT_WORDS = new Set(['exit', 'quit', 'bye', ':q', '/exit', '/quit']);

export async function runChat(engine: Engine, { input, output, interactive }: ChatStreams): Promise<void> {
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const say = (text: string) => output.write(`${text}\n`);
  let lastFollowUps: FollowUp[] = [];
  if (interactive) {
    say(WELCOME);
    lines.setPrompt('\nyou> ');
    lines.prompt();
  }
  for await (const line of lines) {
    const typed = line.trim();
    if (EXIT_WORDS.has(typed.toLowerCase())) break;
    const choice = /^\d{1,2}$/.test(typed) ? lastFollowUps[Number(typed) - 1] : undefined;
    if (/^\d{1,2}$/.test(typed) && !choice) {
      say(
        lastFollowUps.length > 0 ? `Pick a number from 1 to ${lastFollowUps.length}, or type a question.` : 'Type a question, or "help".',
      );
    } else {
      if (choice) say(`> ${choice.question}`);
      // A number picks a suggestion as a button would: its entry is answered.
      const result = choice ? engine.run({ command: 'ask', entryId: choice.entryId, text: choice.question }) : engine.respond(line);
      lastFollowUps = result.followUps;
      say(`\n${renderText(result)}`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  if (interactive) say('Bye!');
}
