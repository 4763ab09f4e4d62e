// `npm run ask`: one answer, readable or as JSON (the evaluation contract). The command itself,
// separate from the process (src/cli/ask.ts), so that it can be run with any streams.
import { createInterface } from 'node:readline';
import { plainFromPastedChat } from '../adapters/pasted-text.js';
import { toEvaluationRecord, type Engine } from '../engine/index.js';
import { renderText } from '../render/text/index.js';
import { parseCommandLine as parseArgs, UsageError } from './environment.js';
import { loadEngine } from './load-engine.js';
import { outputWidth } from './terminal.js';
import type { Readable, Writable } from 'node:stream';

const USAGE = `Usage:
  npm run ask -- "is tensorflow lite still a thing?"
  npm run -s ask -- --json "what is fsdp"
  printf 'q1\\nq2\\n' | npm run -s ask -- --json --batch

Options:
  --json           print one JSON object per answer
  --long           show the claims in full and every source with its address
  --batch          read questions from standard input, one per line
  --knowledge DIR  read the knowledge from DIR instead of ./knowledge
  --help           show this help`;

const parseCommandLine = (args: string[]) =>
  parseArgs(
    {
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        long: { type: 'boolean', default: false },
        batch: { type: 'boolean', default: false },
        knowledge: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );

interface Format {
  json: boolean;
  long: boolean;
  width: number;
}

function answer(engine: Engine, question: string, { json, long, width }: Format): string {
  // Questions are often pasted from Slack or Discord: read their markup as the adapters do.
  const result = engine.respond(plainFromPastedChat(question));
  if (json) return JSON.stringify(toEvaluationRecord(question, result));
  return renderText(result, { width, detail: long ? 'long' : 'short', moreHint: long ? undefined : 'add --long' });
}

export interface AskIo {
  stdin: Readable;
  stdout: Writable & { columns?: number; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** The engine to ask; by default, one built from --knowledge or ./knowledge. */
  engine?: Engine;
}

/** The whole command, given its arguments and streams; problems are thrown as OperatorErrors. */
export async function ask(args: string[], { stdin, stdout, env, engine: given }: AskIo): Promise<void> {
  const { values, positionals } = parseCommandLine(args);
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.batch && positionals.length > 0)
    throw new UsageError('--batch reads questions from standard input; do not also pass a question.', USAGE);
  if (!values.batch && positionals.length === 0)
    throw new UsageError('Give a question to ask, or --batch to read questions from standard input.', USAGE);

  const engine = given ?? loadEngine(values.knowledge);
  const format = { json: values.json, long: values.long, width: outputWidth(stdout, env) };
  if (!values.batch) {
    stdout.write(`${answer(engine, positionals.join(' '), format)}\n`);
    return;
  }
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const output = answer(engine, line, format);
    stdout.write(values.json || first ? `${output}\n` : `\n---\n\n${output}\n`);
    first = false;
    // Let a closed pipe's EPIPE surface (see runEntryPoint) before answering the next line:
    // questions that arrived in one chunk would otherwise all be answered first.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
