// Recording is best-effort: records wait in a bounded buffer, are written in batches when the
// store takes them, and survive an outage of the store (absent, or failing every call) until it
// comes back. Nothing here may throw at the caller.
import { afterEach, describe, expect, it } from 'vitest';
import { createRecorder } from '../../src/curation/recorder.js';
import { createSilentLogger } from '../../src/logging/logger.js';
import { type CurationRecord, openSqliteStore, type Store } from '../../src/store/index.js';
import { captureLogs } from '../support/discord/logs.js';

const DAY = 24 * 60 * 60 * 1000;
let sequence = 0;
function question(outcome: 'answered' | 'partial' | 'declined' = 'answered'): CurationRecord {
  return {
    type: 'question',
    id: `AQ${String(++sequence).padStart(10, '0')}`,
    at: Date.now(),
    platform: 'slack',
    userId: 'U1',
    channelId: 'C1',
    command: 'ask',
    kind: outcome === 'answered' ? 'answer' : outcome === 'partial' ? 'partial' : 'no-match',
    outcome,
    entryId: outcome === 'answered' ? 'faq-1' : null,
    topic: null,
    confidence: 0.5,
    stale: false,
    text: outcome === 'answered' ? null : 'a question',
  };
}

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
});
async function sqlite(): Promise<Store> {
  const store = await openSqliteStore({ file: ':memory:' });
  stores.push(store);
  return store;
}

describe('the recorder', () => {
  it('writes what it is given in the background, each record once', async () => {
    const store = await sqlite();
    const recorder = createRecorder({ store: () => store, logger: createSilentLogger(), flushDelayMs: 1 });
    for (let index = 0; index < 5; index++) recorder.record(question());
    recorder.record(question('declined'));
    await recorder.flush();
    await recorder.flush();
    expect(recorder.buffered).toBe(0);
    expect(await store.curation.outcomes(Date.now() - DAY)).toEqual({ questions: 6, answered: 5, partial: 0, declined: 1 });
    await recorder.close();
  });

  it('keeps records through an outage, logs and counts the failure, and catches up when the store returns', async () => {
    const store = await sqlite();
    let available: Store | undefined;
    const failures: unknown[] = [];
    const written: number[] = [];
    const logs = captureLogs();
    const recorder = createRecorder({
      store: () => available,
      logger: logs.logger,
      observer: { failed: (error) => failures.push(error), written: (count) => written.push(count) },
      flushDelayMs: 1,
      retryDelaysMs: [5],
    });
    for (let index = 0; index < 3; index++) recorder.record(question('partial'));
    await logs.waitFor((line) => line.event === 'store-write-failed', 'the failure to be logged');
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(recorder.buffered).toBe(3);
    recorder.record(question('declined'));

    available = store;
    await logs.waitFor((line) => line.event === 'store-recording-resumed', 'the recorder to catch up');
    expect(recorder.buffered).toBe(0);
    expect(written.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(await store.curation.outcomes(Date.now() - DAY)).toEqual({ questions: 4, answered: 0, partial: 3, declined: 1 });
    // One warning for the outage, not one per attempt.
    expect(logs.lines.filter((line) => line.event === 'store-write-failed').length).toBeLessThan(failures.length + 1);
    await recorder.close();
  });

  it('survives a store that rejects every call (closed, locked, corrupt) and writes once it works again', async () => {
    const broken = await sqlite();
    await broken.close();
    const healthy = await sqlite();
    let current = broken;
    const recorder = createRecorder({ store: () => current, logger: createSilentLogger(), flushDelayMs: 1, retryDelaysMs: [5] });
    recorder.record(question());
    await recorder.flush();
    expect(recorder.buffered).toBe(1);
    current = healthy;
    await recorder.flush();
    expect(recorder.buffered).toBe(0);
    expect((await healthy.curation.outcomes(0)).questions).toBe(1);
    await recorder.close();
  });

  it('bounds its memory during a long outage: the oldest records go first, and are counted', async () => {
    const dropped: number[] = [];
    let available: Store | undefined;
    const recorder = createRecorder({
      store: () => available,
      logger: createSilentLogger(),
      maxBuffered: 5,
      observer: { dropped: (count) => dropped.push(count) },
      retryDelaysMs: [60_000],
    });
    const records = Array.from({ length: 8 }, () => question('partial'));
    for (const record of records) recorder.record(record);
    expect(recorder.buffered).toBe(5);
    expect(dropped.reduce((sum, count) => sum + count, 0)).toBe(3);

    available = await sqlite();
    await recorder.flush();
    const kept = await available.curation.unanswered(0, 10);
    expect(kept.map((item) => item.id).sort()).toEqual(records.slice(3).map((record) => record.id));
    await recorder.close();
  });

  it('writes what is still buffered when it closes', async () => {
    const store = await sqlite();
    const recorder = createRecorder({ store: () => store, logger: createSilentLogger(), flushDelayMs: 60_000 });
    recorder.record(question());
    recorder.record(question());
    await recorder.close();
    expect((await store.curation.outcomes(0)).questions).toBe(2);
    recorder.record(question());
    expect(recorder.buffered).toBe(0);
  });
});
