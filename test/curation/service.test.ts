// What the adapters record through the curation service, read back through the summary that
// `npm run stats`, the App Home and `stats` show: outcomes, text only where it may be kept,
// votes with reasons, disputes, unanswered questions grouped by similarity, and who may see it.
import { afterEach, describe, expect, it } from 'vitest';
import { createRecorder } from '../../src/curation/recorder.js';
import { type CurationService, createCurationService, withStats } from '../../src/curation/service.js';
import type { EngineResult } from '../../src/engine/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { createSilentLogger } from '../../src/logging/logger.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { validFixture, writeFixture } from '../support/knowledge-fixture.js';
import { answer, base } from '../support/results.js';

const asker = { userId: 'U0ASKER1', channelId: 'C0CHANNEL1' };
const knowledge = loadKnowledge(writeFixture(validFixture()));

const partial = (query: string): EngineResult => ({ ...base({ query }), kind: 'partial' });
const declined = (query: string): EngineResult => ({
  ...base({ query }),
  kind: 'no-match',
  reason: 'out-of-scope',
  topicTitles: [],
});
const answered = (query: string, entryId = 'faq-mobile'): EngineResult => answer({ query, entryId, topic: 'mobile', confidence: 0.91 });

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function serviceWith(keepQuestionText: boolean, now = Date.now): Promise<{ curation: CurationService; store: Store }> {
  store = await openSqliteStore({ file: ':memory:', now });
  const current = store;
  const recorder = createRecorder({ store: () => current, logger: createSilentLogger(), flushDelayMs: 1 });
  const curation = createCurationService({
    recorder,
    store: () => current,
    knowledge: () => knowledge,
    admins: { slack: ['UADMIN01'], discord: ['700000000000000001'] },
    keepQuestionText,
    now,
  });
  return { curation, store: current };
}

