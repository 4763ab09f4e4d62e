// The curation loop's moving parts, started with the bot on its link to the store (SQLite or
// PostgreSQL): the recorder that writes questions, votes and disputes in the background, the
// service the adapters call, and the housekeeping that applies RETENTION_DAYS. None of it can
// stop the bot or cost an answer: while the store is unavailable, the bot answers and records
// catch up later.
import type { AppConfig } from '../config/index.js';
import { createRecorder, type Recorder } from '../curation/recorder.js';
import { type CurationService, createCurationService } from '../curation/service.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { StoreMetrics } from './metrics.js';
import { describeStoreError, type StoreConnection } from './store-connection.js';

export interface Recording {
  readonly recorder: Recorder;
  readonly curation: CurationService;
  /** For the store connection's onStateChange: counts the state, and catches up once the store is open. */
  storeStateChanged(open: boolean): void;
  /** Writes what is still buffered (bounded in time); call before the connection closes. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often retention runs (it also runs whenever the store opens). */
const HOUSEKEEPING_MS = 60 * 60 * 1000;

export interface RecordingOptions {
  config: AppConfig;
  connection: StoreConnection;
  logger: Logger;
  metrics: StoreMetrics;
  /** The knowledge being served, to tell answers from entries past their review date. */
  knowledge: () => Knowledge;
}

export function startRecording({ config, connection, logger, metrics, knowledge }: RecordingOptions): Recording {
  const housekeeping = async () => {
    const store = connection.current();
    if (!store) return;
    try {
      const purged = await store.purgeOlderThan(Date.now() - config.store.retentionDays * DAY_MS);
      if (purged.questions + purged.votes + purged.disputes > 0) {
        logger.info({ event: 'store-housekeeping', retentionDays: config.store.retentionDays, ...purged }, 'removed old records');
      }
    } catch (error) {
      metrics.error('housekeeping');
      logger.warn({ event: 'store-housekeeping-failed', ...describeStoreError(error) }, 'could not remove old records; will try again');
    }
  };

  const recorder = createRecorder({
    store: connection.current,
    logger,
    observer: {
      ...metrics,
      failed: (error) => {
        metrics.failed(error);
        connection.reportFailure(error);
      },
    },
  });
  metrics.up(connection.current() !== undefined);
  const timer = setInterval(() => void housekeeping(), HOUSEKEEPING_MS);
  timer.unref();

  const curation = createCurationService({
    recorder,
    store: connection.current,
    knowledge,
    admins: config.admins,
    keepQuestionText: config.store.keepQuestionText,
  });

  return {
    recorder,
    curation,
    storeStateChanged(open) {
      metrics.up(open);
      if (open) {
        void housekeeping();
        void recorder.flush();
      }
    },
    async stop() {
      clearInterval(timer);
      await recorder.close();
    },
  };
}
