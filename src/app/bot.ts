// The running bot: the knowledge and engine, the configured platforms, the operator's HTTP
// endpoints and the knowledge reloader, started in that order and stopped in reverse.
import type { RunningAdapter } from '../adapters/types.js';
import type { AppConfig } from '../config/index.js';
import { createEngine } from '../engine/index.js';
import { defaultKnowledgeDir, loadKnowledge } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import { createKnowledgeReloader, type KnowledgeReloader } from './knowledge-reload.js';
import { engineFor, type EngineSlot } from './live-engine.js';
import { createMetrics, type BotMetrics } from './metrics.js';
import { opsRoutes, serveOpsRoutes, type OpsServer, type Readiness } from './ops-routes.js';

export interface RunningBot {
  /** The port of /healthz, /readyz and /metrics (and Slack's events in HTTP mode). */
  readonly port: number | undefined;
  readonly metrics: BotMetrics;
  readonly knowledge: KnowledgeReloader;
  stop(): Promise<void>;
}

export async function startBot(config: AppConfig, logger: Logger): Promise<RunningBot> {
  const started = performance.now();
  const dir = config.knowledgeDir ?? defaultKnowledgeDir();
  const knowledge = loadKnowledge(dir);
  const slot: EngineSlot = { current: createEngine(knowledge) };
  const metrics = createMetrics();
  metrics.knowledgeInUse(knowledge.faq.length);
  logger.debug({ ms: Math.round(performance.now() - started), faq: knowledge.faq.length }, 'knowledge loaded');

  const configured = [config.slack && 'slack', config.discord && 'discord'].filter(Boolean) as string[];
  const running: RunningAdapter[] = [];
  const readiness = (): Readiness => ({
    knowledgeLoaded: true,
    platforms: Object.fromEntries(configured.map((name) => [name, running.find((a) => a.name === name)?.isConnected() ?? false])),
  });
  const routes = opsRoutes(readiness, metrics.registry);

  // In Slack's HTTP mode its server carries the routes; otherwise they get one of their own,
  // up before the platforms connect, so that /healthz answers and /readyz says "not yet".
  let opsServer: OpsServer | undefined;
  let port: number | undefined;
  const stopAll = async () => {
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    await opsServer?.close();
  };
  try {
    if (config.slack?.mode !== 'http') {
      opsServer = await serveOpsRoutes(routes, config.port);
      port = opsServer.port;
    }
    if (config.slack) {
      const { startSlack } = await import('../adapters/slack/index.js');
      const slack = await startSlack({
        config: config.slack,
        engine: engineFor(slot, 'slack', metrics),
        logger: logger.child({ platform: 'slack' }),
        observer: metrics.observerFor('slack'),
        routes,
      });
      running.push(slack);
      port ??= slack.port;
    }
    if (config.discord) {
      const { startDiscord } = await import('../adapters/discord/index.js');
      running.push(
        await startDiscord({
          config: config.discord,
          engine: engineFor(slot, 'discord', metrics),
          logger: logger.child({ platform: 'discord' }),
          observer: metrics.observerFor('discord'),
        }),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const reloader = createKnowledgeReloader({ dir, slot, logger: logger.child({ component: 'knowledge' }), metrics });
  if (config.watchKnowledge) reloader.watch();
  logger.info({ platforms: configured, port }, 'pytorch-vs-tf is running');
  return {
    port,
    metrics,
    knowledge: reloader,
    async stop() {
      reloader.stop();
      await stopAll();
    },
  };
}
