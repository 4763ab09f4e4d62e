// What replicas share through the store (PostgreSQL when DATABASE_URL is set, else the SQLite
// file): keys claimed once (Slack event ids, signatures of requests already served, messages
// being answered), cooldowns, and conversation state for follow-ups. One replica behind a load
// balancer sees what the others did.
//
// The store must never cost an answer: each call is bounded by a timeout, and while the store is
// unavailable, failing or slower than that, this process's own memory stands in. Claims then hold within the replica only (a retry that reaches
// another replica may be answered twice), which is logged once when it starts and once when the
// store is back.
import { createInMemoryConversations, CONVERSATION_TTL_MS, type ConversationMemory } from '../adapters/conversations.js';
import { inMemoryClaims, type ClaimAll } from '../adapters/types.js';
import type { ConversationState } from '../engine/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/index.js';
import { describeStoreError, type StoreConnection } from './store-connection.js';

/**
 * A store call slower than this is given up on (and memory answers instead). Generous: giving
 * up on a slow but working store is what lets two replicas both answer an event, and the work
 * these calls gate (answering an event already acknowledged, a follow-up, a cooldown) has no
 * deadline of seconds. A database that is down fails much sooner (connection refused, or the
 * PostgreSQL store's own 3-second query timeout); this bounds the wait for an overloaded one.
 */
export const SHARED_STATE_TIMEOUT_MS = 10_000;
/**
 * For calls before Slack's 3-second acknowledgement (refusing a replayed request): a store this
 * slow lets the request through rather than make Slack give up on it.
 */
export const ACK_PATH_TIMEOUT_MS = 500;

/** Claims every replica sees (the store's), with this process's memory standing in when it cannot. */
export type SharedClaims = ClaimAll;

export interface SharedStateOptions {
  connection: StoreConnection;
  logger: Logger;
  timeoutMs?: number;
  /** Called each time memory stood in for the store (for a metric). */
  onFallback?: () => void;
}

class StoreTimeout extends Error {
  readonly code = 'STORE_TIMEOUT';
  constructor(ms: number) {
    super(`the store did not answer within ${ms} ms`);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Failures where the statement never reached the database, so trying again cannot do it twice:
 * no pooled PostgreSQL connection came free in time (a busy database), or SQLite's file was
 * locked by another writer. Anything else (a query that timed out may still have run) is not
 * retried.
 */
function neverRan(error: unknown): boolean {
  const { code, message } = describeStoreError(error);
  return code === 'SQLITE_BUSY' || message.includes('timeout exceeded when trying to connect');
}

/** Runs `op`, again while it failed without running, until `timeoutMs` has passed. */
async function untilDeadline<T>(op: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let retry = 1; ; retry++) {
    try {
      return await withTimeout(op(), Math.max(1, deadline - Date.now()));
    } catch (error) {
      const pause = Math.min(25 * retry, 250);
      if (!neverRan(error) || Date.now() + pause >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Runs `op` on the store, or `fallback` in memory when there is no store or it fails; says each change once. */
function storeOrMemory({ connection, logger, timeoutMs = SHARED_STATE_TIMEOUT_MS, onFallback }: SharedStateOptions) {
  let degraded = false;
  return async <T>(op: (store: Store) => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    const store = connection.current();
    if (store !== undefined) {
      try {
        // A busy store is waited for (within the timeout) rather than given up on: giving up
        // is what lets two replicas both answer.
        const result = await untilDeadline(() => op(store), timeoutMs);
        if (degraded) {
          degraded = false;
          logger.info({ event: 'shared-state-restored' }, 'the store answers again: replicas share claims and conversations again');
        }
        return result;
      } catch (error) {
        connection.reportFailure(error);
        if (!degraded)
          logger.warn({ event: 'shared-state-degraded', ...describeStoreError(error) }, 'the store failed; using this replica’s memory');
        degraded = true;
      }
    } else if (!degraded) {
      degraded = true;
      logger.warn({ event: 'shared-state-degraded' }, 'no store yet; using this replica’s memory for claims and conversations');
    }
    onFallback?.();
    return fallback();
  };
}

export function sharedClaims(options: SharedStateOptions): SharedClaims {
  const local = inMemoryClaims();
  const run = storeOrMemory(options);
  return {
    claim: (key, ttlMs) =>
      run(
        (store) => store.claims.claim(key, ttlMs),
        () => local.claim(key, ttlMs),
      ),
    claimAll: (keys, ttlMs) =>
      run(
        (store) => store.claims.claimAll(keys, ttlMs),
        () => local.claimAll(keys, ttlMs),
      ),
  };
}

function isConversationState(value: unknown): value is ConversationState {
  const state = value as Partial<ConversationState> | null | undefined;
  return typeof state === 'object' && state !== null && typeof state.query === 'string' && typeof state.turns === 'number';
}

/**
 * The lead's ConversationMemory over the store: every replica reads the thread's state wherever
 * the previous message was answered. Writes also go to memory, which answers while the store
 * cannot.
 */
export function sharedConversations(options: SharedStateOptions & { ttlMs?: number }): ConversationMemory {
  const ttlMs = options.ttlMs ?? CONVERSATION_TTL_MS;
  const local = createInMemoryConversations({ ttlMs });
  const run = storeOrMemory(options);
  return {
    get: (key) =>
      run(
        async (store) => {
          const state = await store.conversations.get(key);
          // Written by another version of the bot, or by hand: read as no conversation at all.
          return isConversationState(state) ? state : undefined;
        },
        () => local.get(key),
      ),
    async set(key, state) {
      await local.set(key, state);
      await run(
        (store) => store.conversations.set(key, state, ttlMs),
        async () => undefined,
      );
    },
  };
}
