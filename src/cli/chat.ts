// `npm run chat`: the local terminal chat (also what `npm start` runs with no platform set up).
import { runEntryPoint } from '../app/entry-point.js';
import { runChat } from './chat-session.js';
import { parseCommandLine } from './environment.js';
import { loadEngine } from './load-engine.js';
import { outputWidth } from './terminal.js';

const USAGE = 'Usage: npm run chat [-- --knowledge DIR]';

runEntryPoint(async () => {
  const { values } = parseCommandLine({ options: { knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await runChat(loadEngine(values.knowledge), {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    width: outputWidth(process.stdout, process.env),
  });
});
