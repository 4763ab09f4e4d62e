// The embedded default: SQLite in one file under DATA_DIR, nothing to install or run. WAL lets
// the stats and curate commands read while the bot writes. better-sqlite3 is synchronous, so a
// locked file would hold the event loop for as long as SQLite waits for the lock: the wait is
// kept short, and a write that gives up is retried later by the recorder rather than waited on.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

/** The file under DATA_DIR. */
export const SQLITE_FILE_NAME = 'pytorch-vs-tf.sqlite';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a store that lives as long as the process (tests). */
  file: string;
  /** How long one statement waits for a lock held by another process before failing (ms). */
  busyTimeoutMs?: number;
  now?: () => number;
}

export async function openSqliteStore({ file, busyTimeoutMs = 100, now }: SqliteStoreOptions): Promise<Store> {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file, { timeout: busyTimeoutMs });
  try {
    // The first statements read the file: a corrupt one fails here, with SQLite's own message.
    if (!inMemory) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    return await createKyselyStore(db, { dialect: 'sqlite', location: file, ...(now ? { now } : {}) });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}
