// What replicas share through the store (PostgreSQL when DATABASE_URL is set, else the SQLite
// file): keys claimed once (Slack event ids, signatures of requests already served, messages
// being answered), cooldowns, and conversation state for follow-ups. One replica behind a load
// balancer sees what the others did.
//
// Nothing lost, nothing doubled, when the store is slow or down:
// - A slow store is waited for, never given up on early. Every call is retried until its
//   deadline, whatever the failure: the pool had no connection free, the server cancelled a
//   statement that waited too long on a lock (statement_timeout, which rolls it back), or the
//   answer was lost after the database may have acted. A claim carries a holder token picked once
//   per decision, so a retry of a claim that did go through is recognised as the same holder's
//   and granted again, never granted to a second replica: the store stays the one judge.
// - Only a store that cannot answer for the whole deadline (down, or overloaded past it) lets
//   this process's memory decide. Memory refuses what this replica has seen; for the rest the
//   caller chooses (ClaimOptions.ifUnavailable): going ahead (a first delivery: no other replica
//   can have it unless the platform retried, and a retry is refused) or refusing (a platform's
//   retry, whose first delivery another replica may have answered). With no other replica
//   possible (no DATABASE_URL: the SQLite file of one host), memory's word is final.
// - A store that is down (connections refused) makes later calls try it once, briefly, instead
//   of each waiting out the deadline, until one succeeds: nothing can reach it then, so no other
//   replica decides differently. A store that is merely slow gets the full wait every time: a
//   quick attempt there would flip between memory and the store, the way two replicas come to
//   answer one event. Changes are logged once each way, and each decision made in memory is
//   counted.
// - A process so busy that its timers fire late must not mistake that for a slow store: when the
//   wait is up, the answers already received are read first (one turn of the event loop).
import { randomUUID } from 'node:crypto';
import { createInMemoryConversations, CONVERSATION_TTL_MS, type ConversationMemory } from '../adapters/conversations.js';
import { inMemoryClaims, keyKind, type ClaimAll, type ClaimOptions } from '../adapters/types.js';
import type { ConversationState } from '../engine/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/index.js';
import { describeStoreError, type StoreConnection } from './store-connection.js';

/**
 * How long a store call is retried before memory decides. Generous: deciding in memory is what
 * can double or drop an answer, and the work these calls gate (answering an event already
 * acknowledged, a follow-up, a cooldown) has no deadline of seconds. A database that is down
 * fails each attempt at once (connection refused); this bounds the wait for an overloaded one.
 */
export const SHARED_STATE_TIMEOUT_MS = 10_000;
/**
 * For calls before Slack's 3-second acknowledgement (refusing a replayed request): a store this
 * slow lets the request through rather than make Slack give up on it.
 */
export const ACK_PATH_TIMEOUT_MS = 500;
/** While the store is down (its connections were refused for a whole wait), the one attempt each call makes. */
export const DOWN_ATTEMPT_MS = 250;

/** Claims every replica sees (the store's), with this process's memory standing in when it cannot. */
export type SharedClaims = ClaimAll;

export interface SharedStateOptions {
  connection: StoreConnection;
  logger: Logger;
  timeoutMs?: number;
  /**
   * Whether other replicas can share this store (PostgreSQL). False: one process on one host
   * (SQLite), so when the store cannot answer, memory's decision is final and `refuse` is moot.
   */
  replicas?: boolean;
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
    // Timers run before the event loop reads its sockets: on a busy process the answer may have
    // arrived and be waiting to be read. setImmediate runs after that read, so it wins if it came.
    timer = setTimeout(() => setImmediate(() => reject(new StoreTimeout(ms))), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The database could not be reached at all (not merely slow): nobody can be using it. */
function unreachable(error: unknown): boolean {
  const { code, message } = describeStoreError(error);
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || message.includes('ECONNREFUSED');
}

/**
 * Runs `op` until it succeeds or `timeoutMs` has passed, pausing a little longer after each
 * failure. Every operation given here is safe to repeat (claims carry their holder; conversation
 * writes replace), so a failure whose outcome is unknown is retried like one that never ran.
 */
async function untilDeadline<T>(op: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let retry = 1; ; retry++) {
    try {
      return await withTimeout(op(), Math.max(1, deadline - Date.now()));
    } catch (error) {
      const pause = Math.min(25 * retry, 250);
      if (Date.now() + pause >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Runs `op` on the store, or `fallback` in memory when there is no store or it fails; says each change once. */
function storeOrMemory({ connection, logger, timeoutMs = SHARED_STATE_TIMEOUT_MS, onFallback }: SharedStateOptions) {
  let degraded = false;
  let down = false;
  return async <T>(op: (store: Store) => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    const store = connection.current();
    if (store !== undefined) {
      try {
        const result = await untilDeadline(() => op(store), down ? Math.min(timeoutMs, DOWN_ATTEMPT_MS) : timeoutMs);
        down = false;
        if (degraded) {
          degraded = false;
          logger.info({ event: 'shared-state-restored' }, 'the store answers again: replicas share claims and conversations again');
        }
        return result;
      } catch (error) {
        connection.reportFailure(error);
        down = unreachable(error);
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
  const { logger, replicas = true } = options;
  /** Memory's decision when the store could not answer: what it has seen is refused; the rest as asked. */
  const decideInMemory = async (key: string, granted: Promise<boolean>, claimOptions: ClaimOptions | undefined) => {
    if (!(await granted)) return false;
    if (claimOptions?.ifUnavailable !== 'refuse' || !replicas) return true;
    logger.warn(
      { event: 'claim-refused-store-unavailable', key: keyKind(key) },
      'the store could not say whether another replica has this already; refusing it rather than risk answering twice',
    );
    return false;
  };
  return {
    claim(key, ttlMs, claimOptions) {
      // One holder for every attempt of this decision: a retry of a claim that did go through is still ours.
      const holder = randomUUID();
      return run(
        (store) => store.claims.claim(key, ttlMs, holder),
        () => decideInMemory(key, local.claim(key, ttlMs), claimOptions),
      );
    },
    claimAll(keys, ttlMs, claimOptions) {
      const holder = randomUUID();
      return run(
        (store) => store.claims.claimAll(keys, ttlMs, holder),
        () => decideInMemory(keys.join(','), local.claimAll(keys, ttlMs), claimOptions),
      );
    },
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
