import { describe, expect, it } from 'vitest';
import { slackTextToPlain } from '../../../src/adapters/slack/incoming-text.js';

describe('reading Slack text', () => {
  it('decodes the entities Slack escapes typed characters into', () => {
    expect(slackTextToPlain('is a &lt; b &amp;&amp; c &gt; d?')).toBe('is a < b && c > d?');
  });

  it('removes mentions of people, groups and channels, and broadcasts: they address someone, they are not the question', () => {
    expect(slackTextToPlain('<@UBOT> <@U456|grace> is jax faster')).toBe('is jax faster');
    expect(slackTextToPlain('<!here> <!channel> <!subteam^S123|@ml-team> ask in <#C789|ml> about xla')).toBe('ask in about xla');
  });

  it('keeps the words people saw of links and dates', () => {
    expect(slackTextToPlain('see <https://pytorch.org|the docs> or <https://jax.dev>')).toBe('see the docs or https://jax.dev');
    expect(slackTextToPlain('since <!date^1392734382^{date}|Feb 18, 2014>')).toBe('since Feb 18, 2014');
  });

  it('removes emoji shortcodes, which Slack draws from their names', () => {
    expect(slackTextToPlain('which is faster :thinking_face: :+1: ?')).toBe('which is faster ?');
    expect(slackTextToPlain('meet at 10:30:45')).toBe('meet at 10:30:45');
  });

  it('collapses whitespace and trims', () => {
    expect(slackTextToPlain('  compare\n\n  tpu  ')).toBe('compare tpu');
    expect(slackTextToPlain(undefined)).toBe('');
  });
});
