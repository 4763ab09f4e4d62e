// Nothing lost, nothing doubled, on Discord: a message Discord created but answered with an error
// is not posted twice, the gateway runs the shards it is told to, a fatal close while running
// asks for a restart, and stopping closes the gateway first and still finishes the replies
// already started.
import { GatewayCloseCodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { InFlightReplies } from '../../../src/adapters/in-flight.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser, IDS } from '../../support/discord/stand-in.js';

const alice = discordUser('600000000000000001', 'alice');
const MESSAGE_CREATE = /^\/channels\/\d+\/messages$/;

describe('sending', () => {
  const start = botPerTest();

  it('sends every message with a nonce Discord enforces', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what is jax`, mentions: [bot.standIn.botUser] });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(reply.body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
  });

  it('a reply Discord created but answered 500 is sent again with the same nonce, and one message exists', async () => {
    const bot = await start();
    bot.standIn.failRequests('POST', MESSAGE_CREATE, 500, { afterDoing: true, times: 1 });
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what is xla`, mentions: [bot.standIn.botUser] });
    await bot.standIn.waitForReplyTo(id);
    const attempts = bot.standIn.repliesTo(id);
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(attempts[1]!.body.nonce).toBe(attempts[0]!.body.nonce);
    expect(bot.standIn.createdMessages).toHaveLength(1);
  });
});

describe('sharding (DISCORD_SHARDS)', () => {
  const start = botPerTest();

  it('a count runs that many shards, each identifying as [id, count], and answers in guilds and DMs', async () => {
    const bot = await start({ config: { shards: 2 } });
    expect(bot.standIn.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.adapter.isConnected()).toBe(true);
    const inGuild = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what is jax`, mentions: [bot.standIn.botUser] });
    const inDm = bot.standIn.sendMessage({ author: alice, content: 'what is xla', channelId: IDS.dm });
    await bot.standIn.waitForReplyTo(inGuild);
    await bot.standIn.waitForReplyTo(inDm);
  });

  it("auto takes Discord's recommended count from /gateway/bot", async () => {
    const bot = await start({ config: { shards: 'auto' }, standIn: { recommendedShards: 3 } });
    expect(bot.standIn.shardIds).toEqual([0, 1, 2]);
    expect(bot.standIn.identifies.map((identify) => identify.shard[1])).toEqual([3, 3, 3]);
  });
});

describe('a fatal gateway close while running', () => {
  const start = botPerTest();

  it.each([
    ['4004, the token was reset', GatewayCloseCodes.AuthenticationFailed],
    ['4014, an intent was taken away', GatewayCloseCodes.DisallowedIntents],
  ])('(%s) asks the bot to restart and fails readiness', async (_name, code) => {
    const reasons: string[] = [];
    const bot = await start({ onFatal: (reason) => reasons.push(reason) });
    bot.standIn.dropConnection(code);
    await bot.logs.waitFor((line) => line.code === code, 'the close logged');
    expect(reasons).toEqual([expect.stringContaining(String(code))]);
    expect(bot.adapter.isConnected()).toBe(false);
  });

  it('a close Discord lets the bot resume from (4000) does not', async () => {
    const reasons: string[] = [];
    const bot = await start({ onFatal: (reason) => reasons.push(reason) });
    bot.standIn.dropConnection(GatewayCloseCodes.UnknownError);
    await bot.standIn.waitForGateway(() => bot.standIn.resumes.length === 1, 'the client resumed');
    expect(reasons).toEqual([]);
  });
});

describe('stopping', () => {
  const start = botPerTest();

  it('closes the gateway first, then still sends the reply that was being made', async () => {
    const inFlight = new InFlightReplies();
    const bot = await start({ inFlight });
    bot.standIn.delayRequests('POST', MESSAGE_CREATE, 500);
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what is jax`, mentions: [bot.standIn.botUser] });
    await expect.poll(() => inFlight.size).toBe(1);
    await bot.adapter.stopTakingWork!();
    await bot.standIn.waitForGateway(() => bot.standIn.openConnections() === 0, 'the gateway closed');
    expect(await inFlight.drain(10_000)).toEqual([]);
    expect(bot.standIn.repliesTo(id).map((reply) => reply.status)).toEqual([200]);
  });

  it('gives up on a reply that outlasts the grace and says where it was going', async () => {
    const inFlight = new InFlightReplies();
    const bot = await start({ inFlight });
    bot.standIn.delayRequests('POST', MESSAGE_CREATE, 2_000);
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what is jax`, mentions: [bot.standIn.botUser] });
    await expect.poll(() => inFlight.size).toBe(1);
    expect(await inFlight.drain(100)).toEqual([{ platform: 'discord', channel: IDS.general, messageId: id }]);
  });
});
