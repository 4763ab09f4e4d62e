// `npm run ask -- "question"`: one answer, readable or as JSON (the evaluation contract).
//   --json           one JSON object: query, answered, topic, confidence, entryId, text, sources, suggestions
//   --long           the claims in full and every source with its address (the default is short)
//   --batch          read one question per line from stdin; one answer (or JSON line) per question, in order
//   --knowledge DIR  use another knowledge directory
import { createInterface } from 'node:readline';
import { plainFromPastedChat } from '../adapters/pasted-text.js';
import { toEvaluationRecord, type Engine } from '../engine/index.js';
import { renderText } from '../render/text/index.js';
import { runEntryPoint } from '../app/entry-point.js';
import { parseCommandLine as parseArgs, UsageError } from './environment.js';
import { loadEngine } from './load-engine.js';
import { outputWidth } from './terminal.js';

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

const parseCommandLine = () =>
  parseArgs(
    {
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

async function main() {
  const { values, positionals } = parseCommandLine();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.batch && positionals.length > 0)
    throw new UsageError('--batch reads questions from standard input; do not also pass a question.', USAGE);
  if (!values.batch && positionals.length === 0)
    throw new UsageError('Give a question to ask, or --batch to read questions from standard input.', USAGE);

  const engine = loadEngine(values.knowledge);
  const format = { json: values.json, long: values.long, width: outputWidth(process.stdout, process.env) };
  if (!values.batch) {
    process.stdout.write(`${answer(engine, positionals.join(' '), format)}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const output = answer(engine, line, format);
    process.stdout.write(values.json || first ? `${output}\n` : `\n---\n\n${output}\n`);
    first = false;
    // Let a closed pipe's EPIPE surface (see runEntryPoint) before answering the next line:
    // questions that arrived in one chunk would otherwise all be answered first.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

runEntryPoint(main);
