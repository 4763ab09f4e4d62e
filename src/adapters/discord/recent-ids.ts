// Remembers the last N ids seen, so a message delivered twice (gateway replays after a resume,
// duplicate events) is answered once. Bounded: the oldest id is forgotten first.
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5_000) {}

  /** Records the id; false when it was already recorded. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
