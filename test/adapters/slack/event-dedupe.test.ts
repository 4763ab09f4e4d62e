import { describe, expect, it } from 'vitest';
import { TtlSet } from '../../../src/adapters/slack/event-dedupe.js';

describe('the memory of seen events', () => {
  it('says whether a key is new', () => {
    const seen = new TtlSet(1000, 10);
    expect(seen.add('Ev1')).toBe(true);
    expect(seen.add('Ev1')).toBe(false);
    expect(seen.add('Ev2')).toBe(true);
  });

  it('forgets keys once they expire', () => {
    let now = 0;
    const seen = new TtlSet(1000, 10, () => now);
    seen.add('Ev1');
    now = 999;
    expect(seen.add('Ev1')).toBe(false);
    now = 1000;
    expect(seen.add('Ev1')).toBe(true);
  });

  it('never holds more than its maximum, forgetting the oldest first', () => {
    const seen = new TtlSet(60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) seen.add(key);
    expect(seen.size).toBe(3);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('d')).toBe(false);
  });
});
