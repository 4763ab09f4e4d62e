// What replicas share through the store, against a real PostgreSQL started by the test: two
// "replicas" here are two connections to one database, as two processes would have. The store
// must never cost an answer: down or slow, each replica's memory stands in and the fallback is
// counted.
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

  it('gives up on a store slower than its timeout and decides in memory, counting it', async () => {
    const first = await replica({ timeoutMs: 200 });
    // Another session holds the key's row in an open transaction: the claim waits on it, as it
    // would on an overloaded database.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('insert into claims (key, expires_at) values ($1, $2)', ['slack:event:Ev-slow', Date.now() + 60_000]);
      expect(await first.claims.claim('slack:event:Ev-slow', 60_000)).toBe(true);
      expect(first.fallbacks()).toBe(1);
      // Memory now holds the key: a retry reaching this replica is still recognised.
      expect(await first.claims.claim('slack:event:Ev-slow', 60_000)).toBe(false);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
  });

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
    const first = await replica();
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
    const second = await replica();
    expect(await first.claims.claim('slack:event:Ev-after', 60_000)).toBe(true);
    expect(await second.claims.claim('slack:event:Ev-after', 60_000)).toBe(false);
    expect(first.fallbacks()).toBe(5);
  });
});