describe('the curation service', () => {
  it('records each question with its outcome, and keeps the text only of partial and declined ones', async () => {
    const { curation, store } = await serviceWith(true);
    curation.answered('slack', asker, answered('is tf lite still a thing'));
    curation.answered('slack', asker, partial('how do I shard a model over four GPUs'));
    curation.answered('discord', asker, declined('what is the best pizza in town'));
    const summary = await curation.summary(30);
    expect(summary).toMatchObject({ questions: 3, answered: 1, partial: 1, declined: 1 });
    expect(summary?.rates.answered).toBeCloseTo(1 / 3, 2);
    expect(summary?.unanswered.map((cluster) => cluster.text).sort()).toEqual([
      'how do I shard a model over four GPUs',
      'what is the best pizza in town',
    ]);
    expect(JSON.stringify(summary)).not.toContain('is tf lite still a thing');
    expect(await store.curation.unanswered(0, 10)).toHaveLength(2);
  });

  it('ties a vote to its answer: a 👎 carries its reason and the question, a 👍 neither', async () => {
    const { curation } = await serviceWith(true);
    const liked = curation.answered('slack', asker, answered('pytorch on windows', 'faq-windows'));
    const disliked = curation.answered('slack', asker, answered('is tf lite still a thing'));
    expect(liked).toMatch(/^A[0-9A-Z]{11}$/);
    curation.voted('slack', asker, { answerId: liked!, entryId: 'faq-windows', topic: 'platforms', kind: 'answer', vote: 'up' });
    curation.voted(
      'slack',
      { ...asker, userId: 'U0OTHER01' },
      {
        answerId: disliked!,
        entryId: 'faq-mobile',
        topic: 'mobile',
        kind: 'answer',
        vote: 'down',
        reason: 'It does not mention LiteRT',
      },
    );
    const summary = await curation.summary(30);
    expect(summary?.votes).toMatchObject({ up: 1, down: 1 });
    expect(summary?.votes.byEntry).toEqual(
      expect.arrayContaining([
        { entryId: 'faq-windows', up: 1, down: 0 },
        { entryId: 'faq-mobile', up: 0, down: 1 },
      ]),
    );
    expect(summary?.downVotes).toEqual([
      expect.objectContaining({ entryId: 'faq-mobile', reason: 'It does not mention LiteRT', text: 'is tf lite still a thing' }),
    ]);
  });

  it('keeps no question text at all with STORE_QUESTION_TEXT=false, and still counts everything', async () => {
    const { curation, store } = await serviceWith(false);
    const id = curation.answered('slack', asker, answered('is tf lite still a thing'));
    curation.answered('slack', asker, declined('what is the best pizza in town'));
    curation.voted('slack', asker, {
      answerId: id!,
      entryId: 'faq-mobile',
      topic: 'mobile',
      kind: 'answer',
      vote: 'down',
      reason: 'outdated',
    });
    const summary = await curation.summary(30);
    expect(summary).toMatchObject({ questions: 2, answered: 1, declined: 1, votes: { up: 0, down: 1 } });
    expect(summary?.unanswered).toEqual([]);
    expect(summary?.downVotes.map((vote) => vote.text)).toEqual([null]);
    expect(await store.curation.unanswered(0, 10)).toEqual([]);
  });

  it('turns a dispute into an open review item with the id the disputer is told', async () => {
    const { curation, store } = await serviceWith(true);
    const id = curation.disputed('discord', asker, {
      claimId: 'tflite-is-litert',
      entryId: 'faq-mobile',
      reason: 'LiteRT was announced in 2024, not 2023',
      sourceUrl: 'https://ai.google.dev/edge/litert',
    });
    expect(id).toMatch(/^D-[0-9A-Z]{8}$/);
    const summary = await curation.summary(30);
    expect(summary?.disputes.open).toBe(1);
    expect(summary?.disputes.items[0]).toMatchObject({ id, claimId: 'tflite-is-litert', status: 'open' });
    expect(await store.curation.dispute(id)).toMatchObject({ reason: 'LiteRT was announced in 2024, not 2023' });
  });

  it('groups unanswered questions by similarity, the most asked wording first', async () => {
    const { curation } = await serviceWith(true);
    for (const query of [
      'does jax support windows',
      'does jax support windows',
      'Does JAX support Windows?',
      'jax windows support',
      'how do I shard a model over four GPUs',
    ])
      curation.answered('slack', asker, declined(query));
    const summary = await curation.summary(30);
    expect(summary?.unanswered.map(({ text, count }) => ({ text, count }))).toEqual([
      { text: 'does jax support windows', count: 4 },
      { text: 'how do I shard a model over four GPUs', count: 1 },
    ]);
    expect(summary?.unanswered[0]?.id).toMatch(/^U-[0-9a-f]{8}$/);
  });

  it('counts answers served from entries past their review date', async () => {
    const entry = knowledge.faq[0]!;
    const years = 5 * 365 * 24 * 60 * 60 * 1000;
    const late = await serviceWith(true, () => Date.parse(`${entry.checked}T12:00:00Z`) + years);
    late.curation.answered('slack', asker, answered('a question', entry.id));
    expect((await late.curation.summary(30))?.stale).toEqual({ served: 1, byEntry: [{ entryId: entry.id, count: 1 }] });
    await late.store.close();
    const fresh = await serviceWith(true, () => Date.parse(`${entry.checked}T12:00:00Z`));
    fresh.curation.answered('slack', asker, answered('a question', entry.id));
    expect((await fresh.curation.summary(30))?.stale.served).toBe(0);
  });

  it('shows the summary only to admins, and only privately', async () => {
    const { curation } = await serviceWith(true);
    curation.answered('slack', asker, declined('what is the best pizza in town'));
    const stats: EngineResult = { ...base({ query: 'stats' }), kind: 'stats', access: 'refused', summary: null };
    expect(await withStats(curation, 'slack', stats, asker, true)).toMatchObject({ access: 'refused', summary: null });
    expect(await withStats(curation, 'slack', stats, { ...asker, userId: 'UADMIN01' }, false)).toMatchObject({
      access: 'ask-privately',
      summary: null,
    });
    const granted = await withStats(curation, 'slack', stats, { ...asker, userId: 'UADMIN01' }, true);
    expect(granted).toMatchObject({ access: 'granted', summary: { questions: 1, declined: 1 } });
    // Another platform's admin id means nothing here.
    expect(await withStats(curation, 'slack', stats, { ...asker, userId: '700000000000000001' }, true)).toMatchObject({
      access: 'refused',
    });
  });
});
