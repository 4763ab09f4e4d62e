// A reusable list of document numbers for a search's scratch work ("which documents did this
// query touch"; at build time, which terms did this document use). A search touches thousands
// of documents; with a plain array emptied by `length = 0` between queries, V8 gives the array's
// memory back and every query grew it again (about 100 KB of garbage per question, which is
// what drives the collector's pauses under load). This list keeps its memory and only resets
// its size.

export class DocList {
  private ids: Int32Array;
  size = 0;

  /** `capacity`: usually the number of documents, since each is listed once per query. */
  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  push(doc: number): void {
    if (this.size === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.size++] = doc;
  }

  /** The i-th document listed, for i below size. */
  at(i: number): number {
    return this.ids[i]!;
  }

  clear(): void {
    this.size = 0;
  }

  /** A copy of the listed documents, in order. */
  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.size));
  }
}
