// Mentions, direct messages and the App Home, through the real Bolt app with the real engine.
// The harness answers each request only after the app has finished with it, so "nothing was
// sent" is checked right after the response, without waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../support/slack/block-kit-rules.js';
import { startSlackHarness, useSlackHarness, TEST_BOT_TOKEN, type SlackHarness } from '../../support/slack/harness.js';
import { appMention, ASKER, CHANNEL, directMessage, DM_CHANNEL } from '../../support/slack/requests.js';
import { DEFAULT_BOT } from '../../support/slack/web-api-stand-in.js';

const slack = useSlackHarness();

const BOT = `<@${DEFAULT_BOT.userId}>`;
const posts = () => slack.standIn.callsTo('chat.postMessage');

async function deliver(event: Record<string, unknown>): Promise<void> {
  const response = await slack.sender.event(event);
  expect(response.status).toBe(200);
}

describe('a mention in a channel', () => {
  it('is answered in a new thread under the message', async () => {
    const mention = appMention(`${BOT} what is TensorFlow Lite called now?`);
    await deliver(mention);
    expect(posts()).toHaveLength(1);
    const [post] = posts();
    expect(post!.token).toBe(TEST_BOT_TOKEN);
    expect(post!.params).toMatchObject({ channel: CHANNEL.id, thread_ts: mention.ts, unfurl_links: 'false' });
    expect(post!.params.text).toContain('LiteRT');
    expect(blockKitProblems(post!.params)).toEqual([]);
  });

  it('in a thread is answered in that thread', async () => {
    const mention = appMention(`${BOT} compare hardware`, { thread_ts: '1699999999.000100' });
    await deliver(mention);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params).toMatchObject({ channel: CHANNEL.id, thread_ts: '1699999999.000100' });
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain('PyTorch vs TensorFlow: ');
  });

  it('with nothing but the mention shows the help', async () => {
    await deliver(appMention(BOT));
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain('`compare &lt;topic&gt;`');
  });

  it('carries follow-up and feedback buttons but no Share button (it is already public)', async () => {
    await deliver(appMention(`${BOT} what is TensorFlow Lite called now?`));
    const blocks = JSON.stringify(posts()[0]!.params.blocks);
    expect(blocks).toContain('pvt_ask_0');
    expect(blocks).toContain('pvt_feedback_up');
    expect(blocks).not.toContain('pvt_share');
  });

  it('that also mentions a colleague answers exactly as without her (`@bot @alice is jax faster`)', async () => {
    const question = 'is jax faster';
    await deliver(appMention(`${BOT} <@U0ALICE01> ${question}`));
    await deliver(appMention(`${BOT} <@U0ALICE01|alice> ${question} <!here>`));
    await deliver(appMention(`${BOT} ${question}`));
    const [withAlice, withAliceNamed, without] = posts().map((post) => post.params);
    expect(without!.text).not.toMatch(/outside what I know/);
    for (const answer of [withAlice, withAliceNamed]) {
      expect(answer!.text).toBe(without!.text);
      expect(answer!.blocks).toEqual(without!.blocks);
    }
    // And the same as the engine gives the question typed on its own.
    expect(String(without!.text)).toContain(slack.engine.respond(question).text.slice(0, 40));
  });

  it('from a bot is ignored', async () => {
    await deliver(appMention(`${BOT} what is XLA?`, { bot_id: 'BOTHER01', user: 'UOTHERBOT' }));
    expect(posts()).toEqual([]);
  });
});

