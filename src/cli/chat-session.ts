// The terminal chat: the same engine and commands as Slack and Discord, one line at a time.
// Typing the number of a suggested question asks it, as clicking a button would on a platform;
// "more" shows the last answer in full (every claim and every source). Other follow-ups ("and
// for mobile?", "why?", "what about jax?") are read against the previous question: the chat
// keeps the conversation state the engine hands back, as the Slack and Discord adapters do.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { plainFromPastedChat } from '../adapters/pasted-text.js';
import type { ConversationState, Engine, EngineResult } from '../engine/index.js';
import { renderText, wrap } from '../render/text/index.js';

export interface ChatStreams {
  input: Readable;
  output: Writable;
  /** Show a prompt and a welcome (true in a terminal; false when input is piped). */
  interactive: boolean;
  /** Columns to wrap at (default 80). */
  width?: number;
}

const WELCOME = `pytorch-vs-tf: ask me about PyTorch vs TensorFlow. Type "help" for commands, "more" after an answer for its claims and sources in full, "exit" to leave.`;
const EXIT_WORDS = new Set(['exit', 'quit', 'bye', ':q', '/exit', '/quit']);
const MORE_WORDS = new Set(['more', 'details', 'm']);
const MORE_HINT = 'type "more"';

export async function runChat(engine: Engine, { input, output, interactive, width }: ChatStreams): Promise<void> {
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const say = (text: string) => output.write(`${text}\n`);
  let last: EngineResult | undefined;
  let conversation: ConversationState | undefined;
  if (interactive) {
    say(wrap(WELCOME, width));
    lines.setPrompt('\nyou> ');
    lines.prompt();
  }
  for await (const line of lines) {
    const typed = line.trim();
    if (EXIT_WORDS.has(typed.toLowerCase())) break;
    const followUps = last?.followUps ?? [];
    const choice = /^\d{1,2}$/.test(typed) ? followUps[Number(typed) - 1] : undefined;
    if (MORE_WORDS.has(typed.toLowerCase()) && last) {
      say(`\n${renderText(last, { width, detail: 'long' })}`);
    } else if (/^\d{1,2}$/.test(typed) && !choice) {
      say(followUps.length > 0 ? `Pick a number from 1 to ${followUps.length}, or type a question.` : 'Type a question, or "help".');
    } else {
      if (choice) say(`> ${choice.question}`);
      // A number picks a suggestion as a button would: its entry is answered.
      last = choice
        ? engine.run({ command: 'ask', entryId: choice.entryId, text: choice.question })
        : engine.respond(plainFromPastedChat(line), conversation);
      conversation = last.conversation ?? conversation;
      say(`\n${renderText(last, { width, moreHint: MORE_HINT })}`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  if (interactive) say('Bye!');
}
