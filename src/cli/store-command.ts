// What the curators' tools (stats, curate, privacy) share: the configuration, and the store it
// names (PostgreSQL with DATABASE_URL, else SQLite under DATA_DIR), opened for one job and closed
// after it. A store that cannot be opened is an operator's problem, said in one line.
import { OperatorError } from '../errors.js';
import { openStore, redactUrl, type Store } from '../store/index.js';
import type { AppConfig } from '../config/index.js';
import { loadConfig, UsageError } from './environment.js';

export async function withStore<T>(job: (store: Store, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let store: Store;
  try {
    store = await openStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir });
  } catch (error) {
    const where = config.store.databaseUrl ? redactUrl(config.store.databaseUrl) : `DATA_DIR=${config.store.dataDir}`;
    throw new OperatorError(`Could not open the store (${where}): ${(error as Error).message ?? String(error)}`);
  }
  try {
    return await job(store, config);
  } finally {
    await store.close();
  }
}

/** `--days N`: a whole number of days, at least 1. */
export function daysOf(raw: string | undefined, fallback: number, usage: string): number {
  if (raw === undefined) return fallback;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 36_500) throw new UsageError('--days takes a whole number of days, 1 or more', usage);
  return days;
}
