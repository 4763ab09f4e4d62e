import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { TtlSet } from '../../../src/adapters/slack/event-dedupe.js';
import { slackTextToPlain, withoutMentionOf } from '../../../src/adapters/slack/incoming-text.js';
import { createCapturingLogger } from '../../support/slack/harness.js';

describe('reading Slack text', () => {
  it('decodes the entities Slack escapes typed characters into', () => {
    expect(slackTextToPlain('is a &lt; b &amp;&amp; c &gt; d?')).toBe('is a < b && c > d?');
  });

  it('turns mentions, broadcasts, channels and links into the words people saw', () => {
    expect(slackTextToPlain('<!here> <@U123> <@U456|grace> in <#C789|ml> see <https://pytorch.org|the docs> or <https://jax.dev>')).toBe(
      '@here @U123 @grace in #ml see the docs or https://jax.dev',
    );
    expect(slackTextToPlain('<!subteam^S123|@ml-team> <!date^1392734382^{date}|Feb 18, 2014>')).toBe('@ml-team Feb 18, 2014');
  });

  it('collapses whitespace and trims', () => {
    expect(slackTextToPlain('  compare\n\n  tpu  ')).toBe('compare tpu');
    expect(slackTextToPlain(undefined)).toBe('');
  });

  it('drops mentions of the bot itself, wherever they are', () => {
    expect(slackTextToPlain(withoutMentionOf('UBOT', '<@UBOT> what about <@UBOT|bot> XLA?'))).toBe('what about XLA?');
    expect(withoutMentionOf(undefined, '<@UBOT> hi')).toBe('<@UBOT> hi');
  });
});

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

describe("Bolt's logger", () => {
  it('writes structured pino lines, with errors as err', () => {
    const { logger, lines } = createCapturingLogger('debug');
    const bolt = createBoltLogger(logger);
    bolt.warn('Slack API error:', 'invalid_auth', new Error('An API error occurred: invalid_auth'));
    bolt.debug('detail', { a: 1 });
    expect(lines[0]).toMatchObject({
      level: 40,
      component: 'slack',
      msg: 'Slack API error: invalid_auth',
      err: { message: 'An API error occurred: invalid_auth' },
    });
    expect(lines[1]).toMatchObject({ level: 20, msg: 'detail {"a":1}' });
  });

  it('reports the level LOG_LEVEL set, and ignores attempts to change it', () => {
    const { logger, lines } = createCapturingLogger('warn');
    const bolt = createBoltLogger(logger);
    expect(bolt.getLevel()).toBe('warn');
    bolt.setLevel('debug' as never);
    bolt.info('not shown');
    expect(lines).toEqual([]);
  });
});
