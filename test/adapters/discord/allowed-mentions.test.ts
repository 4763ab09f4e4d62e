// Nothing a user types can make the bot ping @everyone, @here, a role or a user. Users' words
// come back in answers (the statement a claim check quotes, the question a decline repeats), so
// every outgoing message, interaction response and edit carries allowed_mentions { parse: [] }
// and does not ping the person replied to. botPerTest() also checks this after every test.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/engine/index.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser, IDS } from '../../support/discord/stand-in.js';

const mallory = discordUser('600000000000000066', 'mallory');
const PING_BAIT = '@everyone @here <@&700000000000000001> <@600000000000000001> <@!600000000000000002>';
const NO_PINGS = { parse: [], replied_user: false };

describe('allowed mentions', () => {
  const start = botPerTest();

  it('a mention full of ping-bait is answered with every kind of mention disabled', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: mallory,
      content: `<@${IDS.bot}> ${PING_BAIT} is tf lite dead?`,
      mentions: [bot.standIn.botUser],
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(reply.body.allowed_mentions).toEqual(NO_PINGS);
  });

  it('a DM and a help-channel answer carry no mentions either', async () => {
    const bot = await start();
    const dm = bot.standIn.sendMessage({ author: mallory, channelId: IDS.dm, content: `${PING_BAIT} what about tf lite?` });
    const help = bot.standIn.sendMessage({
      author: mallory,
      channelId: IDS.help,
      content: `${PING_BAIT} What is TensorFlow Lite now? Is it the same as LiteRT?`,
    });
    expect((await bot.standIn.waitForReplyTo(dm)).body.allowed_mentions).toEqual(NO_PINGS);
    expect((await bot.standIn.waitForReplyTo(help)).body.allowed_mentions).toEqual(NO_PINGS);
  });

  it('a claim check of a statement full of ping-bait cannot ping anyone', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({
      user: mallory,
      subcommand: 'check',
      values: { statement: `${PING_BAIT} TensorFlow only has static graphs` },
    });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.data.allowed_mentions).toEqual(NO_PINGS);
  });

  it('every subcommand and button response carries no mentions', async () => {
    const bot = await start();
    const interactions = COMMANDS.map(({ name, argument }) =>
      bot.standIn.sendCommand({ user: mallory, subcommand: name, values: argument ? { [argument.name]: PING_BAIT } : {} }),
    );
    interactions.push(bot.standIn.clickButton({ user: mallory, customId: 'pvt1:vote:up:answer:-:-' }));
    interactions.push(bot.standIn.clickButton({ user: mallory, customId: 'unknown' }));
    for (const interaction of interactions) {
      const callback = await bot.standIn.waitForCallback(interaction);
      expect(callback.body.data.allowed_mentions).toEqual(NO_PINGS);
    }
    expect(bot.standIn.outgoingMessages().length).toBe(interactions.length);
  });
});
