// What replicas share through the store, against a real PostgreSQL started by the test: two
// "replicas" here are two connections to one database, as two processes would have. A slow
// store is waited for (the store alone decides who holds a key); only a store that cannot answer
// for the whole wait lets each replica's memory stand in, and that is counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedClaims, sharedConversations } from '../../src/app/shared-state.js';
import { connectStore, type StoreConnection } from '../../src/app/store-connection.js';
import type { ConversationState } from '../../src/engine/index.js';
import { createSilentLogger } from '../../src/logging/logger.js';
import { SQLITE_FILE_NAME } from '../../src/store/index.js';
import { waitFor } from '../support/bot-process.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

let postgres: PostgresServer;
let databaseUrl: string;
const connections: StoreConnection[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase('shared_state');
});

afterAll(async () => {
  await Promise.allSettled(connections.map((connection) => connection.close()));
  await postgres?.destroy();
});

/** One replica's view of the shared state, connected to the test's database. */
async function replica(options: { timeoutMs?: number } = {}) {
  const connection = connectStore({ settings: { databaseUrl, dataDir: 'unused' }, logger: createSilentLogger(), retryDelaysMs: [50] });
  connections.push(connection);
  expect(await connection.whenOpen(10_000)).toBeDefined();
  let fallbacks = 0;
  const shared = { connection, logger: createSilentLogger(), onFallback: () => fallbacks++, ...options };
  return { connection, claims: sharedClaims(shared), conversations: sharedConversations(shared), fallbacks: () => fallbacks };
}

const state = (query: string): ConversationState => ({ query, entryId: null, topic: 'mobile', turns: 1 });