describe('a direct message', () => {
  it('is answered in the DM, not in a thread', async () => {
    await deliver(directMessage('what is TensorFlow Lite called now?'));
    expect(posts()).toHaveLength(1);
    const { params } = posts()[0]!;
    expect(params.channel).toBe(DM_CHANNEL);
    expect(params.thread_ts).toBeUndefined();
    expect(params.text).toContain('LiteRT');
  });

  it('inside a DM thread is answered in that thread', async () => {
    await deliver(directMessage('compare hardware', { thread_ts: '1699999999.000200' }));
    expect(posts()[0]!.params).toMatchObject({ channel: DM_CHANNEL, thread_ts: '1699999999.000200' });
  });

  it.each([
    ['its own messages', { user: DEFAULT_BOT.userId, bot_id: DEFAULT_BOT.botId }],
    ['other bots (bot_id)', { bot_id: 'BOTHER01', user: 'UOTHERBOT' }],
    ['bot_message subtype', { subtype: 'bot_message', bot_id: 'BOTHER01', user: undefined }],
    ['edits (message_changed)', { subtype: 'message_changed', message: { text: 'what is XLA?', user: ASKER.id }, user: undefined }],
    ['deletions (message_deleted)', { subtype: 'message_deleted', deleted_ts: '1700000000.000001', user: undefined }],
    ['other subtypes (channel_join)', { subtype: 'channel_join' }],
  ])('ignores %s', async (_name, fields) => {
    await deliver(directMessage('what is XLA?', fields));
    expect(posts()).toEqual([]);
  });

  it('ignores messages in channels (only mentions are answered there)', async () => {
    await deliver(directMessage('what is XLA?', { channel: CHANNEL.id, channel_type: 'channel' }));
    expect(posts()).toEqual([]);
  });
});

describe('the App Home tab', () => {
  it('is published when the user opens it: what the bot does, the commands, the topics', async () => {
    await deliver({ type: 'app_home_opened', user: ASKER.id, channel: DM_CHANNEL, tab: 'home', event_ts: '1700000000.000300' });
    const publishes = slack.standIn.callsTo('views.publish');
    expect(publishes).toHaveLength(1);
    const view = publishes[0]!.params.view as { type: string; blocks: unknown[] };
    expect(publishes[0]!.params.user_id).toBe(ASKER.id);
    expect(view.type).toBe('home');
    expect(blockKitProblems(view)).toEqual([]);
    const text = JSON.stringify(view);
    expect(text).toContain('`compare &lt;topic&gt;`');
    for (const topic of slack.engine.knowledge.topics) expect(text).toContain(`(\`${topic.id}\`)`);
  });

  it('is not published for the Messages tab', async () => {
    await deliver({ type: 'app_home_opened', user: ASKER.id, channel: DM_CHANNEL, tab: 'messages', event_ts: '1700000000.000301' });
    expect(slack.standIn.callsTo('views.publish')).toEqual([]);
  });
});

describe('with production settings (acknowledge first, then answer)', () => {
  let production: SlackHarness;
  beforeAll(async () => {
    production = await startSlackHarness({ processBeforeResponse: false });
  });
  afterAll(async () => {
    await production?.close();
  });

  it('acknowledges a mention at once and then answers it in the thread', async () => {
    const mention = appMention(`${BOT} what is TensorFlow Lite called now?`);
    const response = await production.sender.event(mention);
    expect(response.status).toBe(200);
    const post = await production.standIn.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: CHANNEL.id, thread_ts: mention.ts });
    expect(post.params.text).toContain('LiteRT');
  });

  it('answers a slash command in the acknowledgement', async () => {
    const response = await production.sender.slashCommand('what is TensorFlow Lite called now?');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ response_type: 'ephemeral' });
    expect(String(response.json?.text)).toContain('LiteRT');
  });
});

describe('follow-ups', () => {
  it('in the thread the bot answered are read against the previous question', async () => {
    const first = appMention(`${BOT} does pytorch run on windows`);
    await deliver(first);
    await deliver(appMention(`${BOT} and tensorflow?`, { thread_ts: first.ts }));
    const [, followUp] = posts().map((post) => post.params);
    expect(followUp).toMatchObject({ channel: CHANNEL.id, thread_ts: first.ts });
    expect(JSON.stringify(followUp!.blocks)).toContain('Read as a follow-up to your previous question');
    expect(String(followUp!.text)).toMatch(/TensorFlow/);
  });

  it('in another thread start fresh', async () => {
    await deliver(appMention(`${BOT} does pytorch run on windows`));
    await deliver(appMention(`${BOT} and tensorflow?`, { thread_ts: '1700000999.000001' }));
    expect(JSON.stringify(posts()[1]!.params.blocks)).not.toContain('Read as a follow-up');
  });

  it('in a direct message are read against the previous question there', async () => {
    await deliver(directMessage('is tflite dead'));
    await deliver(directMessage('why?'));
    const [first, why] = posts().map((post) => post.params);
    expect(why!.channel).toBe(DM_CHANNEL);
    expect(JSON.stringify(why!.blocks)).toContain('Why: ');
    expect(String(why!.text)).toContain(String(first!.text).slice(0, 40));
  });
});
