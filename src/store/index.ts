// The storage port and its two implementations (see types.ts).
export * from './types.js';
export { openSqliteStore, SQLITE_FILE_NAME, type SqliteStoreOptions } from './sqlite.js';
export { openPostgresStore, redactUrl, type PostgresStoreOptions } from './postgres.js';
export { openStore, type StoreSettings } from './open.js';