describe('shared state between replicas', () => {
  it('grants a key to exactly one of many concurrent claims across two replicas', async () => {
    const [first, second] = [await replica(), await replica()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? first : second).claims.claim('slack:event:Ev-race', 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(first.fallbacks() + second.fallbacks()).toBe(0);
  });

  it('holds a cooldown (a user and a channel together) for every replica, all or nothing', async () => {
    const [first, second] = [await replica(), await replica()];
    expect(await first.claims.claimAll(['cooldown:user:a', 'cooldown:channel:x'], 60_000)).toBe(true);
    // Another user in the same channel, on the other replica: the channel is cooling down.
    expect(await second.claims.claimAll(['cooldown:user:b', 'cooldown:channel:x'], 60_000)).toBe(false);
    // The refused attempt took nothing: user b is free in another channel.
    expect(await second.claims.claimAll(['cooldown:user:b', 'cooldown:channel:y'], 60_000)).toBe(true);
  });

  it('continues a conversation on the other replica', async () => {
    const [first, second] = [await replica(), await replica()];
    await first.conversations.set('slack:C1:1.0', state('pytorch on mobile'));
    expect(await second.conversations.get('slack:C1:1.0')).toEqual(state('pytorch on mobile'));
    expect(await second.conversations.get('slack:C1:2.0')).toBeUndefined();
  });

  it('reads state that is not a conversation (another version wrote it) as none', async () => {
    const first = await replica();
    await first.connection.current()!.conversations.set('slack:C1:3.0', { something: 'else' }, 60_000);
    expect(await first.conversations.get('slack:C1:3.0')).toBeUndefined();
  });

  it('waits out a store slowed past its statement timeout (a lock held in another session): one replica gets the key, none decides in memory', async () => {
    const [first, second] = [await replica(), await replica()];
    // Another session holds the key's row in an open transaction for longer than the server's
    // statement timeout (3 s): every claim waits on it, is cancelled, and tries again, as on an
    // overloaded database. Then it lets go, as an overload ends.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('insert into claims (key, expires_at) values ($1, $2)', ['slack:event:Ev-slow', Date.now() + 60_000]);
      const claims = Promise.all([
        first.claims.claim('slack:event:Ev-slow', 60_000, { ifUnavailable: 'grant' }),
        second.claims.claim('slack:event:Ev-slow', 60_000, { ifUnavailable: 'refuse' }),
        first.claims.claim('slack:event:Ev-slow', 60_000),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await blocker.query('rollback');
      expect((await claims).filter(Boolean)).toHaveLength(1);
      expect(first.fallbacks() + second.fallbacks()).toBe(0);
    } finally {
      await blocker.end();
    }
  }, 20_000);

  it('decides in memory only when the store fails for the whole wait: a first delivery goes ahead, a retry is refused', async () => {
    const first = await replica({ timeoutMs: 300 });
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table claims in access exclusive mode');
      expect(await first.claims.claim('slack:event:Ev-stuck-1', 60_000, { ifUnavailable: 'grant' })).toBe(true);
      // Memory now holds the key: a repeat reaching this replica is still recognised.
      expect(await first.claims.claim('slack:event:Ev-stuck-1', 60_000, { ifUnavailable: 'grant' })).toBe(false);
      // A retry this replica has not seen may have been answered by another: not answered here.
      expect(await first.claims.claim('slack:event:Ev-stuck-2', 60_000, { ifUnavailable: 'refuse' })).toBe(false);
      expect(first.fallbacks()).toBe(3);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    // The store answers again: it decides again, for every replica.
    const second = await replica();
    expect(await first.claims.claim('slack:event:Ev-stuck-3', 60_000, { ifUnavailable: 'refuse' })).toBe(true);
    expect(await second.claims.claim('slack:event:Ev-stuck-3', 60_000)).toBe(false);
    expect(first.fallbacks()).toBe(3);
  }, 20_000);

  it('waits for a database busy with another writer (the statement never ran) instead of deciding in memory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pvt-shared-state-'));
    const connection = connectStore({ settings: { dataDir }, logger: createSilentLogger() });
    connections.push(connection);
    expect(await connection.whenOpen(10_000)).toBeDefined();
    let fallbacks = 0;
    const claims = sharedClaims({ connection, logger: createSilentLogger(), onFallback: () => fallbacks++ });
    // Another process holds SQLite's write lock for longer than the store's busy wait.
    const otherWriter = new Database(join(dataDir, SQLITE_FILE_NAME));
    otherWriter.exec('begin immediate');
    const release = setTimeout(() => otherWriter.exec('commit'), 400);
    try {
      expect(await claims.claim('slack:event:Ev-busy', 60_000)).toBe(true);
      expect(fallbacks).toBe(0);
      expect(await connection.current()!.claims.isHeld('slack:event:Ev-busy')).toBe(true);
    } finally {
      clearTimeout(release);
      if (otherWriter.inTransaction) otherWriter.exec('commit');
      otherWriter.close();
    }
  });

  it('while the database is down, answers from memory (never a lost answer), then shares again once it is back', async () => {
    const first = await replica({ timeoutMs: 1_000 });
    await first.conversations.set('slack:C2:1.0', state('tensorflow serving'));
    await postgres.stop();
    try {
      // Work goes on: the first claim of a key wins, a repeat on this replica does not.
      expect(await first.claims.claim('slack:event:Ev-outage', 60_000)).toBe(true);
      expect(await first.claims.claim('slack:event:Ev-outage', 60_000)).toBe(false);
      expect(await first.claims.claimAll(['cooldown:user:c', 'cooldown:channel:z'], 60_000)).toBe(true);
      expect(await first.claims.claimAll(['cooldown:user:d', 'cooldown:channel:z'], 60_000)).toBe(false);
      // The conversation this replica kept is still there for its follow-up.
      expect(await first.conversations.get('slack:C2:1.0')).toEqual(state('tensorflow serving'));
      expect(first.fallbacks()).toBe(5);
    } finally {
      await postgres.start();
    }
    // Back for this replica too: its pool reconnects on first use, which on a loaded machine can
    // take longer than the 1 s this replica waits before deciding in memory.
    await waitFor(
      () =>
        first.connection
          .current()!
          .claims.isHeld('slack:event:Ev-after')
          .then(() => true),
      'the first replica to reach the database again',
    );
    const second = await replica();
    expect(await first.claims.claim('slack:event:Ev-after', 60_000)).toBe(true);
    expect(await second.claims.claim('slack:event:Ev-after', 60_000)).toBe(false);
    expect(first.fallbacks()).toBe(5);
  });
});
