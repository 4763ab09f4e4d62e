// Test settings in one place, as two projects:
// - unit: in-process tests of pure code (engine, renderers, knowledge, config, metrics).
// - integration: real Bolt and discord.js against local stand-ins, HTTP servers, file watching
//   and child processes.
// Both share one module graph per worker (isolate: false): the shipped knowledge is loaded and
// indexed, and Bolt, discord.js and Kysely are imported, once per worker rather than once per
// file (fresh modules for every integration file cost about 45 s of CPU per run). This is safe
// because no test mocks modules, stubs globals or the environment, or fakes timers, and the
// code under test keeps no module-level state between instances (metrics use one registry per
// bot, not prom-client's global one); every test starts what it needs and closes it.
// The timeouts leave room for a busy two-core machine. A test that needs more than half of its
// timeout there is too slow and is made cheaper, not given more time.
import { defineConfig } from 'vitest/config';

const INTEGRATION = [
  'test/adapters/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/main*.test.ts',
  'test/deploy/**/*.test.ts',
  'test/store/**/*.test.ts',
  'test/setup/**/*.test.ts',
  'test/app/{entry-point,knowledge-reload,ops-routes,platform-metrics,shared-state}.test.ts',
];

export default defineConfig({
  test: {
    // The sources compiled once for the bot and tool processes the tests start (see the file).
    globalSetup: ['test/support/compiled-src.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Three workers on two cores: the integration tests spend much of their time waiting (on
    // sockets, on the bot processes they start, on deliberate holds such as a database lock kept
    // past its statement timeout), and a third worker runs other files in those waits. With the
    // other core busy (1-2 December 2026): three workers 76 to 112 s in seven runs (median 83),
    // two workers 86 to 105 s in four (median 88); this machine's noise is as large as the gain.
    // No test took more than a third of its timeout.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION, isolate: false } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, isolate: false } },
    ],
  },
});
