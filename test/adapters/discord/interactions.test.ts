// The /pytorch-vs-tf slash command, its autocomplete, and the buttons on answers, end to end:
// the real discord.js client, the real engine and knowledge, and a local Discord stand-in.
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeButtonAction, decodeModalAction, encodeButtonAction, MODAL_INPUT_IDS } from '../../../src/render/discord/index.js';
import { realEngine } from '../../support/discord/bot.js';
import { LEVELS } from '../../support/discord/logs.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser, IDS } from '../../support/discord/stand-in.js';

const alice = discordUser('600000000000000001', 'alice');

const CHANNEL_MESSAGE = InteractionResponseType.ChannelMessageWithSource;
const AUTOCOMPLETE_RESULT = InteractionResponseType.ApplicationCommandAutocompleteResult;
const EPHEMERAL = MessageFlags.Ephemeral;

function embedText(data: any): string {
  return JSON.stringify(data?.embeds ?? []);
}

function customIds(data: any): string[] {
  return (data?.components ?? []).flatMap((row: any) => row.components.map((button: any) => button.custom_id));
}

function isVote(customId: string, vote: 'up' | 'down'): boolean {
  const action = decodeButtonAction(customId);
  return action?.type === 'feedback' && action.vote === vote;
}

describe('/pytorch-vs-tf subcommands', () => {
  const start = botPerTest();

  it('ask answers the question in a public reply', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(embedText(callback.body.data)).toContain('LiteRT');
  });

  it('ask answers a question picked from autocomplete, whether the choice sent its text or its entry id', async () => {
    const bot = await start();
    const entry = realEngine().knowledge.faq.find((faq) => /TPU/.test(faq.question))!;
    const byText = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: entry.question } });
    const byId = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: entry.id } });
    expect((await bot.standIn.waitForCallback(byText)).body.data.embeds[0].title).toBe(entry.question);
    expect((await bot.standIn.waitForCallback(byId)).body.data.embeds[0].title).toBe(entry.question);
  });

  it('compare shows the topic side by side as inline PyTorch / TensorFlow fields', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({ user: alice, subcommand: 'compare', values: { topic: 'mobile' } });
    const callback = await bot.standIn.waitForCallback(interaction);
    const fields = callback.body.data.embeds[0].fields;
    expect(fields[0]).toMatchObject({ name: expect.stringMatching(/^PyTorch · /), inline: true });
    expect(fields[1]).toMatchObject({ name: expect.stringMatching(/^TensorFlow · /), inline: true });
    expect(embedText(callback.body.data)).toMatch(/LiteRT|ExecuTorch/);
  });

  it('recommend names a framework for the stated needs', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({
      user: alice,
      subcommand: 'recommend',
      values: { needs: 'mobile app on Android and iOS, small team' },
    });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    expect(callback.body.data.embeds[0].title).toMatch(/Recommendation/);
  });

  it('check gives a verdict on a statement', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({
      user: alice,
      subcommand: 'check',
      values: { statement: 'TensorFlow only has static graphs' },
    });
    const callback = await bot.standIn.waitForCallback(interaction);
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toMatch(/Claim check/);
    expect(embed.description).toMatch(/^> TensorFlow only has static graphs/);
    expect(embedText(callback.body.data)).toMatch(/Accurate|Partly true|Outdated|Unverified|Opinion|Anecdote/);
  });

  it('topics lists the topics, each with how to compare it', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({ user: alice, subcommand: 'topics' });
    const callback = await bot.standIn.waitForCallback(interaction);
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toBe('Topics');
    expect(embed.fields.length).toBeGreaterThan(5);
    expect(embed.fields[0].value).toMatch(/`\/pytorch-vs-tf compare topic:[a-z0-9-]+`/);
  });

  it('sources lists the sources as links', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({ user: alice, subcommand: 'sources' });
    const callback = await bot.standIn.waitForCallback(interaction);
    const descriptions = callback.body.data.embeds.map((embed: any) => embed.description).join('\n');
    expect(descriptions).toMatch(/• \[[^\]]+\]\(https:\/\/[^)]+\)/);
  });

  it('help shows every subcommand as it is typed in Discord', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({ user: alice, subcommand: 'help' });
    const callback = await bot.standIn.waitForCallback(interaction);
    const names = callback.body.data.embeds[0].fields.map((field: any) => field.name);
    expect(names).toContain('/pytorch-vs-tf ask question:<question>');
    expect(names).toContain('/pytorch-vs-tf topics');
  });

  it('answers a slash command used in a DM', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendCommand({
      user: alice,
      subcommand: 'ask',
      values: { question: 'does pytorch support tpu' },
      channelId: IDS.dm,
    });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(embedText(callback.body.data)).toMatch(/TPU/);
  });
});

