// The memory of deliveries already answered (Slack event ids, Discord message ids).
import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../src/adapters/seen-keys.js';

describe('the memory of seen keys', () => {
  it('says whether a key is new', () => {
    const seen = new SeenKeys({ max: 10 });
    expect(seen.add('Ev1')).toBe(true);
    expect(seen.add('Ev1')).toBe(false);
    expect(seen.add('Ev2')).toBe(true);
  });

  it('forgets keys once their time is up, and not before', () => {
    let now = 1_000_000;
    const seen = new SeenKeys({ max: 10, ttlMs: 1000, now: () => now });
    seen.add('Ev1');
    now += 999;
    expect(seen.add('Ev1')).toBe(false);
    now += 1001;
    expect(seen.add('Ev1')).toBe(true);
  });

  it('never holds more than its maximum, forgetting the oldest first', () => {
    const seen = new SeenKeys({ max: 3, ttlMs: 60_000 });
    for (const key of ['a', 'b', 'c', 'd']) seen.add(key);
    expect(seen.size).toBe(3);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('d')).toBe(false);
  });
});
