// The curation loop on Discord, through the real discord.js client and the stand-in: votes and
// disputes reach the store with the answer they are about, the disputer is told the review
// item's id, and `/pytorch-vs-tf stats` shows the summary to admins only, and only to them.
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecorder } from '../../../src/curation/recorder.js';
import { type CurationService, createCurationService } from '../../../src/curation/service.js';
import { createSilentLogger } from '../../../src/logging/logger.js';
import { decodeButtonAction, decodeModalAction, MODAL_INPUT_IDS } from '../../../src/render/discord/index.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { realEngine } from '../../support/discord/bot.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser } from '../../support/discord/stand-in.js';

const alice = discordUser('600000000000000001', 'alice');
const admin = discordUser('600000000000000099', 'curator');
const EPHEMERAL = MessageFlags.Ephemeral;

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function curationOnSqlite(): Promise<{ curation: CurationService; store: Store }> {
  store = await openSqliteStore({ file: ':memory:' });
  const current = store;
  const recorder = createRecorder({ store: () => current, logger: createSilentLogger(), flushDelayMs: 1 });
  const curation = createCurationService({
    recorder,
    store: () => current,
    knowledge: () => realEngine().knowledge,
    admins: { slack: [], discord: [admin.id] },
    keepQuestionText: true,
  });
  return { curation, store: current };
}

function customIds(data: any): string[] {
  return (data?.components ?? []).flatMap((row: any) => row.components.map((component: any) => component.custom_id));
}

describe('curation on Discord', () => {
  const start = botPerTest();

  it('a 👍 is recorded against the answer it was given on', async () => {
    const { curation } = await curationOnSqlite();
    const bot = await start({ curation });
    const asked = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const answer = (await bot.standIn.waitForCallback(asked)).body.data;
    const up = customIds(answer).find((id) => {
      const action = decodeButtonAction(id);
      return action?.type === 'feedback' && action.vote === 'up';
    })!;
    expect(decodeButtonAction(up)).toMatchObject({ answerId: expect.stringMatching(/^A[0-9A-Z]{11}$/) });
    await bot.standIn.waitForCallback(bot.standIn.clickButton({ user: alice, customId: up }));
    const summary = await curation.summary(30);
    expect(summary).toMatchObject({ questions: 1, answered: 1, votes: { up: 1, down: 0 } });
  });

  it('Dispute opens a form; sending it makes a review item and tells the disputer its id, privately', async () => {
    const { curation, store } = await curationOnSqlite();
    const bot = await start({ curation });
    const asked = bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const answer = (await bot.standIn.waitForCallback(asked)).body.data;
    const dispute = customIds(answer).find((id) => decodeButtonAction(id)?.type === 'dispute');
    expect(dispute, 'each claim shown has a Dispute button').toBeDefined();
    const { claimId } = decodeButtonAction(dispute!) as { claimId: string };

    const form = await bot.standIn.waitForCallback(bot.standIn.clickButton({ user: alice, customId: dispute! }));
    expect(form.body.type).toBe(InteractionResponseType.Modal);
    const formId = String(form.body.data.custom_id);
    expect(decodeModalAction(formId)).toMatchObject({ type: 'dispute', claimId });

    const sent = bot.standIn.submitModal({
      user: alice,
      customId: formId,
      values: { [MODAL_INPUT_IDS.reason]: 'The docs say otherwise', [MODAL_INPUT_IDS.sourceUrl]: 'https://example.com/docs' },
    });
    const told = (await bot.standIn.waitForCallback(sent)).body.data;
    expect(told.flags & EPHEMERAL).toBe(EPHEMERAL);
    const id = /D-[0-9A-Z]{8}/.exec(JSON.stringify(told))?.[0];
    expect(id).toBeDefined();
    await curation.summary(30);
    expect(await store.curation.dispute(id!)).toMatchObject({
      claimId,
      reason: 'The docs say otherwise',
      sourceUrl: 'https://example.com/docs',
      status: 'open',
    });
  });

  it('/pytorch-vs-tf stats shows an admin the summary, ephemerally; anyone else a polite no', async () => {
    const { curation } = await curationOnSqlite();
    const bot = await start({ curation });
    await bot.standIn.waitForCallback(
      bot.standIn.sendCommand({ user: alice, subcommand: 'ask', values: { question: 'what is the best pizza in town' } }),
    );
    const granted = (await bot.standIn.waitForCallback(bot.standIn.sendCommand({ user: admin, subcommand: 'stats' }))).body.data;
    expect(granted.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(granted)).toContain('what is the best pizza in town');
    const refused = (await bot.standIn.waitForCallback(bot.standIn.sendCommand({ user: alice, subcommand: 'stats' }))).body.data;
    expect(JSON.stringify(refused)).toMatch(/only for/);
    expect(JSON.stringify(refused)).not.toContain('pizza');
  });
});
