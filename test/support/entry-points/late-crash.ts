// An entry point whose main returned long ago (a server is running) when a callback throws.
import { createServer } from 'node:http';
import { logCrashesWith, runEntryPoint } from '../../../src/app/entry-point.js';
import { createLogger } from '../../../src/logging/logger.js';

runEntryPoint(() => {
  logCrashesWith(createLogger('info', { format: 'json' }));
  const server = createServer();
  server.listen(0);
  setTimeout(() => {
    throw new RangeError('state is corrupt');
  }, 10);
});
