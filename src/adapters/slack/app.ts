// The Bolt app: transport, global middleware, listeners and the error handler, put together.
// Nothing here talks to Slack yet; startSlack verifies the token and starts listening.
import { App, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import { type CurationService, NO_CURATION } from '../../curation/service.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../logging/logger.js';
import { type ConversationMemory, createInMemoryConversations } from '../conversations.js';
import type { BotHttpServer } from '../http-server.js';
import { InFlightReplies } from '../in-flight.js';
import { inMemoryClaims, NO_OBSERVER, type AdapterObserver, type ClaimOnce } from '../types.js';
import { createBoltLogger } from './bolt-logger.js';
import { ignoreRepeatedEvents } from './event-dedupe.js';
import { registerListeners } from './listeners/index.js';
import { replyRefOf } from './reply-ref.js';
import { describeWebApiError } from './web-api-errors.js';
import { connectionProbe, createReceiver, webClientOptions, type TransportOptions } from './transport.js';

export interface SlackAdapterDeps {
  config: SlackConfig;
  engine: Engine;
  logger: Logger;
  /** For metrics; counts nothing when absent. */
  observer?: AdapterObserver;
  /** Where follow-up state is kept between messages (default: in this process's memory). */
  conversations?: ConversationMemory;
  /** HTTP mode: the bot's server, which gets /slack/events. Absent: the adapter listens on config.port itself. */
  http?: BotHttpServer;
  /** Replies being made, which a shutdown waits for. */
  inFlight?: InFlightReplies;
  /** Event ids, request signatures and messages claimed once (shared by every replica). */
  claims?: ClaimOnce;
  /**
   * Request signatures claimed once (replay refusal), when they need other claims than `claims`:
   * this check sits before Slack's 3-second acknowledgement, so its claims may give up sooner.
   */
  replayClaims?: ClaimOnce;
  /** Records questions, votes and disputes, and serves admins the summary (default: records nothing). */
  curation?: CurationService;
}

export type SlackAppOptions = TransportOptions;

export interface SlackApp {
  app: App;
  receiver: SocketModeReceiver | HTTPReceiver;
  isConnected(): boolean;
}

export function createSlackApp(
  {
    config,
    engine,
    logger,
    observer = NO_OBSERVER,
    inFlight = new InFlightReplies(),
    claims = inMemoryClaims(),
    conversations = createInMemoryConversations(),
    curation = NO_CURATION,
  }: SlackAdapterDeps,
  options: SlackAppOptions = {},
): SlackApp {
  const slackLogger = logger.child({ component: 'slack' });
  const boltLogger = createBoltLogger(logger);
  const clientOptions = webClientOptions(config, boltLogger, observer);
  const receiver = createReceiver(config, boltLogger, clientOptions, options);
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
    // The error handler gets the request too, to say which reply was lost.
    extendedErrorHandler: true,
  });

  // Everything a request sets off (an answer posted, a click answered, a call waiting out a rate
  // limit) is in flight until its listener returns: a shutdown waits for it.
  app.use(async ({ body, next }) => {
    await inFlight.track(replyRefOf(body), next());
  });
  app.use(ignoreRepeatedEvents(slackLogger, observer, claims));
  registerListeners(app, { engine, logger: slackLogger, conversations, curation });

  // The last stop for anything a listener throws (a Web API call that failed with ok:false, a 429,
  // a 5xx or a timeout): log it with where the reply was going, and carry on serving.
  // Re-throwing would only reach Bolt's receiver, which logs it again; the request was
  // acknowledged already.
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    const { platform: _platform, ...where } = replyRefOf(body);
    slackLogger.error({ event: 'reply-failed', ...where, ...describeWebApiError(error) }, 'a Slack reply could not be delivered');
  });
  return { app, receiver, isConnected: connectionProbe(receiver) };
}
