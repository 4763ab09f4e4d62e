// The script before every npm command a user types: it installs only when node_modules does not
// hold what package-lock.json locks. Run here in a scratch project whose `npm` only records that
// it was called.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'src', 'setup', 'ensure-dependencies.mjs');

type Packages = Record<string, { version?: string; optional?: boolean }>;

/** Runs the script in a scratch project; says whether it called npm (to install). */
function installsWith(locked: Packages, installed: Packages | undefined): boolean {
  const project = mkdtempSync(join(tmpdir(), 'pvt-deps-'));
  mkdirSync(join(project, 'src', 'setup'), { recursive: true });
  copyFileSync(SCRIPT, join(project, 'src', 'setup', 'ensure-dependencies.mjs'));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ packages: { '': {}, ...locked } }));
  if (installed) {
    mkdirSync(join(project, 'node_modules'));
    writeFileSync(join(project, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
  }
  const bin = join(project, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\ntouch "${join(project, 'npm-called')}"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  const run = spawnSync(process.execPath, [join(project, 'src', 'setup', 'ensure-dependencies.mjs')], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return existsSync(join(project, 'npm-called'));
}

const LOCKED: Packages = {
  'node_modules/zod': { version: '4.6.7' },
  'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
};

describe('installing dependencies before a command', () => {
  it('keeps an install that holds every locked package at its version, however it was made', () => {
    expect(installsWith(LOCKED, { 'node_modules/zod': { version: '4.6.7' } })).toBe(false);
  });

  it('installs when there is no install yet', () => {
    expect(installsWith(LOCKED, undefined)).toBe(true);
  });

  it('installs when a locked package is missing or at another version', () => {
    expect(installsWith(LOCKED, {})).toBe(true);
    expect(installsWith(LOCKED, { 'node_modules/zod': { version: '4.5.0' } })).toBe(true);
  });
});
