// Which implementation runs: PostgreSQL when a database URL is configured, otherwise SQLite in a
// file under the data directory.
import { join } from 'node:path';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreSettings {
  /** DATABASE_URL: PostgreSQL. */
  databaseUrl?: string | undefined;
  /** DATA_DIR: where the SQLite file lives when there is no database URL. */
  dataDir: string;
  now?: () => number;
  onIdleError?: (error: Error) => void;
}

export function openStore({ databaseUrl, dataDir, now, onIdleError }: StoreSettings): Promise<Store> {
  if (databaseUrl) return openPostgresStore({ url: databaseUrl, ...(now ? { now } : {}), ...(onIdleError ? { onIdleError } : {}) });
  return openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME), ...(now ? { now } : {}) });
}
