// Reloading the knowledge while the bot runs: on SIGHUP, and (in development) when a file under
// the knowledge directory changes. The new files are read and validated in full first; only a
// knowledge base with no problem replaces the one in use. A bad edit is logged, one line per
// problem with its file and field, and the bot keeps answering from the old knowledge.
import { watch, type FSWatcher } from 'node:fs';
import { createEngine } from '../engine/index.js';
import { inspectKnowledge } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { EngineSlot } from './live-engine.js';
import type { BotMetrics } from './metrics.js';

/** Editors write a file in several steps (truncate, write, rename); wait for them to settle. */
const SETTLE_MS = 250;

export interface KnowledgeReloader {
  /** Reads and validates the directory; swaps the engine only when there is no problem. */
  reload(reason: string): boolean;
  /** Reloads after files change, until stopped. */
  watch(): void;
  stop(): void;
}

export function createKnowledgeReloader(options: {
  dir: string;
  slot: EngineSlot;
  logger: Logger;
  metrics: BotMetrics;
}): KnowledgeReloader {
  const { dir, slot, logger, metrics } = options;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;

  function reload(reason: string): boolean {
    const started = performance.now();
    const { knowledge, problems } = inspectKnowledge(dir);
    if (!knowledge || problems.length > 0) {
      for (const problem of problems)
        logger.error(
          { event: 'knowledge-problem', file: problem.file, where: problem.where, problem: problem.message },
          'knowledge problem',
        );
      logger.error(
        { event: 'knowledge-rejected', reason, problems: problems.length },
        'knowledge not reloaded: still serving the previous knowledge',
      );
      metrics.knowledgeReloaded(false);
      return false;
    }
    slot.current = createEngine(knowledge);
    metrics.knowledgeReloaded(true);
    metrics.knowledgeInUse(knowledge.faq.length);
    logger.info(
      { event: 'knowledge-reloaded', reason, faq: knowledge.faq.length, ms: Math.round(performance.now() - started) },
      'knowledge reloaded',
    );
    return true;
  }

  return {
    reload,
    watch() {
      if (watcher) return;
      watcher = watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => reload('file change'), SETTLE_MS);
      });
      watcher.on('error', (error) => logger.warn({ err: error }, 'stopped watching the knowledge directory'));
      logger.info({ dir }, 'watching the knowledge directory: edits are reloaded when saved');
    },
    stop() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
