import type { Logger } from '../logging/logger.js';
import { OperatorError } from '../errors.js';

// What every platform adapter hands back to the entry point, so it can stop them all on SIGTERM
// and report readiness.
export interface RunningAdapter {
  /** "slack" or "discord", for logs. */
  readonly name: string;
  /** True while the platform can reach the bot (gateway or socket connected, or HTTP listening). */
  isConnected(): boolean;
  /**
   * Stop taking new work (close the gateway or socket; HTTP requests are refused by the server),
   * while replies already started go on. Optional: an HTTP-only adapter has nothing to close.
   */
  stopTakingWork?(): Promise<void>;
  stop(): Promise<void>;
}

/** What the entry point counts for its metrics. Calls are cheap and synchronous. */
export interface AdapterObserver {
  /** A call to the platform's API failed: an HTTP error status, or no answer at all. */
  apiError(): void;
  /** A delivery the platform repeated (a retry or a replay) was recognised and not answered again. */
  repeatIgnored(): void;
}

export const NO_OBSERVER: AdapterObserver = { apiError: () => undefined, repeatIgnored: () => undefined };

/**
 * Keys that may be claimed once: an event id, a request's signature, a message being answered.
 * Across replicas this is the shared store; in one process, memory will do.
 */
export interface ClaimOnce {
  /** True for the first claim of `key` within `ttlMs`; false for every later one. */
  claim(key: string, ttlMs: number, options?: ClaimOptions): Promise<boolean>;
}

export interface ClaimOptions {
  /**
   * What a shared store that cannot be asked (down, or failing for the whole wait) decides, when
   * this process has not seen the key either: `grant` (the default: going ahead costs at worst a
   * doubled answer) or `refuse` (for a platform's retry, whose first delivery may have been
   * claimed and answered by another replica). Claims kept in memory only are never unavailable.
   */
  ifUnavailable?: 'grant' | 'refuse';
}

/** Claims that also take several keys at once, all or nothing (a cooldown on a user and a channel). */
export interface ClaimAll extends ClaimOnce {
  /** True when none of the keys is held, and then every one is held for `ttlMs`; false (and nothing changes) otherwise. */
  claimAll(keys: readonly string[], ttlMs: number, options?: ClaimOptions): Promise<boolean>;
}

/**
 * Claims held in this process only (one replica, or tests): bounded by time, not by count, so a
 * burst cannot push a key out before its time. One map per lifetime keeps each in expiry order,
 * so expired keys are swept from the front. Each call checks and records without awaiting in
 * between, so concurrent callers in this process cannot both win.
 */
export function inMemoryClaims(options: { now?: () => number } = {}): ClaimAll {
  const now = options.now ?? Date.now;
  const byTtl = new Map<number, Map<string, number>>();
  const liveKeys = (ttlMs: number, at: number) => {
    let expiries = byTtl.get(ttlMs);
    if (expiries === undefined) byTtl.set(ttlMs, (expiries = new Map()));
    for (const [oldest, expiresAt] of expiries) {
      if (expiresAt > at) break;
      expiries.delete(oldest);
    }
    return expiries;
  };
  return {
    async claim(key, ttlMs) {
      const at = now();
      const expiries = liveKeys(ttlMs, at);
      if (expiries.has(key)) return false;
      expiries.set(key, at + ttlMs);
      return true;
    },
    async claimAll(keys, ttlMs) {
      const at = now();
      const expiries = liveKeys(ttlMs, at);
      if (keys.some((key) => expiries.has(key))) return false;
      for (const key of keys) expiries.set(key, at + ttlMs);
      return true;
    },
  };
}

/** What a claim key is for ("slack:event"), without the ids after it: what logs say of a key. */
export function keyKind(key: string): string {
  return key.split(':', 2).join(':');
}

/**
 * A claim that fails (the shared store is down) lets the work through, unless the caller asked
 * to refuse then (`ifUnavailable: 'refuse'`): answering twice now and then costs less than not
 * answering at all, except where another replica has probably answered already. Logged.
 */
export async function claimOrAllow(
  claims: ClaimOnce,
  key: string,
  ttlMs: number,
  logger: Logger,
  options?: ClaimOptions,
): Promise<boolean> {
  try {
    return await claims.claim(key, ttlMs, options);
  } catch (error) {
    logger.warn(
      { err: error, key: keyKind(key), ifUnavailable: options?.ifUnavailable ?? 'grant' },
      'could not check a key in the shared store',
    );
    return options?.ifUnavailable !== 'refuse';
  }
}

/** A start-up failure the operator can fix (bad token, port in use): printed as one clear line. */
export class AdapterStartError extends OperatorError {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(`Could not start ${platform}: ${message}`);
    this.name = 'AdapterStartError';
  }
}
