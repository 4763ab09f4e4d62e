// PostgreSQL, when DATABASE_URL is set: what several replicas share. Every call is bounded in
// time (connecting and each query), so a database that is down or slow fails fast and the
// callers carry on without it; the pool reconnects by itself when the server is back.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { createKyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

export interface PostgresStoreOptions {
  url: string;
  /** Longest wait for a connection and for one query (ms). */
  timeoutMs?: number;
  /** Connections per process. */
  poolSize?: number;
  now?: () => number;
  /** Told about errors of idle connections (a server restart), which would otherwise crash the process. */
  onIdleError?: (error: Error) => void;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** int8 (counts, sums, times in ms) and numeric as numbers: every value stored fits a double exactly. */
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openPostgresStore({ url, timeoutMs = 3_000, poolSize = 5, now, onIdleError }: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeoutMs,
    // The server cancels a statement that runs (or waits on a lock) longer than this, which
    // rolls it back: the caller knows it did nothing, and the connection is free again. The
    // client's own limit, a little longer, is only for a server that stopped answering.
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  pool.on('error', (error) => onIdleError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await createKyselyStore(db, { dialect: 'postgres', location: redactUrl(url), ...(now ? { now } : {}) });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}
