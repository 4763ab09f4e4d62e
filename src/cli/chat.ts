// `npm run chat`: the local terminal chat (also what `npm start` runs with no platform set up).
import { parseArgs } from 'node:util';
import { runChat } from './chat-session.js';
import { exitWithUsageError, loadEngineOrExit } from './load-engine.js';

const USAGE = 'Usage: npm run chat [-- --knowledge DIR]';
let values: { knowledge?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  exitWithUsageError((error as Error).message, USAGE);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  await runChat(loadEngineOrExit(values.knowledge), { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
}
