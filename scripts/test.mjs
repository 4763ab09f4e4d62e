#!/usr/bin/env node
// `npm test`: the type check (tsc --noEmit), the lint (biome check .) and the test suite (vitest)
// at the same time rather than one after the other. The type check is single-threaded and takes
// a good part of a minute on a two-core machine; run first, it left the other core idle, and the
// tests spend part of their time waiting on sockets and child processes, which leaves room for it.
// The type check runs at the lowest CPU priority: alongside at equal priority it took a core from
// the tests for most of their run (82 s rather than 66 s for the tests on a quiet machine); niced,
// it works in the gaps they leave and the whole command takes about as long as the tests alone.
// The tests' output streams as usual; the type check's and the lint's follow once the tests are
// done, with one line each saying how they went. The exit code is 0 only when all three pass.
// Arguments go to vitest (`npm test -- test/engine` runs those tests, still after the checks).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/**
 * Runs a command in the project root; `quiet` keeps its output for later instead of showing it now,
 * `background` runs it at the lowest CPU priority.
 */
function run(command, args, { quiet, background = false }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (background && child.pid) setPriority(child.pid, 19);
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }));
  });
}

const checks = [
  // Incremental: a later run re-checks only what changed since (about a third of the CPU). The
  // record lives in node_modules/.cache, so a fresh clone's first run checks everything.
  [
    'type check (tsc --noEmit)',
    run(bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', join(root, 'node_modules', '.cache', 'tsc', 'test.tsbuildinfo')], {
      quiet: true,
      background: true,
    }),
  ],
  ['lint (biome check .)', run(bin('biome'), ['check', '.', '--colors=off'], { quiet: true })],
];
const tests = await run(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/vitest.json', ...process.argv.slice(2)],
  { quiet: false },
);

let failed = tests.code !== 0;
for (const [name, pending] of checks) {
  const { code, output, seconds } = await pending;
  if (code !== 0) {
    failed = true;
    process.stdout.write(`\n${output.trimEnd()}\n`);
  }
  process.stdout.write(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s\n`);
}
process.stdout.write(`tests (vitest): ${tests.code === 0 ? 'passed' : `FAILED (exit ${tests.code})`} in ${tests.seconds.toFixed(1)} s\n`);
process.exit(failed ? 1 : 0);
