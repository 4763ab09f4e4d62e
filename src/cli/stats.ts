// `npm run stats`: the curation summary of the last `--days N` days (default 30) from the store
// the bot records to: questions and how they ended, 👍 and 👎 per entry, the unanswered questions
// grouped by similarity, 👎 reasons, open disputes, answers served from entries past their review
// date. `--json` prints the whole summary as one object.
import { handleEntryPointErrors } from '../app/entry-point.js';
import { summarize } from '../curation/stats.js';
import { renderStatsText } from '../render/text/index.js';
import { parseCommandLine } from './environment.js';
import { daysOf, withStore } from './store-command.js';

handleEntryPointErrors();

const USAGE = 'Usage: npm run stats [-- --days N] [-- --json]';

const { values } = parseCommandLine(
  {
    options: {
      days: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const days = daysOf(values.days, 30, USAGE);

const summary = await withStore((store) => summarize(store, { days, top: values.json ? 50 : 10 }));
process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${renderStatsText(summary)}\n`);
