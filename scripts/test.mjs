#!/usr/bin/env node
// `npm test`: the lint (biome check .) alongside the test suite (vitest). The lint takes a couple of
// seconds and runs while the tests start; its output follows once the tests are done, with one line
// each saying how they went. The exit code is 0 only when both pass. Arguments go to vitest
// (`npm test -- test/engine` runs those tests).
//
// The type check (`npm run typecheck`, tsc --noEmit) is not part of this command. It used to run
// alongside at the lowest CPU priority; on a fresh clone with the other core busy it was starved
// until the tests ended and then still had its whole check to do (113 s for the command against
// 81 s on later runs, whose incremental record made it cheap). On its own it takes about 13 s, so
// `.ci/run` runs it as a separate check before the tests, and CI still fails on a type error.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command in the project root; `quiet` keeps its output for later instead of showing it now. */
function run(command, args, { quiet }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }));
  });
}

const lint = run(bin('biome'), ['check', '.', '--colors=off'], { quiet: true });
const tests = await run(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/vitest.json', ...process.argv.slice(2)],
  { quiet: false },
);
const linted = await lint;

if (linted.code !== 0) process.stdout.write(`\n${linted.output.trimEnd()}\n`);
const verdict = ({ code, seconds }) => `${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s`;
process.stdout.write(`lint (biome check .): ${verdict(linted)}\n`);
process.stdout.write(`tests (vitest): ${verdict(tests)}\n`);
process.exit(tests.code === 0 && linted.code === 0 ? 0 : 1);
