// The storage port over Kysely: one set of typed queries that SQLite (sqlite.ts) and PostgreSQL
// (postgres.ts) both run. Those files only open a connection; everything the bot stores, and
// every atomic primitive replicas rely on, is written once, here.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely, Migrator, sql, type Transaction } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import type {
  Claims,
  ConversationStates,
  CurationRecord,
  CurationStore,
  Dispute,
  DownVote,
  Outcome,
  PurgeCounts,
  Store,
  StoreDialect,
  UnansweredQuestion,
} from './types.js';

export interface KyselyStoreOptions {
  dialect: StoreDialect;
  location: string;
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
  /** Run on close, after Kysely has let go of its connections. */
  onClose?: () => Promise<void> | void;
}

const HASH_KEY = 'id-hash-key';

/** A claimant's token, when the caller does not retry and so brings none. */
const newHolder = () => randomUUID();

/** Migrates the database to the current schema; an error names the migration that failed. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(none)'} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** The key ids are hashed with: made once per database, at random, and shared by every replica. */
async function hashKeyOf(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('store_meta')
    .values({ key: HASH_KEY, value: randomBytes(32).toString('base64') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('store_meta').select('value').where('key', '=', HASH_KEY).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/** Numbers come back as strings from PostgreSQL's bigint aggregates on some paths: read them all alike. */
const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Opens the store on a migrated database. */
export async function createKyselyStore(db: Kysely<Database>, options: KyselyStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  await migrate(db);
  const key = await hashKeyOf(db);
  const hashId = (platform: string, id: string) => createHmac('sha256', key).update(`${platform}\u0000${id}`).digest('hex').slice(0, 32);

  const curation: CurationStore = {
    async write(records) {
      if (records.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await writeQuestions(trx, records, hashId);
        await writeDisputes(trx, records, hashId);
        // Votes one by one: two clicks by one person in one batch must replace, not collide.
        for (const record of records) if (record.type === 'vote') await writeVote(trx, record, hashId);
      });
    },

    async outcomes(since) {
      const rows = await db
        .selectFrom('questions')
        .select(['outcome', (eb) => eb.fn.countAll().as('count')])
        .where('asked_at', '>=', since)
        .groupBy('outcome')
        .execute();
      const count = (outcome: Outcome) => toNumber(rows.find((row) => row.outcome === outcome)?.count);
      const counts = { answered: count('answered'), partial: count('partial'), declined: count('declined') };
      return { questions: counts.answered + counts.partial + counts.declined, ...counts };
    },

    async votesByEntry(since) {
      const rows = await db
        .selectFrom('votes')
        .select([
          'entry_id',
          sql<number>`sum(case when vote = 'up' then 1 else 0 end)`.as('up'),
          sql<number>`sum(case when vote = 'down' then 1 else 0 end)`.as('down'),
        ])
        .where('voted_at', '>=', since)
        .groupBy('entry_id')
        .execute();
      return rows
        .map((row) => ({ entryId: row.entry_id, up: toNumber(row.up), down: toNumber(row.down) }))
        .sort((a, b) => b.up + b.down - (a.up + a.down) || b.down - a.down || String(a.entryId).localeCompare(String(b.entryId)));
    },

    async staleServed(since) {
      const rows = await db
        .selectFrom('questions')
        .select(['entry_id', (eb) => eb.fn.countAll().as('count')])
        .where('asked_at', '>=', since)
        .where('stale', '=', 1)
        .where('entry_id', 'is not', null)
        .groupBy('entry_id')
        .execute();
      return rows
        .map((row) => ({ entryId: row.entry_id as string, count: toNumber(row.count) }))
        .sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId));
    },

    async unanswered(since, limit) {
      const rows = await db
        .selectFrom('questions')
        .select(['id', 'asked_at', 'text', 'outcome'])
        .where('asked_at', '>=', since)
        .where('outcome', 'in', ['declined', 'partial'])
        .where('text', 'is not', null)
        .where('resolved_at', 'is', null)
        .orderBy('asked_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(
        (row): UnansweredQuestion => ({
          id: row.id,
          at: toNumber(row.asked_at),
          text: row.text as string,
          outcome: row.outcome as Outcome,
        }),
      );
    },

    async downVotes(since, limit) {
      const rows = await db
        .selectFrom('votes')
        .select(['id', 'voted_at', 'platform', 'entry_id', 'topic', 'reason', 'text'])
        .where('voted_at', '>=', since)
        .where('vote', '=', 'down')
        .where('resolved_at', 'is', null)
        .where((eb) => eb.or([eb('reason', 'is not', null), eb('text', 'is not', null)]))
        .orderBy('voted_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(
        (row): DownVote => ({
          id: row.id,
          at: toNumber(row.voted_at),
          platform: row.platform,
          entryId: row.entry_id,
          topic: row.topic,
          reason: row.reason,
          text: row.text,
        }),
      );
    },

    async openDisputes(limit) {
      const rows = await db
        .selectFrom('disputes')
        .selectAll()
        .where('status', '=', 'open')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDispute);
    },

    async countOpenDisputes() {
      const row = await db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('status', '=', 'open')
        .executeTakeFirst();
      return toNumber(row?.count);
    },

    async dispute(id) {
      const row = await db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDispute(row) : undefined;
    },

    async resolve(id, note) {
      const at = now();
      const dispute = await db
        .updateTable('disputes')
        .set({ status: 'resolved', resolved_at: at, resolution: note })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (toNumber(dispute.numUpdatedRows) > 0) return 'dispute';
      const vote = await db
        .updateTable('votes')
        .set({ resolved_at: at, resolution: note })
        .where('id', '=', id)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      return toNumber(vote.numUpdatedRows) > 0 ? 'vote' : undefined;
    },

    async resolveQuestions(ids, note) {
      if (ids.length === 0) return 0;
      const result = await db
        .updateTable('questions')
        .set({ resolved_at: now(), resolution: note })
        .where('id', 'in', [...ids])
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      return toNumber(result.numUpdatedRows);
    },
  };

  // The claim runs before Slack's acknowledgement of every request (replay refusal), so its
  // statement is written once, here, rather than built and compiled by Kysely on every call. It
  // inserts the key, or takes over a key whose time is up, or renews one this holder already has
  // (its own earlier attempt, whose answer was lost); RETURNING yields a row only to the caller
  // who got it. PostgreSQL makes a concurrent caller wait on the row and then re-check the WHERE
  // against the committed row, so two holders never both get it. Parameters: key, expiry,
  // holder, now.
  const placeholders = options.dialect === 'postgres' ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
  const [keyParam, expiresParam, holderParam, atParam] = placeholders;
  const claimSql = `insert into claims (key, expires_at, holder) values (${keyParam}, ${expiresParam}, ${holderParam})
    on conflict (key) do update set expires_at = excluded.expires_at, holder = excluded.holder
    where claims.expires_at <= ${atParam} or (claims.holder = excluded.holder and claims.holder <> '')
    returning key`;
  const claimIn = async (executor: Kysely<Database> | Transaction<Database>, key: string, ttlMs: number, at: number, holder: string) => {
    const expires = at + Math.max(1, Math.round(ttlMs));
    const result = await executor.executeQuery(CompiledQuery.raw(claimSql, [key, expires, holder, at]));
    return result.rows.length > 0;
  };

  /** Thrown inside a transaction to roll back a partial claimAll. */
  class AlreadyHeld extends Error {}

  const claims: Claims = {
    claim: (key, ttlMs, holder = newHolder()) => claimIn(db, key, ttlMs, now(), holder),
    async claimAll(keys, ttlMs, holder = newHolder()) {
      const unique = [...new Set(keys)].sort();
      if (unique.length === 0) return true;
      const at = now();
      if (options.dialect === 'sqlite') {
        // One statement is atomic in SQLite (it holds the write lock throughout), and a statement
        // never waits inside a transaction left open across an await by another connection.
        const expires = at + Math.max(1, Math.round(ttlMs));
        const claimed = await sql<{ key: string }>`
          insert into claims (key, expires_at, holder)
          select wanted.column1, ${expires}, ${holder} from (values ${sql.join(unique.map((key) => sql`(${key})`))}) as wanted
          where not exists (select 1 from claims where key in (${sql.join(unique)}) and expires_at > ${at} and holder <> ${holder})
          on conflict (key) do update set expires_at = excluded.expires_at, holder = excluded.holder
          returning key`.execute(db);
        return claimed.rows.length > 0;
      }
      // PostgreSQL: one statement would judge "none held" on its snapshot, so two replicas could
      // both pass. Claiming key by key in a transaction locks each row instead; sorted keys make
      // every caller lock in the same order, so overlapping sets never deadlock.
      try {
        await db.transaction().execute(async (trx) => {
          for (const key of unique) if (!(await claimIn(trx, key, ttlMs, at, holder))) throw new AlreadyHeld();
        });
        return true;
      } catch (error) {
        if (error instanceof AlreadyHeld) return false;
        throw error;
      }
    },
    async release(key) {
      await db.deleteFrom('claims').where('key', '=', key).execute();
    },
    async isHeld(key) {
      const row = await db.selectFrom('claims').select('key').where('key', '=', key).where('expires_at', '>', now()).executeTakeFirst();
      return row !== undefined;
    },
  };

  const conversations: ConversationStates = {
    async get(key) {
      const row = await db
        .selectFrom('conversations')
        .select('state')
        .where('key', '=', key)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row ? JSON.parse(row.state) : undefined;
    },
    async set(key, state, ttlMs) {
      const expires = now() + Math.max(1, Math.round(ttlMs));
      const json = JSON.stringify(state);
      await db
        .insertInto('conversations')
        .values({ key, state: json, expires_at: expires })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ state: json, expires_at: expires }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom('conversations').where('key', '=', key).execute();
    },
  };

  return {
    dialect: options.dialect,
    location: options.location,
    curation,
    claims,
    conversations,
    hashId,

    async purgeOlderThan(before) {
      return db.transaction().execute(async (trx) => {
        const questions = await trx.deleteFrom('questions').where('asked_at', '<', before).executeTakeFirst();
        const votes = await trx.deleteFrom('votes').where('voted_at', '<', before).executeTakeFirst();
        // A dispute nobody has looked at yet stays until it is resolved.
        const disputes = await trx.deleteFrom('disputes').where('created_at', '<', before).where('status', '<>', 'open').executeTakeFirst();
        return {
          questions: toNumber(questions.numDeletedRows),
          votes: toNumber(votes.numDeletedRows),
          disputes: toNumber(disputes.numDeletedRows),
        };
      });
    },

    async purgeExpired() {
      const at = now();
      const expiredClaims = await db.deleteFrom('claims').where('expires_at', '<=', at).executeTakeFirst();
      const expiredConversations = await db.deleteFrom('conversations').where('expires_at', '<=', at).executeTakeFirst();
      return toNumber(expiredClaims.numDeletedRows) + toNumber(expiredConversations.numDeletedRows);
    },

    async forgetUser(platform, userId): Promise<PurgeCounts> {
      const hash = hashId(platform, userId);
      return db.transaction().execute(async (trx) => {
        const questions = await trx.deleteFrom('questions').where('user_hash', '=', hash).executeTakeFirst();
        const votes = await trx.deleteFrom('votes').where('user_hash', '=', hash).executeTakeFirst();
        const disputes = await trx.deleteFrom('disputes').where('user_hash', '=', hash).executeTakeFirst();
        return {
          questions: toNumber(questions.numDeletedRows),
          votes: toNumber(votes.numDeletedRows),
          disputes: toNumber(disputes.numDeletedRows),
        };
      });
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    async close() {
      await db.destroy();
      await options.onClose?.();
    },
  };
}

