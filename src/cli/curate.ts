// `npm run curate`: the curators' side of the loop.
//   export  writes the worklist (unanswered questions grouped by similarity, 👎 with reasons, open
//           disputes) as Markdown and CSV into --out (default: the current folder);
//   resolve <id> closes one item with a note: a dispute (D-…), a 👎 (F-…) or a group of
//           unanswered questions (U-…), as the worklist and `npm run stats` show them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { handleEntryPointErrors } from '../app/entry-point.js';
import { buildWorklist, counted, resolveItem, worklistCounts, worklistCsv, worklistMarkdown } from '../curation/worklist.js';
import { OperatorError } from '../errors.js';
import { parseCommandLine, UsageError } from './environment.js';
import { daysOf, withStore } from './store-command.js';

handleEntryPointErrors();

const USAGE = [
  'Usage: npm run curate -- export [--days N] [--out DIR]',
  '       npm run curate -- resolve <id> --note "what was done"',
].join('\n');

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      out: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const [action, ...rest] = positionals;
if (action === 'export') {
  if (rest.length > 0) throw new UsageError(`export takes no arguments, got: ${rest.join(' ')}`, USAGE);
  const days = daysOf(values.days, 30, USAGE);
  const list = await withStore((store) => buildWorklist(store, { days }));
  const dir = resolve(values.out ?? '.');
  mkdirSync(dir, { recursive: true });
  const markdown = join(dir, 'curation-worklist.md');
  const csv = join(dir, 'curation-worklist.csv');
  writeFileSync(markdown, worklistMarkdown(list));
  writeFileSync(csv, worklistCsv(list));
  process.stdout.write(`${worklistCounts(list)}\n` + `Wrote ${markdown}\nWrote ${csv}\n`);
} else if (action === 'resolve') {
  const [id, ...words] = rest;
  if (id === undefined) throw new UsageError('resolve needs the id of an item (D-…, F-… or U-…)', USAGE);
  // The note may also follow the id as plain words: `curate resolve D-123 fixed in the FAQ`.
  const note = (values.note ?? words.join(' ')).trim();
  if (note === '') throw new UsageError('say what was done with --note "…"', USAGE);
  // Ids are read aloud and typed by hand: D-… and F-… in capitals, U-… in lower-case hex.
  const normalised = /^u-/i.test(id) ? `U-${id.slice(2).toLowerCase()}` : id.toUpperCase();
  const done = await withStore((store, config) => resolveItem(store, normalised, note, { retentionDays: config.store.retentionDays }));
  if (!done) throw new OperatorError(`No open item has the id ${normalised}.`);
  const what = done.kind === 'unanswered' ? counted(done.count, 'unanswered question') : `the ${done.kind === 'vote' ? '👎' : 'dispute'}`;
  process.stdout.write(`Resolved ${normalised}: ${what}, with the note "${note}".\n`);
} else {
  throw new UsageError(action === undefined ? 'say what to do: export or resolve' : `unknown action: ${action}`, USAGE);
}
