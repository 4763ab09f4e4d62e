// The rules that keep unprompted help-channel answers from flooding a channel, and which
// answers are confident enough to give unprompted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../../src/engine/types.js';
import { Cooldown } from '../../../src/adapters/discord/cooldown.js';
import { isConfidentAnswer, UNPROMPTED_MIN_CONFIDENCE } from '../../../src/adapters/discord/messages.js';
import { openSqliteStore } from '../../../src/store/index.js';
import { answer, base } from '../../support/results.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('Cooldown', () => {
  it('lets the first answer through and holds back the same user within the window', async () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    time.advance(29);
    expect(await cooldown.tryAcquire('alice', 'other-help')).toBe(false);
  });

  it('holds back another user in the same channel within the window', async () => {
    const cooldown = new Cooldown({ seconds: 30, now: clock().now });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(await cooldown.tryAcquire('bob', 'help')).toBe(false);
  });

  it('lets another user in another channel through', async () => {
    const cooldown = new Cooldown({ seconds: 30, now: clock().now });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(await cooldown.tryAcquire('bob', 'other-help')).toBe(true);
  });

  it('opens again once the window has passed', async () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    time.advance(30);
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('a refused attempt does not extend the cool-down', async () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    await cooldown.tryAcquire('alice', 'help');
    time.advance(20);
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(false);
    time.advance(10);
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('with 0 seconds, never holds anything back', async () => {
    const cooldown = new Cooldown({ seconds: 0, now: clock().now });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('never answers twice in one channel, or for one user, within the window, whatever the traffic', async () => {
    const event = fc.record({
      user: fc.constantFrom('a', 'b', 'c', 'd'),
      channel: fc.constantFrom('x', 'y', 'z'),
      after: fc.integer({ min: 0, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 60 }), async (events) => {
        const time = clock();
        const cooldown = new Cooldown({ seconds: 30, now: time.now });
        const answered: { user: string; channel: string; at: number }[] = [];
        for (const { user, channel, after } of events) {
          time.advance(after);
          if (await cooldown.tryAcquire(user, channel)) answered.push({ user, channel, at: time.now() });
        }
        for (const [index, first] of answered.entries()) {
          for (const later of answered.slice(index + 1)) {
            if (later.user === first.user || later.channel === first.channel) expect(later.at - first.at).toBeGreaterThanOrEqual(30_000);
          }
        }
      }),
    );
  });
});

describe('Cooldown shared by every process of the bot (the store)', () => {
  it('holds back an answer in the same channel from another process within the window', async () => {
    let now = 1_000_000;
    const store = await openSqliteStore({ file: ':memory:', now: () => now });
    try {
      const [first, second] = [new Cooldown({ seconds: 30, shared: store.claims }), new Cooldown({ seconds: 30, shared: store.claims })];
      expect(await first.tryAcquire('alice', 'help')).toBe(true);
      expect(await second.tryAcquire('bob', 'help')).toBe(false);
      expect(await second.tryAcquire('alice', 'other-help')).toBe(false);
      expect(await second.tryAcquire('bob', 'other-help')).toBe(true);
      now += 30_000;
      expect(await second.tryAcquire('alice', 'help')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('decides in this process when the shared claims fail, rather than staying silent for good', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    await store.close();
    const cooldown = new Cooldown({ seconds: 30, now: clock().now, shared: store.claims });
    expect(await cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(await cooldown.tryAcquire('bob', 'help')).toBe(false);
  });
});

describe('isConfidentAnswer (help channels only answer these)', () => {
  it('accepts an answer at or above the unprompted threshold', () => {
    expect(isConfidentAnswer(answer({ confidence: UNPROMPTED_MIN_CONFIDENCE }))).toBe(true);
  });

  it('rejects a less confident answer', () => {
    expect(isConfidentAnswer(answer({ confidence: UNPROMPTED_MIN_CONFIDENCE - 0.01 }))).toBe(false);
  });

  it('rejects everything that is not an answer, however confident', () => {
    const confident = base({ confidence: 1 });
    for (const result of [
      { ...confident, kind: 'partial' },
      { ...confident, kind: 'no-match', reason: 'out-of-scope', topicTitles: [] },
      { ...confident, kind: 'greeting', greeting: 'hello' },
      { ...confident, kind: 'invalid-input' },
    ] satisfies EngineResult[]) {
      expect(isConfidentAnswer(result)).toBe(false);
    }
  });
});
