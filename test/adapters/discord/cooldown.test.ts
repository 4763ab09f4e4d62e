// The rules that keep unprompted help-channel answers from flooding a channel, and which
// answers are confident enough to give unprompted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../../src/engine/types.js';
import { Cooldown } from '../../../src/adapters/discord/cooldown.js';
import { isConfidentAnswer, UNPROMPTED_MIN_CONFIDENCE } from '../../../src/adapters/discord/messages.js';
import { answer, base } from '../../support/results.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('Cooldown', () => {
  it('lets the first answer through and holds back the same user within the window', () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
    time.advance(29);
    expect(cooldown.tryAcquire('alice', 'other-help')).toBe(false);
  });

  it('holds back another user in the same channel within the window', () => {
    const cooldown = new Cooldown({ seconds: 30, now: clock().now });
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(cooldown.tryAcquire('bob', 'help')).toBe(false);
  });

  it('lets another user in another channel through', () => {
    const cooldown = new Cooldown({ seconds: 30, now: clock().now });
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(cooldown.tryAcquire('bob', 'other-help')).toBe(true);
  });

  it('opens again once the window has passed', () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
    time.advance(30);
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('a refused attempt does not extend the cool-down', () => {
    const time = clock();
    const cooldown = new Cooldown({ seconds: 30, now: time.now });
    cooldown.tryAcquire('alice', 'help');
    time.advance(20);
    expect(cooldown.tryAcquire('alice', 'help')).toBe(false);
    time.advance(10);
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('with 0 seconds, never holds anything back', () => {
    const cooldown = new Cooldown({ seconds: 0, now: clock().now });
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
    expect(cooldown.tryAcquire('alice', 'help')).toBe(true);
  });

  it('never answers twice in one channel, or for one user, within the window, whatever the traffic', () => {
    const event = fc.record({
      user: fc.constantFrom('a', 'b', 'c', 'd'),
      channel: fc.constantFrom('x', 'y', 'z'),
      after: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const time = clock();
        const cooldown = new Cooldown({ seconds: 30, now: time.now });
        const answered: { user: string; channel: string; at: number }[] = [];
        for (const { user, channel, after } of events) {
          time.advance(after);
          if (cooldown.tryAcquire(user, channel)) answered.push({ user, channel, at: time.now() });
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
      { ...confident, kind: 'ambiguous' },
      { ...confident, kind: 'no-match', reason: 'out-of-scope', topicTitles: [] },
      { ...confident, kind: 'greeting', greeting: 'hello' },
      { ...confident, kind: 'invalid-input' },
    ] satisfies EngineResult[]) {
      expect(isConfidentAnswer(result)).toBe(false);
    }
  });
});
