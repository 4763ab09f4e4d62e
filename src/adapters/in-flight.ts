// Replies the bot has started and not yet finished: an answer being posted, a call waiting out a
// rate limit. On SIGTERM the bot stops taking new work and waits for these before it exits, so a
// deploy loses no answer that was already promised; whatever is still unfinished when the grace
// runs out is handed back, so that each lost reply can be logged with where it was going.

/** Where a reply was going, for the log line that says it was not delivered. */
export interface ReplyRef {
  platform: string;
  /** The channel (or DM) the reply belongs in, when known. */
  channel?: string | undefined;
  /** Slack's event_id, or the id of the message or interaction being answered. */
  eventId?: string | undefined;
  messageId?: string | undefined;
  interactionId?: string | undefined;
}

export class InFlightReplies {
  private readonly pending = new Map<number, ReplyRef>();
  private readonly idleWaiters = new Set<() => void>();
  private next = 0;

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(ref: ReplyRef, work: Promise<T>): Promise<T> {
    const id = this.next++;
    this.pending.set(id, ref);
    const settle = () => {
      this.pending.delete(id);
      if (this.pending.size === 0) for (const waiter of [...this.idleWaiters]) waiter();
    };
    work.then(settle, settle);
    return work;
  }

  /** Runs `work` counted as in flight. */
  run<T>(ref: ReplyRef, work: () => Promise<T>): Promise<T> {
    return this.track(ref, Promise.resolve().then(work));
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once nothing is in flight, or after `graceMs`, with what was still unfinished then. */
  drain(graceMs: number): Promise<ReplyRef[]> {
    if (this.pending.size === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(finish);
        resolve([...this.pending.values()]);
      };
      const timer = setTimeout(finish, graceMs);
      this.idleWaiters.add(finish);
    });
  }
}
