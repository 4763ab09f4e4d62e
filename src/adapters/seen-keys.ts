// Remembering which deliveries were already handled: Slack retries an event it did not see
// acknowledged in time, and Discord's gateway replays messages after a resume. Both adapters
// keep the ids they have answered here, bounded in number (and, when given, in time), so a
// repeat is answered once and memory stays flat.
import { LRUCache } from 'lru-cache';

export interface SeenKeysOptions {
  /** At most this many keys are remembered; the oldest is forgotten first. */
  max: number;
  /** Each key is forgotten this long after it was first seen; without it, only `max` bounds them. */
  ttlMs?: number;
  /** Milliseconds; injected so tests control time. */
  now?: () => number;
}

export class SeenKeys {
  private readonly seen: LRUCache<string, true>;

  constructor({ max, ttlMs, now }: SeenKeysOptions) {
    this.seen = new LRUCache<string, true>({
      max,
      ...(ttlMs !== undefined ? { ttl: ttlMs, ttlResolution: 0 } : {}),
      ...(now !== undefined ? { perf: { now } } : {}),
    });
  }

  /** Records the key; false when it was already recorded and not yet forgotten. */
  add(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
