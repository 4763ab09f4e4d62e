// Rate limits for answers nobody asked the bot for (help channels). A mention or a DM is a
// request and is always answered; an unprompted answer must never turn into a flood, so each
// one starts a cool-down for its author AND for its channel.
export interface CooldownOptions {
  seconds: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
}

/** Entries older than the window are forgotten once the maps grow past this. */
const PRUNE_AT = 1_000;

export class Cooldown {
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly lastByUser = new Map<string, number>();
  private readonly lastByChannel = new Map<string, number>();

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
    this.prune(now);
    return true;
  }

  private isCooling(last: Map<string, number>, key: string, now: number): boolean {
    const at = last.get(key);
    return at !== undefined && now - at < this.windowMs;
  }

  private prune(now: number): void {
    for (const map of [this.lastByUser, this.lastByChannel]) {
      if (map.size <= PRUNE_AT) continue;
      for (const [key, at] of map) if (now - at >= this.windowMs) map.delete(key);
    }
  }
}
