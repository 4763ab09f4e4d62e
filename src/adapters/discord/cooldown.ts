// Rate limits for answers nobody asked the bot for (help channels). A mention or a DM is a
// request and is always answered; an unprompted answer must never turn into a flood, so each
// one starts a cool-down for its author AND for its channel.
import { LRUCache } from 'lru-cache';

export interface CooldownOptions {
  seconds: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
}

/** Users and channels remembered at most; the longest-quiet are forgotten first. */
const MAX_REMEMBERED = 10_000;

export class Cooldown {
  private readonly windowMs: number;
  private readonly now: () => number;
  /** When each user and channel last got an unprompted answer (ms). */
  private readonly lastByUser = new LRUCache<string, number>({ max: MAX_REMEMBERED });
  private readonly lastByChannel = new LRUCache<string, number>({ max: MAX_REMEMBERED });

  constructor(options: CooldownOptions) {
    this.windowMs = Math.max(0, options.seconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * True when neither the user nor the channel got an unprompted answer within the window; the
   * answer is then recorded for both. False means stay silent.
   */
  tryAcquire(userId: string, channelId: string): boolean {
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
