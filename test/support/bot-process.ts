// `npm start` as a real process: src/main.ts in a child process (compiled once by the test run,
// see compiled-src.ts, or by the replica benchmark as the image is; else under tsx), in an empty
// folder (so no .env is read), with only the environment given. Its JSON log lines are kept for
// assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { nodeArgumentsFor } from './run-script.js';

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, limitMs = 20_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly baseUrl: string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  stderr(): string;
  /** The JSON log lines so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves once GET /readyz answers 200. */
  ready(limitMs?: number): Promise<void>;
  /** SIGKILL if still running (for afterAll). */
  kill(): void;
}

export async function startBotProcess(
  env: Record<string, string>,
  options: {
    port?: number;
    /** A compiled main.js to run (the replica benchmark's), instead of what nodeArgumentsFor picks. */
    compiledMain?: string;
  } = {},
): Promise<BotProcess> {
  const port = options.port ?? (await freePort());
  const args = options.compiledMain ? [options.compiledMain] : nodeArgumentsFor('src/main.ts');
  const child = spawn(process.execPath, args, {
    cwd: mkdtempSync(join(tmpdir(), 'pvt-bot-')),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', LOG_FORMAT: 'json', KNOWLEDGE_WATCH: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    baseUrl,
    exited,
    stderr: () => stderr,
    logLines: () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async ready(limitMs = 45_000) {
      try {
        await Promise.race([
          waitFor(async () => ((await fetch(`${baseUrl}/readyz`)).ok ? true : undefined), `the bot on port ${port} to be ready`, limitMs),
          exited.then((code) => {
            throw new Error(`the bot exited with ${code} before it was ready:\n${stderr}`);
          }),
        ]);
      } catch (error) {
        // A bot that never got ready may not be held by the test yet, so nothing else would stop it.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        throw error;
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
