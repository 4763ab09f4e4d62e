// Request authenticity, retries, mention injection, Web API failures and the HTTP surface,
// through the real Bolt app with the real engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockKitProblems, pingProblems } from '../../support/slack/block-kit-rules.js';
import { useSlackHarness } from '../../support/slack/harness.js';
import {
  appMention,
  blockActions,
  directMessage,
  slackSignature,
  slashCommandFields,
  TEST_SIGNING_SECRET,
  uniqueId,
} from '../../support/slack/requests.js';
import { ACTION_IDS } from '../../../src/render/slack/index.js';
import { DEFAULT_BOT } from '../../support/slack/web-api-stand-in.js';

const slack = useSlackHarness();

const BOT = `<@${DEFAULT_BOT.userId}>`;
const posts = () => slack.standIn.callsTo('chat.postMessage');
const baseUrl = () => slack.sender.eventsUrl.replace('/slack/events', '');

describe('request authenticity', () => {
  const body = new URLSearchParams({
    command: '/pytorch-vs-tf',
    text: 'help',
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T1',
    response_url: 'http://127.0.0.1:9/x',
  }).toString();

  it('a forged signature gets 401 and no answer', async () => {
    const response = await slack.sender.post(body, 'application/x-www-form-urlencoded', {
      signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), body),
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });

  it('a request older than five minutes gets 401, even correctly signed (replay protection)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await slack.sender.post(body, 'application/x-www-form-urlencoded', {
      timestamp: stale,
      signature: slackSignature(TEST_SIGNING_SECRET, stale, body),
    });
    expect(response.status).toBe(401);
  });

  it('a forged event is never answered', async () => {
    const event = JSON.stringify({
      type: 'event_callback',
      event_id: uniqueId('Ev'),
      team_id: 'T0000001',
      event: directMessage('what is XLA?'),
    });
    const response = await slack.sender.post(event, 'application/json', { signature: 'v0=0000' });
    expect(response.status).toBe(401);
    expect(posts()).toEqual([]);
  });

  it('url_verification is answered with the challenge', async () => {
    const response = await slack.sender.postJson({
      token: 't',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });
});

describe('replays, clocks and bodies', () => {
  it('a request dated more than five minutes ahead gets 401, even correctly signed', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const body = new URLSearchParams(slashCommandFields('help')).toString();
    const response = await slack.sender.post(body, 'application/x-www-form-urlencoded', {
      timestamp: ahead,
      signature: slackSignature(TEST_SIGNING_SECRET, ahead, body),
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });

  it('a captured "Share in channel" click replayed inside the five minutes gets 401 and posts nothing more', async () => {
    const click = new URLSearchParams({
      payload: JSON.stringify(
        blockActions({
          actionId: ACTION_IDS.share,
          value: 'what is TensorFlow Lite called now?',
          responseUrl: slack.standIn.responseUrl('share'),
        }),
      ),
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(TEST_SIGNING_SECRET, timestamp, click);
    const first = await slack.sender.post(click, 'application/x-www-form-urlencoded', { timestamp, signature });
    const replays = await Promise.all(
      [1, 2, 3].map(() => slack.sender.post(click, 'application/x-www-form-urlencoded', { timestamp, signature })),
    );
    expect(first.status).toBe(200);
    expect(replays.map((replay) => replay.status)).toEqual([401, 401, 401]);
    expect(posts()).toHaveLength(1);
  });

  it('a replayed slash command gets 401', async () => {
    const body = new URLSearchParams(slashCommandFields('compare hardware')).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(TEST_SIGNING_SECRET, timestamp, body);
    expect((await slack.sender.post(body, 'application/x-www-form-urlencoded', { timestamp, signature })).status).toBe(200);
    expect((await slack.sender.post(body, 'application/x-www-form-urlencoded', { timestamp, signature })).status).toBe(401);
  });

  it.each([
    ['JSON null', 'null', 'application/json'],
    ['a JSON list', '[1,2]', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a form whose payload is null', 'payload=null', 'application/x-www-form-urlencoded'],
  ])('a signed body that is %s is answered 400 at once', async (_name, body, contentType) => {
    const response = await slack.sender.post(body, contentType);
    expect(response.status).toBe(400);
    expect(slack.standIn.everythingSent()).toEqual([]);
  });

  it('a body over 1 MB is refused with 413 before its signature is even read', async () => {
    const body = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1_100_000) });
    const response = await slack.sender.post(body, 'application/json', { signature: 'v0=whatever' });
    expect(response.status).toBe(413);
  });
});

describe('Events API retries', () => {
  it('a retried event (same event_id, x-slack-retry-num) is answered once', async () => {
    const eventId = uniqueId('Ev');
    const mention = appMention(`${BOT} what is TensorFlow Lite called now?`);
    expect((await slack.sender.event(mention, { eventId })).status).toBe(200);
    expect((await slack.sender.event(mention, { eventId, retryNum: 1 })).status).toBe(200);
    expect((await slack.sender.event(mention, { eventId, retryNum: 2 })).status).toBe(200);
    expect(posts()).toHaveLength(1);
  });

  it('a DM that @mentions the bot (a message.im and an app_mention of one message) is answered once, in the DM', async () => {
    const dm = directMessage(`${BOT} what is XLA?`);
    await slack.sender.event(dm);
    await slack.sender.event(appMention(`${BOT} what is XLA?`, { channel: dm.channel, ts: dm.ts, event_ts: dm.ts }));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params.thread_ts).toBeUndefined();
  });

  it('the same question in two different events is answered twice', async () => {
    await slack.sender.event(directMessage('compare hardware'));
    await slack.sender.event(directMessage('compare hardware'));
    expect(posts()).toHaveLength(2);
  });
});

