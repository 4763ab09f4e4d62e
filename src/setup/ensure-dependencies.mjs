#!/usr/bin/env node
// Runs before the npm scripts a new user types (start, test, ask, ...), so that the README's
// two-command quick start works on a fresh clone: it installs the locked dependencies when
// node_modules is missing or older than package-lock.json, and does nothing otherwise.
// npm's own output goes to stderr so that `npm run -s ask -- --json` keeps stdout pure JSON.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'package-lock.json');
const installedMarker = join(root, 'node_modules', '.package-lock.json');

const isStale = () => !existsSync(installedMarker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installedMarker).mtimeMs);

if (isStale()) {
  process.stderr.write('Installing dependencies (npm ci)...\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('npm ci failed; run it by hand to see why.\n');
    process.exit(result.status ?? 1);
  }
}
