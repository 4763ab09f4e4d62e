// The running bot: the knowledge and engine, the HTTP server (health, readiness and metrics, and
// Slack's and Discord's requests when those come over HTTP), the configured platforms and the
// knowledge reloader, started in that order and stopped in reverse.
//
// Stopping is a drain, so that a deploy loses no answer: readiness fails and new requests get 503
// (a load balancer sends them to another replica), gateways and sockets close (so the platform
// stops sending this process work), the replies already started are finished within the grace,
// and only then does the process let go. A reply still unfinished when the grace runs out is
// logged with its platform, channel and event or message id.
import { type HttpRoute, PLATFORM_PATHS, sendJson, startHttpServer } from '../adapters/http-server.js';
import { InFlightReplies } from '../adapters/in-flight.js';
import type { RunningAdapter } from '../adapters/types.js';
import type { AppConfig } from '../config/index.js';
import { createCachedEngine } from './prebuilt-index.js';
import { defaultKnowledgeDir, loadKnowledge } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import { createKnowledgeReloader, type KnowledgeReloader } from './knowledge-reload.js';
import { engineFor, type EngineSlot } from './live-engine.js';
import { createMetrics, type BotMetrics } from './metrics.js';
import { opsRoutes, type Readiness } from './ops-routes.js';
import { type Recording, startRecording } from './recording.js';
import { ACK_PATH_TIMEOUT_MS, sharedClaims, sharedConversations } from './shared-state.js';
import { connectStore } from './store-connection.js';

/** At start, how long the platforms wait for the store, so that the first requests already share claims. */
const STORE_START_WAIT_MS = 5_000;
/** How often expired claims and conversations are deleted from the store. */
const PURGE_EXPIRED_EVERY_MS = 5 * 60 * 1000;

export interface RunningBot {
  /** The port of /healthz, /readyz and /metrics (and Slack's and Discord's requests over HTTP). */
  readonly port: number;
  readonly metrics: BotMetrics;
  readonly knowledge: KnowledgeReloader;
  /** The store link and the recorder (for tests and diagnostics). */
  readonly recording: Recording;
  /** Drains (see above) within `graceMs`, then stops; resolves with how many replies were given up. */
  stop(graceMs?: number): Promise<{ undelivered: number }>;
}

export interface BotHooks {
  /**
   * A platform ended for good while running (Discord closed the gateway with a fatal code, e.g.
   * a reset token): the process should drain and exit non-zero, for its supervisor to restart it
   * and the operator to see why. Readiness fails from that moment.
   */
  onFatal?: (reason: string) => void;
}

