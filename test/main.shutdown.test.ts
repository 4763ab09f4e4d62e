// `npm start` as a real process, stopped the ways production stops it: SIGTERM during a deploy
// with replies still being made (slow Slack and Discord APIs, a reply waiting out a 429), a
// grace too short for a stuck API, and a fatal Discord close while running.
import { GatewayCloseCodes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, waitFor, type BotProcess } from './support/bot-process.js';
import { DiscordStandIn, discordUser, IDS } from './support/discord/stand-in.js';
import { appMention, SlackRequestSender, TEST_SIGNING_SECRET } from './support/slack/requests.js';
import { DEFAULT_BOT, SlackWebApiStandIn } from './support/slack/web-api-stand-in.js';

const BOT = `<@${DEFAULT_BOT.userId}>`;
const asker = discordUser('600000000000000007', 'asker');
const MESSAGE_CREATE = /^\/channels\/\d+\/messages$/;

interface Running {
  slack: SlackWebApiStandIn;
  discord: DiscordStandIn;
  bot: BotProcess;
  sender: SlackRequestSender;
}

/**
 * A fresh bot process with Slack (HTTP mode) and Discord for each describe block, started in
 * beforeAll: starting a process (TypeScript, discord.js, the knowledge) is the slow part, and
 * the tests themselves stay short.
 */
function botForThisBlock(extraEnv: Record<string, string> = {}): Running {
  let running: Running | undefined;
  beforeAll(async () => {
    const slack = await SlackWebApiStandIn.start();
    const discord = await DiscordStandIn.start();
    const bot = await startBotProcess({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      ...extraEnv,
    });
    running = { slack, discord, bot, sender: new SlackRequestSender(`${bot.baseUrl}/slack/events`) };
    await bot.ready();
  }, 60_000);
  afterAll(async () => {
    running?.bot.kill();
    await running?.discord.close();
    await running?.slack.close();
  });
  return new Proxy({} as Running, { get: (_, key) => Reflect.get(running!, key) });
}

describe('SIGTERM with replies in flight', () => {
  const running = botForThisBlock();

  it('stops taking work (readiness and new requests 503), delivers every reply already started, then exits 0', async () => {
    const { slack, discord, bot, sender } = running;
    // Slow APIs: every Slack post and Discord message takes most of a second; the first Slack
    // post is also rate limited once and must wait out its Retry-After.
    slack.delay('chat.postMessage', 700);
    slack.fail('chat.postMessage', { status: 429, retryAfterSeconds: 1 }, 1);
    discord.delayRequests('POST', MESSAGE_CREATE, 700);
    const mentions = Array.from({ length: 6 }, (_, index) => appMention(`${BOT} question ${index}: what is jax?`));
    for (const mention of mentions) expect((await sender.event(mention)).status).toBe(200);
    const discordMessages = Array.from({ length: 3 }, (_, index) =>
      discord.sendMessage({ author: asker, content: `<@${IDS.bot}> question ${index}: what is xla?`, mentions: [discord.botUser] }),
    );
    await waitFor(() => (slack.callsTo('chat.postMessage').length >= 6 ? true : undefined), 'every Slack post to have started');
    await waitFor(() => (discord.arrivals.length >= 3 ? true : undefined), 'every Discord reply to have started');

    bot.child.kill('SIGTERM');
    await waitFor(async () => ((await fetch(`${bot.baseUrl}/readyz`)).status === 503 ? true : undefined), 'readiness to fail');
    expect(await (await fetch(`${bot.baseUrl}/readyz`)).json()).toMatchObject({ ready: false, draining: true });
    expect((await sender.slashCommand('help')).status).toBe(503);

    expect(await bot.exited).toBe(0);
    // No reply failed on the way (a timeout, an error from the API): checked first, because its
    // log line says which reply and why, where the list of threads below would only miss one.
    expect(bot.logLines().filter((line) => line.event === 'reply-failed')).toEqual([]);
    // Each Slack mention answered once, in its own thread; the rate-limited one on its retry.
    const answered = slack.callsTo('chat.postMessage').filter((call) => call.answered && call.failedWith === undefined);
    expect(answered.map((call) => call.params.thread_ts).sort()).toEqual(mentions.map((mention) => mention.ts).sort());
    expect(discordMessages.map((id) => discord.repliesTo(id).map((reply) => reply.status))).toEqual([[200], [200], [200]]);
    expect(bot.logLines().filter((line) => line.event === 'reply-not-delivered')).toEqual([]);
    expect(bot.logLines().find((line) => line.msg === 'stopped')).toMatchObject({ undelivered: 0 });
  });
});

describe('SIGTERM with a reply stuck past the grace', () => {
  const running = botForThisBlock({ SHUTDOWN_GRACE_SECONDS: '1' });

  it('past SHUTDOWN_GRACE_SECONDS, gives up on the stuck reply and logs its platform, channel and event id', async () => {
    const { slack, bot, sender } = running;
    slack.delay('chat.postMessage', 20_000);
    const mention = appMention(`${BOT} what is jax?`);
    await sender.postJson(
      { type: 'event_callback', event_id: 'EvSTUCK0001', team_id: 'T0000001', api_app_id: 'A0000001', event: mention },
      {},
    );
    await waitFor(() => (slack.callsTo('chat.postMessage').length === 1 ? true : undefined), 'the Slack post to have started');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logLines().filter((line) => line.event === 'reply-not-delivered')).toEqual([
      expect.objectContaining({ platform: 'slack', channel: mention.channel, eventId: 'EvSTUCK0001', messageId: mention.ts }),
    ]);
  });
});

describe('a fatal Discord close while running', () => {
  const running = botForThisBlock();

  it('(4004, the token was reset) ends the process with code 1, although Slack is still up', async () => {
    const { discord, bot } = running;
    discord.dropConnection(GatewayCloseCodes.AuthenticationFailed);
    expect(await bot.exited).toBe(1);
    expect(bot.logLines().find((line) => line.level === 60)).toMatchObject({ reason: expect.stringContaining('4004') });
  });
});
