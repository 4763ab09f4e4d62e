// The schema's history, run at start by Kysely's migrator (which takes a lock, so replicas
// starting together migrate once). Never edit a migration that has shipped: add the next one.
// The column types are ones both databases read the same way: text, bigint (SQLite's integer),
// double precision (SQLite's real), integer.
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';

const curation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('questions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('asked_at', 'bigint', (column) => column.notNull())
      .addColumn('platform', 'text', (column) => column.notNull())
      .addColumn('user_hash', 'text', (column) => column.notNull())
      .addColumn('channel_hash', 'text', (column) => column.notNull())
      .addColumn('command', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addColumn('entry_id', 'text')
      .addColumn('topic', 'text')
      .addColumn('confidence', 'double precision', (column) => column.notNull())
      .addColumn('stale', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('text', 'text')
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema.createIndex('questions_asked_at').on('questions').column('asked_at').execute();
    await db.schema.createIndex('questions_user_hash').on('questions').column('user_hash').execute();

    await db.schema
      .createTable('votes')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('vote_key', 'text', (column) => column.notNull().unique())
      .addColumn('voted_at', 'bigint', (column) => column.notNull())
      .addColumn('platform', 'text', (column) => column.notNull())
      .addColumn('user_hash', 'text', (column) => column.notNull())
      .addColumn('answer_id', 'text')
      .addColumn('entry_id', 'text')
      .addColumn('topic', 'text')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('vote', 'text', (column) => column.notNull())
      .addColumn('reason', 'text')
      .addColumn('text', 'text')
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema.createIndex('votes_voted_at').on('votes').column('voted_at').execute();
    await db.schema.createIndex('votes_user_hash').on('votes').column('user_hash').execute();

    await db.schema
      .createTable('disputes')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('platform', 'text', (column) => column.notNull())
      .addColumn('user_hash', 'text', (column) => column.notNull())
      .addColumn('claim_id', 'text', (column) => column.notNull())
      .addColumn('entry_id', 'text')
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('source_url', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema.createIndex('disputes_status').on('disputes').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('disputes_user_hash').on('disputes').column('user_hash').execute();

    await db.schema
      .createTable('claims')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('expires_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('claims_expires_at').on('claims').column('expires_at').execute();

    await db.schema
      .createTable('conversations')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'bigint', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('conversations_expires_at').on('conversations').column('expires_at').execute();

    await db.schema
      .createTable('store_meta')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .execute();
  },
};

/**
 * Who holds each claim: a token the claimant picks once per decision and repeats when it tries
 * again, so a claim whose outcome was lost (a timeout after the database had already taken it)
 * can be retried and recognised as its own, instead of being given up on.
 */
const claimHolders: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('claims')
      .addColumn('holder', 'text', (column) => column.notNull().defaultTo(''))
      .execute();
  },
};

/** Every migration by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-curation-and-shared-state': curation,
  '0002-claim-holders': claimHolders,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
