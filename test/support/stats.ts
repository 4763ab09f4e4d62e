// `npm run -s stats -- --json` as a curator runs it, read as the summary type it prints.
import { expect } from 'vitest';
import type { CurationSummary } from '../../src/engine/index.js';
import { runScript } from './run-script.js';

export function statsJson(env: Record<string, string>, ...args: string[]): CurationSummary {
  const run = runScript('src/cli/stats.ts', ['--json', ...args], { env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as CurationSummary;
}
