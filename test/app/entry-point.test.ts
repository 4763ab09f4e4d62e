// How every entry point ends: an operator error is one message and its exit code, a bug is a
// stack trace and exit 1, and a crash after start-up is logged and ends the process (a
// supervisor restarts it) instead of leaving a half-broken bot running.
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

describe('runEntryPoint', () => {
  it('prints an operator error as its message alone and exits with its code', () => {
    const run = runScript('test/support/entry-points/operator-error.ts', []);
    expect(run.status).toBe(3);
    expect(run.stderr).toBe('PORT is taken: choose another one.\n');
  });

  it('reports any other error with its stack and exits with 1', () => {
    const run = runScript('test/support/entry-points/bug.ts', []);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TypeError: cannot read the thing\n\s+at /);
  });

  it('logs an uncaught exception after start-up as fatal and ends the process, though a server is open', () => {
    const run = runScript('test/support/entry-points/late-crash.ts', []);
    expect(run.status).toBe(1);
    const line = JSON.parse(run.stderr.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ level: 60, err: { type: 'RangeError', message: 'state is corrupt' } });
    expect(line.msg).toMatch(/uncaught exception/);
  });
});
