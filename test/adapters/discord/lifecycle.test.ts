// Starting, running and stopping the Discord adapter against the local stand-in: what it asks
// Discord for, how it reports start-up failures an operator can fix, how it survives a dropped
// connection, and that stop() really stops it.
import { setTimeout as delay } from 'node:timers/promises';
import { GatewayCloseCodes, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { AdapterStartError } from '../../../src/adapters/types.js';
import { discordConfig, realEngine } from '../../support/discord/bot.js';
import { captureLogs, LEVELS } from '../../support/discord/logs.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { DiscordStandIn, discordUser, IDS } from '../../support/discord/stand-in.js';

const alice = discordUser('600000000000000001', 'alice');

describe('starting', () => {
  const start = botPerTest();

  it('connects through DISCORD_API_URL, identifies with the intents it needs, and is ready', async () => {
    const bot = await start();
    expect(bot.standIn.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${bot.standIn.token}` });
    const { intents } = bot.standIn.identifies[0];
    for (const intent of [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ]) {
      expect(intents & intent).toBe(intent);
    }
    expect(bot.adapter.name).toBe('discord');
    expect(bot.adapter.client.isReady()).toBe(true);
    expect(bot.logs.lines.some((line) => line.msg === 'discord bot connected')).toBe(true);
  });

  it('without DISCORD_MESSAGE_CONTENT: warns that help channels need the intent, does not request it, and still answers mentions and DMs', async () => {
    const bot = await start({ config: { messageContent: false } });
    expect(bot.standIn.identifies[0].intents & GatewayIntentBits.MessageContent).toBe(0);
    const warning = bot.logs.lines.find((line) => line.level === LEVELS.warn);
    expect(warning?.msg).toMatch(/Message Content intent/);
    expect(warning?.msg).toMatch(/help channels/);

    // Discord still delivers the content of messages that mention the bot, and of DMs.
    const mention = bot.standIn.sendMessage({
      author: alice,
      content: `<@${IDS.bot}> does pytorch support tpu`,
      mentions: [bot.standIn.botUser],
    });
    const dm = bot.standIn.sendMessage({ author: alice, channelId: IDS.dm, content: 'does pytorch support tpu' });
    expect(JSON.stringify((await bot.standIn.waitForReplyTo(mention)).body.embeds)).toMatch(/TPU/);
    expect(JSON.stringify((await bot.standIn.waitForReplyTo(dm)).body.embeds)).toMatch(/TPU/);

    // Help-channel questions arrive without their text, so they go unanswered, quietly.
    const unread = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.help,
      content: 'What is TensorFlow Lite now? Is it the same as LiteRT?',
    });
    const sentinel = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.help,
      content: `<@${IDS.bot}> help`,
      mentions: [bot.standIn.botUser],
    });
    await bot.standIn.waitForReplyTo(sentinel);
    expect(bot.standIn.repliesTo(unread)).toEqual([]);
  });

  it('accepts DISCORD_API_URL with a trailing slash', async () => {
    const standIn = await DiscordStandIn.start();
    try {
      const adapter = await startDiscord({
        config: discordConfig(standIn, { apiUrl: `${standIn.apiUrl}/` }),
        engine: realEngine(),
        logger: captureLogs().logger,
      });
      await adapter.stop();
      expect(standIn.calls[0]?.path).toBe('/gateway/bot');
    } finally {
      await standIn.close();
    }
  });
});

describe('start-up failures an operator can fix', () => {
  it('an invalid token is an AdapterStartError that says which variable is wrong', async () => {
    const standIn = await DiscordStandIn.start();
    try {
      const starting = startDiscord({
        config: discordConfig(standIn, { token: 'not-the-token' }),
        engine: realEngine(),
        logger: captureLogs().logger,
      });
      await expect(starting).rejects.toBeInstanceOf(AdapterStartError);
      await expect(starting).rejects.toThrow(/DISCORD_TOKEN/);
      expect(standIn.calls.map((call) => `${call.status} ${call.path}`)).toEqual(['401 /gateway/bot']);
      expect(standIn.connections).toHaveLength(0);
    } finally {
      await standIn.close();
    }
  });

  it('a Message Content intent the portal does not allow (close 4014) is an AdapterStartError naming the setting', async () => {
    const standIn = await DiscordStandIn.start({ messageContentAllowed: false });
    try {
      const starting = startDiscord({
        config: discordConfig(standIn, { messageContent: true }),
        engine: realEngine(),
        logger: captureLogs().logger,
      });
      await expect(starting).rejects.toBeInstanceOf(AdapterStartError);
      await expect(starting).rejects.toThrow(/Message Content Intent.*DISCORD_MESSAGE_CONTENT=false/);
      expect(standIn.openConnections()).toBe(0);
    } finally {
      await standIn.close();
    }
  });

  it('an unreachable DISCORD_API_URL is an AdapterStartError that names it', async () => {
    const standIn = await DiscordStandIn.start();
    const apiUrl = standIn.apiUrl;
    await standIn.close();
    const starting = startDiscord({ config: { ...discordConfig(standIn), apiUrl }, engine: realEngine(), logger: captureLogs().logger });
    await expect(starting).rejects.toBeInstanceOf(AdapterStartError);
    await expect(starting).rejects.toThrow(/DISCORD_API_URL/);
  });
});

describe('running and stopping', () => {
  const start = botPerTest();

  it('resumes the session when Discord drops the connection, and keeps answering', async () => {
    const bot = await start();
    bot.standIn.dropConnection(GatewayCloseCodes.UnknownError);
    await bot.standIn.waitForGateway(() => bot.standIn.resumes.length === 1, 'the client resumed');
    expect(bot.standIn.identifies).toHaveLength(1);

    const id = bot.standIn.sendMessage({
      author: alice,
      content: `<@${IDS.bot}> does pytorch support tpu`,
      mentions: [bot.standIn.botUser],
    });
    await bot.standIn.waitForReplyTo(id);
  });

  it('logs an error when Discord ends the session for good while running (e.g. the token was reset)', async () => {
    const bot = await start();
    bot.standIn.dropConnection(GatewayCloseCodes.AuthenticationFailed);
    const line = await bot.logs.waitFor(
      (entry) => entry.level === LEVELS.error && entry.code === GatewayCloseCodes.AuthenticationFailed,
      'the unrecoverable close logged',
    );
    expect(line.msg).toMatch(/offline until restarted/);
  });

  it('stop() resolves, closes the gateway connection, and does not reconnect', async () => {
    const bot = await start();
    await bot.adapter.stop();
    await bot.standIn.waitForGateway(() => bot.standIn.openConnections() === 0, 'the client closed its connection');
    expect(bot.adapter.client.isReady()).toBe(false);
    // Give a reconnect, if there were one, the chance to happen before counting connections.
    await delay(200);
    expect(bot.standIn.connections).toHaveLength(1);
    expect(bot.standIn.identifies).toHaveLength(1);
    expect(bot.standIn.resumes).toHaveLength(0);
    // Stopping twice is harmless (the entry point may stop on SIGINT and SIGTERM).
    await bot.adapter.stop();
  });
});
