// Runs one of the project's TypeScript entry points as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCounterpart } from './compiled-src.js';

const root = join(import.meta.dirname, '..', '..');
/** tsx's loader by absolute URL: the child runs in an empty folder, where 'tsx' would not resolve. */
const tsxLoader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Node's arguments to run `script`, relative to the project ('src/cli/ask.ts'): a module of src/
 * runs compiled when the test run compiled the sources (compiled-src.ts), anything else under tsx.
 */
export function nodeArgumentsFor(script: string): string[] {
  const compiled = compiledCounterpart(script);
  return compiled ? [compiled] : ['--import', tsxLoader, join(root, script)];
}

/** `env` replaces the environment (plus PATH); the working directory is empty, so no .env is read. */
export function runScript(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): ScriptRun {
  const result = spawnSync(process.execPath, [...nodeArgumentsFor(script), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'pvt-run-')),
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