describe('mention injection', () => {
  const hostile = '<!channel> <!here> <!everyone> <@U123> <!subteam^S123|@ml-team> @here what is TensorFlow Lite called now?';

  it('a mention carrying broadcasts and pings produces none in anything the app sends', async () => {
    await slack.sender.event(appMention(`${BOT} ${hostile}`));
    await slack.sender.event(directMessage(hostile));
    await slack.sender.event(directMessage(`ask ${hostile}`));
    await slack.sender.event(directMessage(`check ${hostile}`));
    expect(posts()).toHaveLength(4);
    expect(pingProblems(JSON.stringify(slack.standIn.everythingSent()))).toEqual([]);
  });

  it('clicking buttons that carry such text stays inert too (share, follow-up)', async () => {
    const url = slack.standIn.responseUrl('inj');
    await slack.sender.interaction(blockActions({ actionId: 'pvt_share', value: hostile, responseUrl: url }));
    await slack.sender.interaction(blockActions({ actionId: 'pvt_ask_0', value: hostile, responseUrl: url }));
    await slack.sender.interaction(
      blockActions({ actionId: 'pvt_ask_0', value: hostile, responseUrl: url, message: { ts: '1700000700.000001' } }),
    );
    expect(slack.standIn.everythingSent().length).toBeGreaterThanOrEqual(3);
    expect(pingProblems(JSON.stringify(slack.standIn.everythingSent()))).toEqual([]);
  });

  it('holds for any text: slash-command replies are always inert and within limits (property)', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<!here>',
        '<!channel>',
        '<@U123>',
        '&lt;!everyone&gt;',
        '@here',
        '&amp;',
        '<https://x.test|x>',
        'compare ',
        'check ',
        'tpu',
        '😀',
        '\n',
      ),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), async (parts) => {
        const response = await slack.sender.slashCommand(parts.join(''));
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        const problems = [...pingProblems(response.text), ...blockKitProblems(response.json ?? {})];
        if (problems.length > 0) throw new Error(problems.slice(0, 3).join('; '));
      }),
      { numRuns: 40 },
    );
  });
});

describe('Web API failures', () => {
  it.each([
    ['ok:false', { error: 'channel_not_found' }],
    ['HTTP 500', { status: 500 }],
    ['HTTP 429', { status: 429, retryAfterSeconds: 0 }],
  ] as const)(
    'a reply that fails with %s is logged with its channel and event id, and the next request is still served',
    async (_name, failure) => {
      slack.standIn.fail('chat.postMessage', failure);
      const eventId = uniqueId('Ev');
      const mention = appMention(`${BOT} what is XLA?`);
      const failed = await slack.sender.event(mention, { eventId });
      expect(failed.status).toBe(200);
      expect(slack.logs.find((log) => log.event === 'reply-failed')).toMatchObject({
        channel: mention.channel,
        eventId,
        messageId: mention.ts,
      });

      slack.standIn.clearFailures();
      slack.standIn.calls.length = 0;
      await slack.sender.event(appMention(`${BOT} what is TensorFlow Lite called now?`));
      expect(posts()).toHaveLength(1);
      expect(posts()[0]!.params.text).toContain('LiteRT');
      expect((await slack.sender.slashCommand('help')).status).toBe(200);
    },
  );
});

describe('the HTTP surface', () => {
  it('GET /healthz answers 200 on the same port', async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('an unknown path is 404', async () => {
    expect((await fetch(`${baseUrl()}/nothing-here`)).status).toBe(404);
  });
});
