// `npm run chat`: the local terminal chat (also what `npm start` runs with no platform set up).
import { runChat } from './chat-session.js';
import { parseArgsOrExit } from './environment.js';
import { loadEngineOrExit } from './load-engine.js';

const USAGE = 'Usage: npm run chat [-- --knowledge DIR]';
const { values } = parseArgsOrExit({ options: { knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  await runChat(loadEngineOrExit(values.knowledge), {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
}