type Hash = (platform: string, id: string) => string;

async function writeQuestions(trx: Transaction<Database>, records: readonly CurationRecord[], hashId: Hash): Promise<void> {
  const byId = new Map<string, Database['questions']>();
  for (const record of records) {
    if (record.type !== 'question') continue;
    byId.set(record.id, {
      id: record.id,
      asked_at: record.at,
      platform: record.platform,
      user_hash: hashId(record.platform, record.userId),
      channel_hash: hashId(record.platform, record.channelId),
      command: record.command,
      kind: record.kind,
      outcome: record.outcome,
      entry_id: record.entryId,
      topic: record.topic,
      confidence: record.confidence,
      stale: record.stale ? 1 : 0,
      text: record.text,
      resolved_at: null,
      resolution: null,
    });
  }
  const rows = [...byId.values()];
  // A few hundred rows a statement keeps well inside both databases' limits on parameters.
  for (let start = 0; start < rows.length; start += 200) {
    await trx
      .insertInto('questions')
      .values(rows.slice(start, start + 200))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}

async function writeDisputes(trx: Transaction<Database>, records: readonly CurationRecord[], hashId: Hash): Promise<void> {
  for (const record of records) {
    if (record.type !== 'dispute') continue;
    await trx
      .insertInto('disputes')
      .values({
        id: record.id,
        created_at: record.at,
        platform: record.platform,
        user_hash: hashId(record.platform, record.userId),
        claim_id: record.claimId,
        entry_id: record.entryId,
        reason: record.reason,
        source_url: record.sourceUrl,
        status: 'open',
        resolved_at: null,
        resolution: null,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}

async function writeVote(trx: Transaction<Database>, record: Extract<CurationRecord, { type: 'vote' }>, hashId: Hash): Promise<void> {
  const userHash = hashId(record.platform, record.userId);
  await trx
    .insertInto('votes')
    .values({
      id: record.id,
      vote_key: record.answerId !== null ? `${record.answerId}:${userHash}` : record.id,
      voted_at: record.at,
      platform: record.platform,
      user_hash: userHash,
      answer_id: record.answerId,
      entry_id: record.entryId,
      topic: record.topic,
      kind: record.kind,
      vote: record.vote,
      reason: record.reason,
      text: record.text,
      resolved_at: null,
      resolution: null,
    })
    .onConflict((conflict) =>
      // A person's later click on the same answer replaces the earlier one. A 👎 first recorded
      // without a reason keeps it when the reason arrives; a change to 👍 drops both.
      conflict.column('vote_key').doUpdateSet({
        vote: sql`excluded.vote`,
        voted_at: sql`excluded.voted_at`,
        reason: sql`case when excluded.vote = 'down' then coalesce(excluded.reason, votes.reason) end`,
        text: sql`case when excluded.vote = 'down' then coalesce(excluded.text, votes.text) end`,
        resolved_at: null,
        resolution: null,
      }),
    )
    .execute();
}

function toDispute(row: Database['disputes']): Dispute {
  return {
    id: row.id,
    at: toNumber(row.created_at),
    platform: row.platform,
    claimId: row.claim_id,
    entryId: row.entry_id,
    reason: row.reason,
    sourceUrl: row.source_url,
    status: row.status === 'open' ? 'open' : 'resolved',
    resolvedAt: row.resolved_at === null ? null : toNumber(row.resolved_at),
    resolution: row.resolution,
  };
}
