// `npm run privacy -- forget <platform> <user-id>`: deletes everything the store holds about one
// person (their questions, votes and disputes, found by the keyed hash of their id).
import { handleEntryPointErrors } from '../app/entry-point.js';
import { parseCommandLine, UsageError } from './environment.js';
import { withStore } from './store-command.js';

handleEntryPointErrors();

const USAGE = 'Usage: npm run privacy -- forget <slack|discord> <user-id>';
const PLATFORMS = new Set(['slack', 'discord']);

const { values, positionals } = parseCommandLine(
  { allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } },
  USAGE,
);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [action, platform, userId, ...extra] = positionals;
if (action !== 'forget') throw new UsageError(action === undefined ? 'say what to do: forget' : `unknown action: ${action}`, USAGE);
if (platform === undefined || !PLATFORMS.has(platform.toLowerCase()))
  throw new UsageError('forget needs the platform: slack or discord', USAGE);
if (userId === undefined || userId.trim() === '' || extra.length > 0) throw new UsageError('forget needs one user id', USAGE);

const purged = await withStore((store) => store.forgetUser(platform.toLowerCase(), userId.trim()));
process.stdout.write(
  `Forgot ${platform.toLowerCase()} user ${userId.trim()}: ${purged.questions} questions, ${purged.votes} votes, ${purged.disputes} disputes deleted.\n`,
);
