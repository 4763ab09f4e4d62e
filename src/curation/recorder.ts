// Best-effort recording. Adapters hand records over and move on: nothing here is awaited on the
// answering path, and nothing here can fail an answer. Records wait in a bounded buffer and are
// written in batches; when the store is down, locked, full, slow or corrupt, the batch stays
// buffered, the failure is logged (once per outage, then every few attempts) and counted, and the
// recorder retries with a growing pause until the store takes the records again. When the buffer
// is full, the oldest records are dropped (and counted): memory stays bounded during an outage
// of any length.
import type { Logger } from '../logging/logger.js';
import type { CurationRecord, Store } from '../store/index.js';

export interface RecorderObserver {
  /** A batch could not be written. */
  failed(error: unknown): void;
  written(count: number): void;
  dropped(count: number): void;
  buffered(count: number): void;
}

export interface RecorderOptions {
  /** The store now, or undefined while it cannot be opened. */
  store: () => Store | undefined;
  logger: Logger;
  observer?: Partial<RecorderObserver>;
  /** At most this many records wait; beyond it the oldest are dropped. */
  maxBuffered?: number;
  /** Records written per transaction. */
  batchSize?: number;
  /** Pause before writing what arrived, so records made together go in one transaction (ms). */
  flushDelayMs?: number;
  /** Pauses after failures, growing to the last one (ms). */
  retryDelaysMs?: readonly number[];
}

export interface Recorder {
  record(record: CurationRecord): void;
  /** Writes what is buffered now, if the store takes it; resolves either way. */
  flush(): Promise<void>;
  readonly buffered: number;
  /** One last attempt to write, bounded in time; then recording stops. */
  close(timeoutMs?: number): Promise<void>;
}

// Short: a failed batch costs one query, and the records should reach the store soon after it is back.
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

export function createRecorder({
  store,
  logger,
  observer = {},
  maxBuffered = 10_000,
  batchSize = 200,
  flushDelayMs = 100,
  retryDelaysMs = RETRY_DELAYS_MS,
}: RecorderOptions): Recorder {
  let buffer: CurationRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let failures = 0;
  let closed = false;

  const report = () => observer.buffered?.(buffer.length);

  const schedule = (delay: number) => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
    timer.unref();
  };

  async function writeAll(): Promise<void> {
    while (buffer.length > 0) {
      const current = store();
      if (!current) throw new Error('the store is not open');
      const batch = buffer.slice(0, batchSize);
      await current.curation.write(batch);
      // Records that arrived during the write were appended; only the written ones go.
      buffer = buffer.slice(batch.length);
      observer.written?.(batch.length);
      report();
    }
  }

  function flush(): Promise<void> {
    writing ??= (async () => {
      try {
        await writeAll();
        if (failures > 0) logger.info({ event: 'store-recording-resumed', afterFailures: failures }, 'recording caught up');
        failures = 0;
      } catch (error) {
        observer.failed?.(error);
        if (failures === 0 || failures % 20 === 0) {
          const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
          logger.warn(
            { event: 'store-write-failed', code, error: String(message ?? error).slice(0, 300), buffered: buffer.length, failures },
            'could not record to the store; keeping the records to retry',
          );
        }
        failures++;
        schedule(retryDelaysMs[Math.min(failures - 1, retryDelaysMs.length - 1)] ?? 5_000);
      } finally {
        writing = undefined;
      }
    })();
    return writing;
  }

  return {
    record(record) {
      if (closed) return;
      buffer.push(record);
      if (buffer.length > maxBuffered) {
        const dropped = buffer.length - maxBuffered;
        buffer = buffer.slice(dropped);
        observer.dropped?.(dropped);
      }
      report();
      // While failing, the retry timer is already set; otherwise write soon, in one batch.
      if (failures === 0) schedule(flushDelayMs);
    },
    flush,
    get buffered() {
      return buffer.length;
    },
    async close(timeoutMs = 2_000) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const last = (async () => {
        await writing;
        if (buffer.length > 0) await flush();
      })();
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([last, new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timeout);
      closed = true;
      if (timer) clearTimeout(timer);
      if (buffer.length > 0) logger.warn({ event: 'store-records-lost', count: buffer.length }, 'stopped with records not yet written');
    },
  };
}
