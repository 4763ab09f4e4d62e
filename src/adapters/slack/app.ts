// The Bolt app: transport, global middleware, listeners and the error handler, put together.
// Nothing here talks to Slack yet; startSlack verifies the token and starts listening.
import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../logging/logger.js';
import { type ConversationMemory, createInMemoryConversations } from '../conversations.js';
import { NO_OBSERVER, type AdapterObserver } from '../types.js';
import { createBoltLogger } from './bolt-logger.js';
import { ignoreRepeatedEvents } from './event-dedupe.js';
import { registerListeners } from './listeners/index.js';
import { describeWebApiError } from './web-api-errors.js';
import { connectionProbe, createReceiver, webClientOptions, type HttpRoute, type TransportOptions } from './transport.js';

export interface SlackAdapterDeps {
  config: SlackConfig;
  engine: Engine;
  logger: Logger;
  /** For metrics; counts nothing when absent. */
  observer?: AdapterObserver;
  /** HTTP mode: the routes served beside /slack/events (default: GET /healthz). */
  routes?: HttpRoute[];
  /** Where follow-up state is kept between messages (default: in this process's memory). */
  conversations?: ConversationMemory;
}

export type SlackAppOptions = TransportOptions;

const connectionProbes = new WeakMap<App, () => boolean>();

/** Whether Slack can reach the app now (its receiver is private to Bolt, so it is remembered here). */
export const isSlackConnected = (app: App): boolean => connectionProbes.get(app)?.() ?? false;

export function createSlackApp(
  { config, engine, logger, observer = NO_OBSERVER, routes, conversations = createInMemoryConversations() }: SlackAdapterDeps,
  options: SlackAppOptions = {},
): App {
  const slackLogger = logger.child({ component: 'slack' });
  const boltLogger = createBoltLogger(logger);
  const clientOptions = webClientOptions(config, boltLogger, observer);
  const receiver = createReceiver(config, boltLogger, clientOptions, { ...options, ...(routes ? { routes } : {}) });
  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    // auth.test runs in startSlack's app.init(), where a bad token becomes one clear error.
    deferInitialization: true,
    // Bolt's own conversation store is not used: follow-up state is kept per thread in
    // `conversations`, bounded and expiring (its default in-memory store would only grow).
    convoStore: false,
  });

  connectionProbes.set(app, connectionProbe(receiver));
  app.use(ignoreRepeatedEvents(slackLogger, observer));
  registerListeners(app, { engine, logger: slackLogger, conversations });

  // The last stop for anything a listener throws (a Web API call that failed with ok:false, a 429,
  // a 5xx or a timeout): log it and carry on serving. Re-throwing would only reach Bolt's
  // receiver, which logs it again; the request was acknowledged already.
  app.error(async (error) => {
    slackLogger.error(describeWebApiError(error), 'a Slack listener failed');
  });
  return app;
}
