// Test settings in one place. Timeouts are generous because the suite must pass on a busy
// two-core machine; a test that needs more than a fraction of them is too slow and should be
// made cheaper, not given more time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    dir: 'test',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
