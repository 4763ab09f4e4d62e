#!/usr/bin/env node
// Runs before the npm scripts a new user types (start, test, ask, ...), so that the README's
// two-command quick start works on a fresh clone: it installs the locked dependencies when
// node_modules was not installed from this very package-lock.json, and does nothing otherwise.
// The lock's content decides, not file times: a fresh checkout or worktree has a newer lock
// file than an install made from the same lock, and reinstalling then would be wasted (or,
// through a linked node_modules, pull it from under another checkout).
// With --test it also makes sure of the one system tool the tests use that npm cannot install:
// nginx, which the load-balancer tests run with the shipped deploy/nginx.conf.
// npm's own output goes to stderr so that `npm run -s ask -- --json` keeps stdout pure JSON.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'package-lock.json');
const installedMarker = join(root, 'node_modules', '.package-lock.json');
/** The hash of the package-lock.json node_modules was last installed from, written after npm ci. */
const installedFrom = join(root, 'node_modules', '.pytorch-vs-tf-lock-sha256');

const lockHash = () => createHash('sha256').update(readFileSync(lock)).digest('hex');
const readInstalled = () => (existsSync(installedFrom) ? readFileSync(installedFrom, 'utf8').trim() : undefined);

if (!existsSync(installedMarker) || readInstalled() !== lockHash()) {
  process.stderr.write('Installing dependencies (npm ci)...\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('npm ci failed; run it by hand to see why.\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(installedFrom, `${lockHash()}\n`);
}

if (process.argv.includes('--test')) ensureNginx();

/** nginx from Debian's packages (nginx-light), installed when missing and this user may. */
function ensureNginx() {
  const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (['/usr/sbin/nginx', '/usr/local/sbin/nginx'].some(existsSync) || has('nginx')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    process.stderr.write('The load-balancer tests need nginx: install it (on Debian or Ubuntu: sudo apt-get install nginx-light).\n');
    return;
  }
  process.stderr.write('Installing nginx for the load-balancer tests (apt-get install nginx-light)...\n');
  const quiet = { stdio: ['ignore', 'ignore', process.stderr], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  spawnSync('apt-get', ['update', '-qq'], quiet);
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'], quiet);
  if (result.status !== 0) process.stderr.write('apt-get install nginx-light failed; the load-balancer tests will say so.\n');
}
