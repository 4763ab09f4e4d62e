// The bot's link to its store. Opening never blocks the start and never stops the bot: when the
// database is down, locked, full or corrupt, the bot answers without it and this keeps trying to
// open it (backing off to a retry every 30 s), logging each change of state once. Records made
// meanwhile wait in the recorder's bounded buffer (src/curation/recorder.ts).
import type { Logger } from '../logging/logger.js';
import { openStore, type Store, type StoreSettings } from '../store/index.js';

export interface StoreConnection {
  /** The open store, or undefined while it cannot be opened. */
  current(): Store | undefined;
  /** Resolves with the store once it is open, or undefined after `timeoutMs` without it. */
  whenOpen(timeoutMs: number): Promise<Store | undefined>;
  /** Something using the store failed: logged and counted by the caller; a broken SQLite file is reopened. */
  reportFailure(error: unknown): void;
  close(): Promise<void>;
}

export interface StoreConnectionOptions {
  settings: StoreSettings;
  logger: Logger;
  /** Counts failures to open (and, through reportFailure, to use) the store. */
  onError?: (operation: string) => void;
  onStateChange?: (open: boolean) => void;
  /** Retry delays grow from the first to the last (ms). */
  retryDelaysMs?: readonly number[];
  /** Opens the store; injected by tests that need a store that fails on purpose. */
  open?: (settings: StoreSettings) => Promise<Store>;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** SQLite errors after which the open handle is useless (the file was replaced, truncated or damaged). */
const BROKEN_FILE = /SQLITE_(CORRUPT|NOTADB|IOERR|READONLY_DBMOVED|CANTOPEN)/;

/** A short, safe description of a storage error for logs (never a URL with a password). */
export function describeStoreError(error: unknown): { code: string | undefined; message: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : undefined, message: String(message ?? error).slice(0, 300) };
}

export function connectStore({
  settings,
  logger,
  onError,
  onStateChange,
  retryDelaysMs = RETRY_DELAYS_MS,
  open = openStore,
}: StoreConnectionOptions): StoreConnection {
  let store: Store | undefined;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let opening: Promise<void> | undefined;
  const waiters = new Set<(store: Store) => void>();

  const scheduleRetry = () => {
    if (closed || timer) return;
    const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 30_000;
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      void tryOpen();
    }, delay);
    timer.unref();
  };

  const tryOpen = (): Promise<void> =>
    (opening ??= (async () => {
      try {
        const opened = await open(settings);
        if (closed) {
          await opened.close();
          return;
        }
        store = opened;
        if (attempt > 0) logger.info({ event: 'store-open', dialect: opened.dialect, location: opened.location }, 'the store is back');
        else logger.info({ event: 'store-open', dialect: opened.dialect, location: opened.location }, 'the store is open');
        attempt = 0;
        onStateChange?.(true);
        for (const resolve of waiters) resolve(opened);
        waiters.clear();
      } catch (error) {
        onError?.('open');
        // Logged on the first failure and then every few attempts, so an outage does not flood the log.
        if (attempt === 0 || attempt % 10 === 0) {
          logger.error(
            { event: 'store-unavailable', ...describeStoreError(error), attempt },
            'the store cannot be opened; answering without recording until it can',
          );
        }
        scheduleRetry();
      } finally {
        opening = undefined;
      }
    })());

  void tryOpen();

  return {
    current: () => store,
    whenOpen(timeoutMs) {
      if (store) return Promise.resolve(store);
      return new Promise((resolve) => {
        const done = (value: Store | undefined) => {
          clearTimeout(timeout);
          waiters.delete(done as (store: Store) => void);
          resolve(value);
        };
        const timeout = setTimeout(() => done(undefined), timeoutMs);
        waiters.add(done as (store: Store) => void);
      });
    },
    reportFailure(error) {
      const { code } = describeStoreError(error);
      if (store?.dialect !== 'sqlite' || !BROKEN_FILE.test(code ?? '')) return;
      // The SQLite handle points at a file that is gone or damaged: drop it and open the file anew.
      const broken = store;
      store = undefined;
      onStateChange?.(false);
      logger.error({ event: 'store-reopen', code }, 'the SQLite file is damaged or was replaced; reopening it');
      void broken.close().catch(() => undefined);
      attempt = Math.max(attempt, 1);
      scheduleRetry();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await opening;
      const open = store;
      store = undefined;
      await open?.close();
    },
  };
}
