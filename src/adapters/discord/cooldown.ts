// Rate limits for answers nobody asked the bot for (help channels). A mention or a DM is a
// request and is always answered; an unprompted answer must never turn into a flood, so each
// one starts a cool-down for its author AND for its channel. With shared claims (the store), the
// cool-down holds across every process of the bot; otherwise within this one.
import { LRUCache } from 'lru-cache';

/** Keys held for a while by every replica at once, all or nothing (the store's claims). */
export interface SharedCooldownClaims {
  claimAll(keys: readonly string[], ttlMs: number): Promise<boolean>;
}

export interface CooldownOptions {
  seconds: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
  /** Hold the cool-downs in shared claims instead of this process's memory. */
  shared?: SharedCooldownClaims;
}

/** Users and channels remembered at most; the longest-quiet are forgotten first. */
const MAX_REMEMBERED = 10_000;

export class Cooldown {
  private readonly windowMs: number;
  private readonly now: () => number;
  /** When each user and channel last got an unprompted answer (ms). */
  private readonly lastByUser = new LRUCache<string, number>({ max: MAX_REMEMBERED });
  private readonly lastByChannel = new LRUCache<string, number>({ max: MAX_REMEMBERED });

  private readonly shared: SharedCooldownClaims | undefined;

  constructor(options: CooldownOptions) {
    this.windowMs = Math.max(0, options.seconds) * 1000;
    this.now = options.now ?? Date.now;
    this.shared = options.shared;
  }

  /**
   * True when neither the user nor the channel got an unprompted answer within the window; the
   * answer is then recorded for both. False means stay silent.
   */
  async tryAcquire(userId: string, channelId: string): Promise<boolean> {
    if (this.windowMs === 0) return true;
    if (this.shared) {
      try {
        return await this.shared.claimAll([`cooldown:discord:user:${userId}`, `cooldown:discord:channel:${channelId}`], this.windowMs);
      } catch {
        // The shared claims failed: this process's memory decides instead (an answer too many
        // now and then, never a lost one).
      }
    }
    const now = this.now();
    if (this.isCooling(this.lastByUser, userId, now) || this.isCooling(this.lastByChannel, channelId, now)) return false;
    this.lastByUser.set(userId, now);
    this.lastByChannel.set(channelId, now);
    return true;
  }

  private isCooling(last: LRUCache<string, number>, key: string, now: number): boolean {
    const at = last.get(key);
    return at !== undefined && now - at < this.windowMs;
  }
}