export async function startBot(config: AppConfig, logger: Logger, hooks: BotHooks = {}): Promise<RunningBot> {
  const started = performance.now();
  const dir = config.knowledgeDir ?? defaultKnowledgeDir();
  const knowledge = loadKnowledge(dir);
  const slot: EngineSlot = { current: createCachedEngine(knowledge) };
  const metrics = createMetrics();
  metrics.knowledgeInUse(knowledge.faq.length);
  logger.debug({ ms: Math.round(performance.now() - started), faq: knowledge.faq.length }, 'knowledge loaded');

  const configured = [config.slack && 'slack', config.discord && 'discord'].filter(Boolean) as string[];
  const running: RunningAdapter[] = [];
  let draining = false;
  const readiness = (): Readiness => ({
    knowledgeLoaded: true,
    platforms: Object.fromEntries(configured.map((name) => [name, running.find((a) => a.name === name)?.isConnected() ?? false])),
    ...(draining ? { draining } : {}),
  });
  const inFlight = new InFlightReplies();
  const onFatal = (reason: string) => hooks.onFatal?.(reason);

  // The configured platforms' adapters (Bolt, discord.js) are loaded before the server listens:
  // loading them keeps the event loop busy for a few hundred milliseconds, and a request that a
  // load balancer sends to this replica meanwhile would wait that long for its 503 "starting".
  const slackAdapter = config.slack ? await import('../adapters/slack/index.js') : undefined;
  const discordAdapter = config.discord ? await import('../adapters/discord/index.js') : undefined;

  // Until a platform's adapter takes its path, its requests get 503, not 404: a load balancer
  // sends them to another replica while this one starts (a rolling restart).
  const startingPaths = [
    ...(config.slack?.mode === 'http' ? [PLATFORM_PATHS.slack] : []),
    ...(config.discord && config.discordInteractions ? [PLATFORM_PATHS.discord] : []),
  ];
  const starting = startingPaths.map(
    (path): HttpRoute => ({
      path,
      method: ['POST'],
      handler: (_request, response) => sendJson(response, 503, { error: 'starting' }, { 'retry-after': '1', connection: 'close' }),
    }),
  );
  // Up before the platforms connect, so that /healthz answers and /readyz says "not yet".
  const server = await startHttpServer({
    port: config.port,
    routes: [...opsRoutes(readiness, metrics.registry), ...starting],
    limits: { maxConnections: config.http.maxConnections, keepAliveTimeoutMs: config.http.keepAliveTimeoutMs },
    onError: (error, request) => logger.error({ err: error, path: request.url }, 'an HTTP request failed'),
  });
  // Shared with the other replicas through the store (see shared-state.ts); memory stands in
  // while the store is unavailable, so it never costs an answer.
  const storeLogger = logger.child({ component: 'store' });
  const connection = connectStore({
    settings: { databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir },
    logger: storeLogger,
    onError: (operation) => metrics.store.error(operation),
    // Called only after an await inside the connection, when `recording` below exists.
    onStateChange: (open) => recording.storeStateChanged(open),
  });
  // Questions, votes and disputes, recorded in the background (see recording.ts).
  const recording: Recording = startRecording({
    config,
    connection,
    logger: storeLogger,
    metrics: metrics.store,
    knowledge: () => slot.current.knowledge,
  });
  const onFallback = () => metrics.sharedStateFallback();
  // Other replicas can exist only on a database they can all reach (see shared-state.ts).
  const replicas = Boolean(config.store.databaseUrl);
  const claims = sharedClaims({ connection, logger: storeLogger, onFallback, replicas });
  const replayClaims = sharedClaims({ connection, logger: storeLogger, onFallback, replicas, timeoutMs: ACK_PATH_TIMEOUT_MS });
  const conversations = sharedConversations({ connection, logger: storeLogger, onFallback });
  const purge = setInterval(() => {
    connection
      .current()
      ?.purgeExpired()
      .catch((error: unknown) => connection.reportFailure(error));
  }, PURGE_EXPIRED_EVERY_MS);
  purge.unref();
  const stopAdapters = async () => {
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    await server.close();
    clearInterval(purge);
    // After the adapters: what they recorded while finishing is written before the store closes.
    await recording.stop();
    await connection.close();
  };
  try {
    await connection.whenOpen(STORE_START_WAIT_MS);
    if (config.slack && slackAdapter) {
      running.push(
        await slackAdapter.startSlack({
          config: config.slack,
          engine: engineFor(slot, 'slack', metrics),
          logger: logger.child({ platform: 'slack' }),
          observer: metrics.observerFor('slack'),
          ...(config.slack.mode === 'http' ? { http: server } : {}),
          inFlight,
          claims,
          replayClaims,
          conversations,
          curation: recording.curation,
        }),
      );
    }
    if (config.discord && discordAdapter) {
      running.push(
        await discordAdapter.startDiscord({
          config: config.discord,
          engine: engineFor(slot, 'discord', metrics),
          logger: logger.child({ platform: 'discord' }),
          observer: metrics.observerFor('discord'),
          inFlight,
          onFatal,
          claims,
          conversations,
          ...(config.discordInteractions
            ? { interactionsEndpoint: { server, publicKey: config.discordInteractions.publicKey, replayClaims } }
            : {}),
          curation: recording.curation,
        }),
      );
    }
  } catch (error) {
    await stopAdapters();
    throw error;
  }

  const reloader = createKnowledgeReloader({ dir, slot, logger: logger.child({ component: 'knowledge' }), metrics });
  if (config.watchKnowledge) reloader.watch();
  logger.info({ platforms: configured, port: server.port }, 'pytorch-vs-tf is running');
  let stopping: Promise<{ undelivered: number }> | undefined;
  return {
    port: server.port,
    metrics,
    knowledge: reloader,
    recording,
    stop(graceMs = config.shutdownGraceMs) {
      stopping ??= (async () => {
        reloader.stop();
        draining = true;
        server.drain();
        await Promise.allSettled(running.map((adapter) => adapter.stopTakingWork?.()));
        const waiting = inFlight.size;
        if (waiting > 0) logger.info({ replies: waiting, graceMs }, 'finishing the replies in flight');
        const undelivered = await inFlight.drain(graceMs);
        for (const reply of undelivered)
          logger.error({ event: 'reply-not-delivered', ...reply }, 'a reply was still unfinished when the shutdown grace ran out');
        await stopAdapters();
        return { undelivered: undelivered.length };
      })();
      return stopping;
    },
  };
}
