// Chat messages, end to end: the real discord.js client, the real engine and knowledge, and a
// local Discord stand-in. Silence is checked with a sentinel: a later message in the same
// channel that IS answered; replies to one channel go out in order, so once the sentinel's
// reply is recorded, any reply to the earlier message would have been recorded too.
import { describe, expect, it } from 'vitest';
import type { RunningBot } from '../../support/discord/bot.js';
import { LEVELS } from '../../support/discord/logs.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser, IDS } from '../../support/discord/stand-in.js';

const alice = discordUser('600000000000000001', 'alice');
const bob = discordUser('600000000000000002', 'bob');
const carol = discordUser('600000000000000003', 'carol');
const otherBot = discordUser('600000000000000099', 'some-other-bot', true);

function embedText(body: any): string {
  return JSON.stringify(body?.embeds ?? []);
}

/** Mentions the bot in `channelId` and waits for the reply: proof that earlier messages there were handled. */
async function sentinel(bot: RunningBot, channelId: string): Promise<void> {
  const id = bot.standIn.sendMessage({ author: carol, channelId, content: `<@${IDS.bot}> help`, mentions: [bot.standIn.botUser] });
  await bot.standIn.waitForReplyTo(id, 'the sentinel mention');
}

describe('mentions and DMs', () => {
  const start = botPerTest();

  it('answers a mention in any channel as a reply to that message', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.other,
      content: `<@${IDS.bot}> what about tf lite?`,
      mentions: [bot.standIn.botUser],
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(reply.path).toBe(`/channels/${IDS.other}/messages`);
    expect(reply.body.message_reference).toMatchObject({ message_id: id });
    expect(embedText(reply.body)).toContain('LiteRT');
  });

  it('answers a mention written the legacy way (<@!id>) anywhere in the message', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: alice,
      content: `can pytorch train on TPUs <@!${IDS.bot}>?`,
      mentions: [bot.standIn.botUser],
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toMatch(/TPU/);
  });

  it('answers a mention that also mentions someone else exactly as without them', async () => {
    const bot = await start();
    const mentions = [bot.standIn.botUser];
    const content = 'is jax faster';
    const withBob = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> <@${bob.id}> <@&555555> ${content}`, mentions });
    const without = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> ${content}`, mentions });
    const [replyWithBob, replyWithout] = [await bot.standIn.waitForReplyTo(withBob), await bot.standIn.waitForReplyTo(without)];
    expect(embedText(replyWithout.body)).not.toMatch(/outside what I know/);
    expect(replyWithBob.body.embeds).toEqual(replyWithout.body.embeds);
  });

  it('answers a reply to one of its messages like a mention, even without the ping', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.other,
      content: 'and does pytorch support tpu?',
      replyTo: bot.standIn.botUser,
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toMatch(/TPU/);
  });

  it('answers a bare mention with how to use it', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}>`, mentions: [bot.standIn.botUser] });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toContain('/pytorch-vs-tf ask');
  });

  it('declines politely, with suggestions, when a mention asks something off-topic', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: alice,
      content: `<@${IDS.bot}> what should I cook for dinner tonight?`,
      mentions: [bot.standIn.botUser],
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toMatch(/sorry|outside what I know/i);
    expect(reply.body.components.length).toBeGreaterThan(0);
  });

  it('answers a DM in the DM', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, channelId: IDS.dm, content: 'Can I train on TPUs with PyTorch?' });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(reply.path).toBe(`/channels/${IDS.dm}/messages`);
    expect(embedText(reply.body)).toMatch(/TPU/);
  });

  it('answers a greeting in a DM too', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, channelId: IDS.dm, content: 'hi' });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toMatch(/PyTorch/);
  });

  it('ignores messages in other channels that do not mention it', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, channelId: IDS.general, content: 'What is TensorFlow Lite now?' });
    await sentinel(bot, IDS.general);
    expect(bot.standIn.repliesTo(id)).toEqual([]);
  });

  it('never answers another bot, even when it mentions this one', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: otherBot, content: `<@${IDS.bot}> what about tf lite?`, mentions: [bot.standIn.botUser] });
    await sentinel(bot, IDS.general);
    expect(bot.standIn.repliesTo(id)).toEqual([]);
  });

  it('answers a message delivered twice only once', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> what about tf lite?`, mentions: [bot.standIn.botUser] });
    bot.standIn.sendMessage({ id, author: alice, content: `<@${IDS.bot}> what about tf lite?`, mentions: [bot.standIn.botUser] });
    await sentinel(bot, IDS.general);
    expect(bot.standIn.repliesTo(id)).toHaveLength(1);
  });
});