describe('failures', () => {
  const start = botPerTest();

  it('a handler that throws is logged, the user gets an apology only they see, and the bot keeps serving', async () => {
    const bot = await start();
    // A required option missing from the payload makes the ask handler throw.
    const broken = bot.standIn.sendCommand({ user: alice, subcommand: 'ask' });
    const apology = await bot.standIn.waitForCallback(broken);
    expect(apology.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(apology.body.data.content).toMatch(/something went wrong/i);
    const logged = await bot.logs.waitFor((line) => line.interactionId === broken.id && line.level === LEVELS.error, 'the failure logged');
    expect(logged.msg).toBe('interaction failed');

    const next = bot.standIn.sendCommand({ user: alice, subcommand: 'help' });
    expect((await bot.standIn.waitForCallback(next)).body.data.embeds[0].title).toMatch(/how to ask/);
  });

  it('a failed interaction response (HTTP 500) is logged and the next interaction is answered', async () => {
    const bot = await start();
    const stopFailing = bot.standIn.failRequests('POST', /^\/interactions\//, 500);
    const failed = bot.standIn.sendCommand({ user: alice, subcommand: 'topics' });
    await bot.logs.waitFor((line) => line.interactionId === failed.id && line.level === LEVELS.error, 'the failed response logged');
    stopFailing();
    const next = bot.standIn.sendCommand({ user: alice, subcommand: 'topics' });
    expect((await bot.standIn.waitForCallback(next)).body.data.embeds[0].title).toBe('Topics');
  });
});

describe('autocomplete', () => {
  const start = botPerTest();

  it('compare topic: suggests matching topic names, sending the topic id', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendAutocomplete({ user: alice, subcommand: 'compare', option: 'topic', typed: 'mob' });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.type).toBe(AUTOCOMPLETE_RESULT);
    expect(callback.body.data.choices[0]).toEqual({ name: expect.stringMatching(/mobile/i), value: expect.stringMatching(/^[a-z0-9-]+$/) });
  });

  it('ask question: suggests FAQ questions matching what has been typed so far', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendAutocomplete({ user: alice, subcommand: 'ask', option: 'question', typed: 'tpu' });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.type).toBe(AUTOCOMPLETE_RESULT);
    const { choices } = callback.body.data;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0].name).toMatch(/TPU/);
  });

  it('ask question: offers a spread of questions before anything is typed', async () => {
    const bot = await start();
    const interaction = bot.standIn.sendAutocomplete({ user: alice, subcommand: 'ask', option: 'question', typed: '' });
    const callback = await bot.standIn.waitForCallback(interaction);
    expect(callback.body.data.choices.length).toBeGreaterThan(1);
  });
});

describe('buttons on answers', () => {
  const start = botPerTest();

  it('a follow-up button answers the question it names', async () => {
    const bot = await start();
    const asked = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const answer = (await bot.standIn.waitForCallback(asked)).body.data;
    const followUp = answer.components[0].components[0];
    const action = decodeButtonAction(followUp.custom_id);
    expect(action).toMatchObject({ type: 'ask' });

    const click = bot.standIn.clickButton({ user: alice, customId: followUp.custom_id });
    const callback = await bot.standIn.waitForCallback(click);
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    expect(callback.body.data.embeds[0].title).toBe(followUp.label);
  });

  it('a button that carries a claim answers with that claim and what is true now', async () => {
    const bot = await start();
    const claim = realEngine().knowledge.claims[0]!;
    const click = bot.standIn.clickButton({ user: alice, customId: encodeButtonAction({ type: 'ask', entryId: claim.id })! });
    const [embed] = (await bot.standIn.waitForCallback(click)).body.data.embeds;
    expect(embed.title).toContain(claim.claim);
    expect(embed.description).toContain(claim.now.slice(0, 40));
  });

  it('a claim button of an earlier version (pvt1:check:…) still answers that claim', async () => {
    const bot = await start();
    const claim = realEngine().knowledge.claims[0]!;
    const click = bot.standIn.clickButton({ user: alice, customId: `pvt1:check:${claim.id}` });
    expect((await bot.standIn.waitForCallback(click)).body.data.embeds[0].title).toContain(claim.claim);
  });

  it('a button for an entry the knowledge no longer has says so', async () => {
    const bot = await start();
    const click = bot.standIn.clickButton({ user: alice, customId: encodeButtonAction({ type: 'ask', entryId: 'no-such-entry' })! });
    expect(embedText((await bot.standIn.waitForCallback(click)).body.data)).toMatch(/no longer in my knowledge/);
  });

  it('thumbs up is acknowledged ephemerally and logged with the entry id and vote', async () => {
    const bot = await start();
    // A question only one entry answers, so that the logged id can be checked against it.
    const asked = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what happened to tf lite?' } });
    const answer = (await bot.standIn.waitForCallback(asked)).body.data;
    const thumbsUp = customIds(answer).find((id) => isVote(id, 'up'))!;
    const { entryId } = decodeButtonAction(thumbsUp) as { entryId: string };

    const click = bot.standIn.clickButton({ user: alice, customId: thumbsUp });
    const callback = await bot.standIn.waitForCallback(click);
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const line = await bot.logs.waitFor((entry) => entry.event === 'feedback', 'the feedback log line');
    expect(line).toMatchObject({ level: LEVELS.info, event: 'feedback', vote: 'up', entryId, userId: alice.id });
    expect(entryId).toMatch(/litert/);
  });

  it('thumbs down is logged and opens a form asking why; sending it is thanked ephemerally', async () => {
    const bot = await start();
    const asked = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const answer = (await bot.standIn.waitForCallback(asked)).body.data;
    const thumbsDown = customIds(answer).find((id) => isVote(id, 'down'))!;

    const click = bot.standIn.clickButton({ user: alice, customId: thumbsDown });
    const form = await bot.standIn.waitForCallback(click);
    expect(form.body.type).toBe(InteractionResponseType.Modal);
    const formId = String(form.body.data.custom_id);
    expect(decodeModalAction(formId)).toMatchObject({ type: 'feedback-reason' });
    await bot.logs.waitFor((entry) => entry.event === 'feedback' && entry.vote === 'down', 'the feedback log line');

    const sent = bot.standIn.submitModal({ user: alice, customId: formId, values: { [MODAL_INPUT_IDS.reason]: 'It misses LiteRT' } });
    const thanks = await bot.standIn.waitForCallback(sent);
    expect(thanks.body.type).toBe(CHANNEL_MESSAGE);
    expect(thanks.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('a button it does not recognise gets a polite ephemeral note', async () => {
    const bot = await start();
    const click = bot.standIn.clickButton({ user: alice, customId: 'some-other-bot:thing' });
    const callback = await bot.standIn.waitForCallback(click);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/no longer works/);
  });
});
