// One contract, two databases: every implementation of the storage port behaves the same, on
// SQLite in a file and on a real PostgreSQL server that this file starts itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CurationRecord, openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';

/** A clock the tests move by hand. */
function manualClock(start = Date.parse('2026-12-01T12:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

interface Backend {
  name: string;
  /** A new, empty database; `open` opens a store on it (twice for "replicas" or a restart). */
  fresh(): Promise<{ open(now: () => number): Promise<Store>; rows(table: string): Promise<Record<string, unknown>[]> }>;
}

let postgres: PostgresServer;
const tempDirs: string[] = [];
let databases = 0;

const backends: Backend[] = [
  {
    name: 'SQLite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'pvt-store-'));
      tempDirs.push(dir);
      const file = join(dir, 'store.sqlite');
      return {
        open: (now) => openSqliteStore({ file, now }),
        async rows(table) {
          const db = new BetterSqlite3(file, { readonly: true });
          try {
            return db.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
          } finally {
            db.close();
          }
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await postgres.createDatabase(`contract_${++databases}`);
      return {
        open: (now) => openPostgresStore({ url, now }),
        async rows(table) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(`select * from ${table}`)).rows;
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.destroy();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function question(overrides: Partial<Extract<CurationRecord, { type: 'question' }>> = {}): CurationRecord {
  return {
    type: 'question',
    id: `q-${Math.random().toString(36).slice(2)}`,
    at: Date.parse('2026-12-01T11:00:00Z'),
    platform: 'slack',
    userId: 'U0ALICE',
    channelId: 'C0GENERAL',
    command: 'ask',
    kind: 'answer',
    outcome: 'answered',
    entryId: 'mobile-tflite-status',
    topic: 'mobile',
    confidence: 0.9,
    stale: false,
    text: null,
    ...overrides,
  };
}

function vote(overrides: Partial<Extract<CurationRecord, { type: 'vote' }>> = {}): CurationRecord {
  return {
    type: 'vote',
    id: `F-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    at: Date.parse('2026-12-01T11:30:00Z'),
    platform: 'slack',
    userId: 'U0ALICE',
    answerId: 'q-answer-1',
    entryId: 'mobile-tflite-status',
    topic: 'mobile',
    kind: 'answer',
    vote: 'up',
    reason: null,
    text: null,
    ...overrides,
  };
}

function dispute(overrides: Partial<Extract<CurationRecord, { type: 'dispute' }>> = {}): CurationRecord {
  return {
    type: 'dispute',
    id: `D-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    at: Date.parse('2026-12-01T11:45:00Z'),
    platform: 'discord',
    userId: '123456789012345678',
    claimId: 'deployment-torchserve-status',
    entryId: 'deployment-serving',
    reason: 'TorchServe had a release last month',
    sourceUrl: 'https://github.com/pytorch/serve/releases',
    ...overrides,
  };
}

describe.each(backends)('the store on $name', (backend) => {
  it('creates its schema at start, and a restart keeps what was recorded', async () => {
    const clock = manualClock();
    const database = await backend.fresh();
    const first = await database.open(clock.now);
    await first.curation.write([question({ id: 'q-kept' })]);
    await first.close();

    const second = await database.open(clock.now);
    expect(await second.curation.outcomes(0)).toEqual({ questions: 1, answered: 1, partial: 0, declined: 0 });
    await second.close();
  });

  it('counts outcomes over a period and writes each record once, however often it is sent', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    const old = question({ id: 'q-old', at: clock.now() - 40 * DAY });
    const batch = [
      question({ id: 'q-1' }),
      question({ id: 'q-2', outcome: 'partial', kind: 'partial', entryId: null, text: 'how do I shard a model on 3 GPUs' }),
      question({ id: 'q-3', outcome: 'declined', kind: 'no-match', entryId: null, text: 'best pizza in town' }),
      question({ id: 'q-4', outcome: 'declined', kind: 'no-match', entryId: null, text: null }),
      old,
    ];
    await store.curation.write(batch);
    await store.curation.write(batch.slice(0, 2));
    expect(await store.curation.outcomes(clock.now() - 30 * DAY)).toEqual({ questions: 4, answered: 1, partial: 1, declined: 2 });
    expect(await store.curation.outcomes(0)).toMatchObject({ questions: 5 });
    await store.close();
  });

  it('stores people and channels only as keyed hashes, the same ones after a restart', async () => {
    const clock = manualClock();
    const database = await backend.fresh();
    const store = await database.open(clock.now);
    await store.curation.write([question({ userId: 'U0ALICE', channelId: 'C0GENERAL' }), vote({ userId: 'U0ALICE' })]);
    const hash = store.hashId('slack', 'U0ALICE');
    await store.close();

    const rows = [...(await database.rows('questions')), ...(await database.rows('votes'))];
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain('U0ALICE');
    expect(everything).not.toContain('C0GENERAL');
    expect(rows.map((row) => row.user_hash)).toEqual([hash, hash]);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);

    const reopened = await database.open(clock.now);
    expect(reopened.hashId('slack', 'U0ALICE')).toBe(hash);
    expect(reopened.hashId('discord', 'U0ALICE')).not.toBe(hash);
    await reopened.close();
  });

  it('keeps one vote per person per answer: a later click replaces it, a reason joins its 👎', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([vote({ vote: 'down' })]);
    await store.curation.write([
      vote({ vote: 'down', reason: 'It answers about TF Lite, I asked about ExecuTorch', text: 'executorch status' }),
    ]);
    await store.curation.write([vote({ userId: 'U0BOB', vote: 'up' })]);
    expect(await store.curation.votesByEntry(0)).toEqual([{ entryId: 'mobile-tflite-status', up: 1, down: 1 }]);
    expect(await store.curation.downVotes(0, 10)).toMatchObject([
      { reason: 'It answers about TF Lite, I asked about ExecuTorch', text: 'executorch status', entryId: 'mobile-tflite-status' },
    ]);

    // Alice changes her mind: her 👎 and its reason are gone.
    await store.curation.write([vote({ vote: 'up' })]);
    expect(await store.curation.votesByEntry(0)).toEqual([{ entryId: 'mobile-tflite-status', up: 2, down: 0 }]);
    expect(await store.curation.downVotes(0, 10)).toEqual([]);
    await store.close();
  });

  it('lists votes per entry, most voted first', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([
      vote({ answerId: 'a1', entryId: 'e-one', vote: 'down' }),
      vote({ answerId: 'a2', entryId: 'e-two', vote: 'up' }),
      vote({ answerId: 'a3', entryId: 'e-two', vote: 'down' }),
      vote({ answerId: 'a4', entryId: 'e-two', vote: 'up' }),
      vote({ answerId: 'a5', entryId: null, kind: 'no-match', vote: 'down' }),
    ]);
    expect(await store.curation.votesByEntry(0)).toEqual([
      { entryId: 'e-two', up: 2, down: 1 },
      { entryId: 'e-one', up: 0, down: 1 },
      { entryId: null, up: 0, down: 1 },
    ]);
    await store.close();
  });

  it('counts answers served from entries past their review date', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([
      question({ entryId: 'old-entry', stale: true }),
      question({ entryId: 'old-entry', stale: true }),
      question({ entryId: 'other-old', stale: true }),
      question({ entryId: 'fresh-entry', stale: false }),
    ]);
    expect(await store.curation.staleServed(0)).toEqual([
      { entryId: 'old-entry', count: 2 },
      { entryId: 'other-old', count: 1 },
    ]);
    await store.close();
  });

  it('lists unanswered questions with text until a curator resolves them', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([
      question({ id: 'u-1', outcome: 'declined', kind: 'no-match', entryId: null, text: 'jax on windows?', at: clock.now() - 2 * HOUR }),
      question({ id: 'u-2', outcome: 'partial', kind: 'partial', entryId: null, text: 'tf serving grpc batching', at: clock.now() - HOUR }),
      question({ id: 'u-3', outcome: 'declined', kind: 'no-match', entryId: null, text: null }),
      question({ id: 'u-4', outcome: 'answered', text: null }),
    ]);
    expect((await store.curation.unanswered(0, 10)).map((q) => [q.id, q.outcome, q.text])).toEqual([
      ['u-2', 'partial', 'tf serving grpc batching'],
      ['u-1', 'declined', 'jax on windows?'],
    ]);
    expect(await store.curation.resolveQuestions(['u-1', 'u-404'], 'added an entry on JAX and Windows')).toBe(1);
    expect((await store.curation.unanswered(0, 10)).map((q) => q.id)).toEqual(['u-2']);
    await store.close();
  });

  it('keeps a dispute open until it is resolved with a note, once', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([dispute({ id: 'D-FIRST111', at: clock.now() - HOUR }), dispute({ id: 'D-SECOND22' })]);
    expect(await store.curation.countOpenDisputes()).toBe(2);
    expect((await store.curation.openDisputes(10)).map((d) => d.id)).toEqual(['D-FIRST111', 'D-SECOND22']);

    expect(await store.curation.resolve('D-FIRST111', 'Re-checked: still in limited maintenance')).toBe('dispute');
    expect(await store.curation.resolve('D-FIRST111', 'again')).toBeUndefined();
    expect(await store.curation.resolve('D-UNKNOWN', 'nothing')).toBeUndefined();
    expect(await store.curation.dispute('D-FIRST111')).toMatchObject({
      status: 'resolved',
      resolution: 'Re-checked: still in limited maintenance',
      resolvedAt: clock.now(),
      sourceUrl: 'https://github.com/pytorch/serve/releases',
    });
    expect(await store.curation.countOpenDisputes()).toBe(1);
    await store.close();
  });

  it('resolves a 👎 with a reason like any review item', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([vote({ id: 'F-DOWNVOTE', vote: 'down', reason: 'out of date' })]);
    expect(await store.curation.resolve('F-DOWNVOTE', 'updated the entry')).toBe('vote');
    expect(await store.curation.downVotes(0, 10)).toEqual([]);
    await store.close();
  });

  it('purges records older than the retention period, but never an open dispute', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    const old = clock.now() - 100 * DAY;
    await store.curation.write([
      question({ id: 'q-old', at: old }),
      question({ id: 'q-new' }),
      vote({ id: 'F-OLD', answerId: 'x1', at: old }),
      vote({ id: 'F-NEW', answerId: 'x2' }),
      dispute({ id: 'D-OLDOPEN', at: old }),
      dispute({ id: 'D-OLDDONE', at: old }),
    ]);
    await store.curation.resolve('D-OLDDONE', 'fixed');
    expect(await store.purgeOlderThan(clock.now() - 90 * DAY)).toEqual({ questions: 1, votes: 1, disputes: 1 });
    expect(await store.curation.outcomes(0)).toMatchObject({ questions: 1 });
    expect((await store.curation.openDisputes(10)).map((d) => d.id)).toEqual(['D-OLDOPEN']);
    await store.close();
  });

  it('forgets one person on one platform completely, and nobody else', async () => {
    const clock = manualClock();
    const store = await (await backend.fresh()).open(clock.now);
    await store.curation.write([
      question({ userId: 'U0ALICE' }),
      question({ userId: 'U0ALICE', outcome: 'declined', text: 'something personal' }),
      question({ userId: 'U0BOB' }),
      question({ platform: 'discord', userId: 'U0ALICE' }),
      vote({ userId: 'U0ALICE', vote: 'down', reason: 'meh' }),
      dispute({ platform: 'slack', userId: 'U0ALICE' }),
    ]);
    expect(await store.forgetUser('slack', 'U0ALICE')).toEqual({ questions: 2, votes: 1, disputes: 1 });
    expect(await store.curation.outcomes(0)).toMatchObject({ questions: 2 });
    expect(await store.forgetUser('slack', 'U0ALICE')).toEqual({ questions: 0, votes: 0, disputes: 0 });
    await store.close();
  });

  describe('claims (dedupe, replay protection, cooldowns)', () => {
    it('lets a key be claimed once until it expires, then once again', async () => {
      const clock = manualClock();
      const store = await (await backend.fresh()).open(clock.now);
      expect(await store.claims.claim('slack-event:Ev1', 15 * 60_000)).toBe(true);
      expect(await store.claims.claim('slack-event:Ev1', 15 * 60_000)).toBe(false);
      expect(await store.claims.isHeld('slack-event:Ev1')).toBe(true);
      clock.advance(15 * 60_000 - 1);
      expect(await store.claims.claim('slack-event:Ev1', 15 * 60_000)).toBe(false);
      clock.advance(1);
      expect(await store.claims.isHeld('slack-event:Ev1')).toBe(false);
      expect(await store.claims.claim('slack-event:Ev1', 15 * 60_000)).toBe(true);
      await store.close();
    });

    it('remembers any number of keys: no count limit inside the window', async () => {
      const clock = manualClock();
      const store = await (await backend.fresh()).open(clock.now);
      const keys = Array.from({ length: 120 }, (_, i) => `slack-event:Ev${i}`);
      for (const key of keys) expect(await store.claims.claim(key, 10 * 60_000)).toBe(true);
      clock.advance(9 * 60_000);
      const again = await Promise.all(keys.map((key) => store.claims.claim(key, 10 * 60_000)));
      expect(again.filter(Boolean)).toEqual([]);
      await store.close();
    });

    it('gives a key to exactly one of many concurrent callers on two replicas', async () => {
      const clock = manualClock();
      const database = await backend.fresh();
      const replicaA = await database.open(clock.now);
      const replicaB = await database.open(clock.now);
      for (let round = 0; round < 5; round++) {
        const key = `slack-event:race-${round}`;
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? replicaA : replicaB).claims.claim(key, 60_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      }
      await replicaA.close();
      await replicaB.close();
    });

    it('grants a claim again to its own holder (a retry after a lost answer), never to another', async () => {
      const clock = manualClock();
      const database = await backend.fresh();
      const replicaA = await database.open(clock.now);
      const replicaB = await database.open(clock.now);
      expect(await replicaA.claims.claim('slack:event:Ev-retried', 60_000, 'holder-a')).toBe(true);
      // Holder a did not hear its answer and asks again, on either connection: still its own.
      expect(await replicaA.claims.claim('slack:event:Ev-retried', 60_000, 'holder-a')).toBe(true);
      expect(await replicaB.claims.claim('slack:event:Ev-retried', 60_000, 'holder-a')).toBe(true);
      expect(await replicaB.claims.claim('slack:event:Ev-retried', 60_000, 'holder-b')).toBe(false);
      expect(await replicaB.claims.claim('slack:event:Ev-retried', 60_000)).toBe(false);
      // The same for a cooldown: its holder may repeat it, anyone else overlapping it is refused.
      expect(await replicaA.claims.claimAll(['cooldown:user:7', 'cooldown:channel:7'], 30_000, 'holder-a')).toBe(true);
      expect(await replicaB.claims.claimAll(['cooldown:user:7', 'cooldown:channel:7'], 30_000, 'holder-a')).toBe(true);
      expect(await replicaB.claims.claimAll(['cooldown:user:8', 'cooldown:channel:7'], 30_000, 'holder-b')).toBe(false);
      await replicaA.close();
      await replicaB.close();
    });

    it('claims a user and a channel together or not at all (cooldowns)', async () => {
      const clock = manualClock();
      const store = await (await backend.fresh()).open(clock.now);
      expect(await store.claims.claimAll(['cooldown:user:1', 'cooldown:channel:9'], 30_000)).toBe(true);
      // Another user in the same channel: the channel is cooling, so nothing is claimed.
      expect(await store.claims.claimAll(['cooldown:user:2', 'cooldown:channel:9'], 30_000)).toBe(false);
      expect(await store.claims.isHeld('cooldown:user:2')).toBe(false);
      // The same user elsewhere: the user is cooling.
      expect(await store.claims.claimAll(['cooldown:user:1', 'cooldown:channel:8'], 30_000)).toBe(false);
      clock.advance(30_000);
      expect(await store.claims.claimAll(['cooldown:user:2', 'cooldown:channel:9'], 30_000)).toBe(true);
      await store.close();
    });

    it('serialises overlapping cooldowns across replicas: one of them answers', async () => {
      const clock = manualClock();
      const database = await backend.fresh();
      const replicaA = await database.open(clock.now);
      const replicaB = await database.open(clock.now);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? replicaA : replicaB).claims.claimAll([`cooldown:user:${i}`, 'cooldown:channel:busy'], 30_000),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await replicaA.close();
      await replicaB.close();
    });

    it('frees a released key at once, and purges expired ones', async () => {
      const clock = manualClock();
      const store = await (await backend.fresh()).open(clock.now);
      await store.claims.claim('work:1', 60_000);
      await store.claims.release('work:1');
      expect(await store.claims.claim('work:1', 60_000)).toBe(true);
      await store.claims.claim('work:2', 1_000);
      clock.advance(1_000);
      expect(await store.purgeExpired()).toBe(1);
      expect(await store.claims.isHeld('work:1')).toBe(true);
      await store.close();
    });
  });

  describe('conversation state', () => {
    it('keeps a conversation as JSON until it expires, and shares it between replicas', async () => {
      const clock = manualClock();
      const database = await backend.fresh();
      const replicaA = await database.open(clock.now);
      const replicaB = await database.open(clock.now);
      const state = { query: 'does pytorch run on windows', entryId: 'install-windows', topic: 'installation', turns: 1 };
      await replicaA.conversations.set('slack:C1:1712.0001', state, HOUR);
      expect(await replicaB.conversations.get('slack:C1:1712.0001')).toEqual(state);
      expect(await replicaB.conversations.get('slack:C1:other')).toBeUndefined();

      await replicaB.conversations.set('slack:C1:1712.0001', { ...state, turns: 2 }, HOUR);
      clock.advance(HOUR - 1);
      expect(await replicaA.conversations.get('slack:C1:1712.0001')).toEqual({ ...state, turns: 2 });
      clock.advance(1);
      expect(await replicaA.conversations.get('slack:C1:1712.0001')).toBeUndefined();
      expect(await replicaA.purgeExpired()).toBe(1);
      await replicaA.close();
      await replicaB.close();
    });

    it('forgets a deleted conversation', async () => {
      const clock = manualClock();
      const store = await (await backend.fresh()).open(clock.now);
      await store.conversations.set('discord:dm:42', { query: 'q', entryId: null, topic: null, turns: 1 }, HOUR);
      await store.conversations.delete('discord:dm:42');
      expect(await store.conversations.get('discord:dm:42')).toBeUndefined();
      await store.close();
    });
  });
});