describe('help channels (answering without a mention)', () => {
  const start = botPerTest();

  it('answers a confident on-topic question without being mentioned', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.help,
      content: 'What is TensorFlow Lite now? Is it the same as LiteRT?',
    });
    const reply = await bot.standIn.waitForReplyTo(id);
    expect(embedText(reply.body)).toContain('LiteRT');
  });

  it('stays silent on off-topic chatter, greetings and questions it cannot answer', async () => {
    const bot = await start();
    const ids = ['what should I cook for dinner tonight?', 'hi everyone', 'thanks!', 'anyone know how to fix my printer'].map((content) =>
      bot.standIn.sendMessage({ author: alice, channelId: IDS.help, content }),
    );
    await sentinel(bot, IDS.help);
    for (const id of ids) expect(bot.standIn.repliesTo(id)).toEqual([]);
  });

  it('ignores bots, however good their question', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: otherBot,
      channelId: IDS.help,
      content: 'What is TensorFlow Lite now? Is it the same as LiteRT?',
    });
    await sentinel(bot, IDS.help);
    expect(bot.standIn.repliesTo(id)).toEqual([]);
  });

  it('ignores its own messages', async () => {
    const bot = await start();
    const id = bot.standIn.sendMessage({
      author: bot.standIn.botUser,
      channelId: IDS.help,
      content: 'What is TensorFlow Lite now? Is it the same as LiteRT?',
    });
    await sentinel(bot, IDS.help);
    expect(bot.standIn.repliesTo(id)).toEqual([]);
  });

  it('cools down per user and per channel, while mentions are still answered', async () => {
    const bot = await start({ config: { helpChannelIds: [IDS.help, IDS.other], cooldownSeconds: 3600 } });
    const first = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.help,
      content: 'What is TensorFlow Lite now? Is it the same as LiteRT?',
    });
    await bot.standIn.waitForReplyTo(first);

    // Same user, same channel, within the cool-down: silent.
    const again = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.help,
      content: 'Can I train on TPUs with PyTorch, or only with TensorFlow?',
    });
    // Another user in the same channel: the channel is cooling down too.
    const fromBob = bot.standIn.sendMessage({ author: bob, channelId: IDS.help, content: 'Which trains faster, PyTorch or TensorFlow?' });
    // The same user in another help channel: the user is cooling down.
    const elsewhere = bot.standIn.sendMessage({
      author: alice,
      channelId: IDS.other,
      content: 'Which trains faster, PyTorch or TensorFlow?',
    });
    await sentinel(bot, IDS.help);
    await sentinel(bot, IDS.other);
    expect(bot.standIn.repliesTo(again)).toEqual([]);
    expect(bot.standIn.repliesTo(fromBob)).toEqual([]);
    expect(bot.standIn.repliesTo(elsewhere)).toEqual([]);

    // A different user in a channel that is not cooling down is answered.
    const fresh = bot.standIn.sendMessage({ author: bob, channelId: IDS.other, content: 'Which trains faster, PyTorch or TensorFlow?' });
    const reply = await bot.standIn.waitForReplyTo(fresh);
    expect(embedText(reply.body)).toMatch(/faster/i);
  });
});

describe('failures', () => {
  const start = botPerTest();

  it('logs a failed reply (HTTP 500) and still answers the next message', async () => {
    const bot = await start();
    const stopFailing = bot.standIn.failRequests('POST', /^\/channels\/\d+\/messages$/, 500);
    const failed = bot.standIn.sendMessage({
      author: alice,
      content: `<@${IDS.bot}> what about tf lite?`,
      mentions: [bot.standIn.botUser],
    });
    const logged = await bot.logs.waitFor(
      (line) => line.messageId === failed && line.level === LEVELS.error,
      'the failed reply logged as an error',
    );
    expect(logged.msg).toMatch(/could not send/);
    stopFailing();

    const next = bot.standIn.sendMessage({
      author: alice,
      content: `<@${IDS.bot}> can pytorch train on TPUs?`,
      mentions: [bot.standIn.botUser],
    });
    const reply = await bot.standIn.waitForReplyTo(next);
    expect(embedText(reply.body)).toMatch(/TPU/);
  });
});

describe('follow-ups', () => {
  const start = botPerTest();

  it("a reply to the bot's answer is read against the question it answered", async () => {
    const bot = await start();
    const mentions = [bot.standIn.botUser];
    const question = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> does pytorch run on windows`, mentions });
    const answer = await bot.standIn.waitForReplyTo(question);
    const followUp = bot.standIn.sendMessage({
      author: alice,
      content: 'and tensorflow?',
      mentions,
      replyTo: bot.standIn.botUser,
      replyToMessageId: answer.response.id,
    });
    const reply = await bot.standIn.waitForReplyTo(followUp);
    expect(embedText(reply.body)).toContain('Read as a follow-up to your previous question');
    expect(embedText(reply.body)).toContain('TensorFlow');
  });

  it('a new mention that replies to nothing starts fresh', async () => {
    const bot = await start();
    const mentions = [bot.standIn.botUser];
    await bot.standIn.waitForReplyTo(
      bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> does pytorch run on windows`, mentions }),
    );
    const fresh = bot.standIn.sendMessage({ author: alice, content: `<@${IDS.bot}> and tensorflow?`, mentions });
    expect(embedText((await bot.standIn.waitForReplyTo(fresh)).body)).not.toContain('Read as a follow-up');
  });

  it('in a DM, the next message is read against the previous question', async () => {
    const bot = await start();
    await bot.standIn.waitForReplyTo(bot.standIn.sendMessage({ author: alice, channelId: IDS.dm, content: 'is pytorch mobile dead' }));
    const why = bot.standIn.sendMessage({ author: alice, channelId: IDS.dm, content: 'why?' });
    const reply = await bot.standIn.waitForReplyTo(why);
    expect(embedText(reply.body)).toContain('Why: ');
    expect(embedText(reply.body)).toContain('PyTorch Mobile');
  });
});
