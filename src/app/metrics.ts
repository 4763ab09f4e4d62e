// The bot's Prometheus metrics, served at /metrics: questions by platform and outcome, how long
// answering takes, failed platform API calls, repeated deliveries that were not answered twice,
// and knowledge reloads; plus the process's own (memory, CPU, event-loop lag).
// One registry per bot rather than prom-client's global one, so tests can start several.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AdapterObserver } from '../adapters/types.js';
import type { EngineResult } from '../engine/index.js';
import { outcomeOf } from '../curation/outcome.js';
import type { RecorderObserver } from '../curation/recorder.js';

export { outcomeOf, type Outcome } from '../curation/outcome.js';

export interface BotMetrics {
  readonly registry: Registry;
  /** One question answered (or declined) on a platform, and how long the engine took. */
  observeAnswer(platform: string, result: EngineResult, seconds: number): void;
  /** The adapter's hooks, labelled with its platform. */
  observerFor(platform: string): AdapterObserver;
  knowledgeReloaded(succeeded: boolean): void;
  knowledgeInUse(faqEntries: number): void;
  /** A claim or a conversation was kept in this replica's memory because the store could not answer. */
  sharedStateFallback(): void;
  /** The recording side: the store's state, its failures and the records waiting for it. */
  readonly store: StoreMetrics;
}

export interface StoreMetrics extends RecorderObserver {
  /** Opening the store failed (operation "open"), or using it did. */
  error(operation: string): void;
  up(open: boolean): void;
}

export function createMetrics(prefix = 'pytorch_vs_tf_'): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const questions = new Counter({
    name: `${prefix}questions_total`,
    help: 'Questions and commands answered, by platform and outcome (answered, partial, declined).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}answer_duration_seconds`,
    help: 'Time the engine took to answer, by platform.',
    labelNames: ['platform'] as const,
    // The engine answers in about a millisecond; the upper buckets catch a machine in trouble.
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const apiErrors = new Counter({
    name: `${prefix}platform_api_errors_total`,
    help: 'Calls to the Slack or Discord API that failed (HTTP error status or no answer), each attempt counted.',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const repeats = new Counter({
    name: `${prefix}retries_deduplicated_total`,
    help: 'Deliveries the platform repeated (Slack retries, Discord replays) that were recognised and not answered twice.',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: `${prefix}knowledge_reloads_total`,
    help: 'Knowledge reloads, by result: ok, or rejected (the old knowledge stayed).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const entries = new Gauge({
    name: `${prefix}knowledge_faq_entries`,
    help: 'FAQ entries in the knowledge being served.',
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: `${prefix}shared_state_fallbacks_total`,
    help: 'Claims (dedupe, replays, cooldowns) and conversation state kept in this replica only, because the store was down or slow.',
    registers: [registry],
  });
  fallbacks.inc(0);
  const storeErrors = new Counter({
    name: `${prefix}store_errors_total`,
    help: 'Failures of the store (open: could not open it; write: a batch of records could not be written). Answers never wait for it.',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const storeUp = new Gauge({
    name: `${prefix}store_up`,
    help: '1 while the store (SQLite or PostgreSQL) is open, 0 while the bot answers without it.',
    registers: [registry],
  });
  const buffered = new Gauge({
    name: `${prefix}store_buffered_records`,
    help: 'Records (questions, votes, disputes) waiting to be written to the store.',
    registers: [registry],
  });
  const written = new Counter({
    name: `${prefix}store_written_records_total`,
    help: 'Records written to the store.',
    registers: [registry],
  });
  const dropped = new Counter({
    name: `${prefix}store_dropped_records_total`,
    help: 'Records dropped because the buffer was full during a long store outage.',
    registers: [registry],
  });
  for (const operation of ['open', 'write']) storeErrors.labels(operation).inc(0);
  // Every series exists from the start, so rates and alerts work before the first event.
  for (const platform of ['slack', 'discord']) {
    for (const outcome of ['answered', 'partial', 'declined']) questions.labels(platform, outcome).inc(0);
    apiErrors.labels(platform).inc(0);
    repeats.labels(platform).inc(0);
  }
  for (const result of ['ok', 'rejected']) reloads.labels(result).inc(0);

  return {
    registry,
    observeAnswer(platform, result, seconds) {
      questions.labels(platform, outcomeOf(result)).inc();
      latency.labels(platform).observe(seconds);
    },
    observerFor(platform) {
      return { apiError: () => apiErrors.labels(platform).inc(), repeatIgnored: () => repeats.labels(platform).inc() };
    },
    knowledgeReloaded(succeeded) {
      reloads.labels(succeeded ? 'ok' : 'rejected').inc();
    },
    knowledgeInUse(faqEntries) {
      entries.set(faqEntries);
    },
    sharedStateFallback() {
      fallbacks.inc();
    },
    store: {
      error: (operation) => storeErrors.labels(operation).inc(),
      failed: () => storeErrors.labels('write').inc(),
      written: (count) => written.inc(count),
      dropped: (count) => dropped.inc(count),
      buffered: (count) => buffered.set(count),
      up: (open) => storeUp.set(open ? 1 : 0),
    },
  };
}
