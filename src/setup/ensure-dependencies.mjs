#!/usr/bin/env node
// Runs before the npm scripts a new user types (start, test, ask, ...), so that the README's
// two-command quick start works on a fresh clone: it installs the locked dependencies when
// node_modules does not hold what package-lock.json locks, and does nothing otherwise.
// Contents decide, not file times: npm records what it installed in node_modules/.package-lock.json,
// and an install that matches the lock is kept however it was made (npm ci by hand, another
// checkout's install); a fresh checkout's lock file is newer than a matching install, and
// reinstalling then would cost a minute or more before every command.
// With --test it also makes sure of the one system tool the tests use that npm cannot install:
// nginx, which the load-balancer tests run with the shipped deploy/nginx.conf.
// npm's own output goes to stderr so that `npm run -s ask -- --json` keeps stdout pure JSON.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'package-lock.json');
/** npm's own record of what it installed, written by npm ci and npm install. */
const installed = join(root, 'node_modules', '.package-lock.json');

/**
 * Whether node_modules holds every package the lock requires, each at its locked version.
 * Optional packages for other platforms (esbuild's, for one) are locked but never installed.
 */
function matchesLock() {
  if (!existsSync(installed)) return false;
  try {
    const locked = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {};
    const present = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
    return Object.entries(locked).every(
      ([path, { version, optional }]) => path === '' || (present[path] ? present[path].version === version : optional === true),
    );
  } catch {
    return false;
  }
}

if (!matchesLock()) {
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
