// How Slack reaches the app: Socket Mode (an outbound WebSocket, nothing to expose) when an
// app-level token is configured, otherwise HTTP (Slack POSTs to /slack/events on PORT, signed
// with the signing secret). Listeners do not know which one is in use.
// In HTTP mode Bolt's HTTPReceiver parses and acknowledges requests, but it never listens: the
// bot's own hardened server (../http-server.ts) accepts the connections, and the request guard
// (request-guard.ts) checks each request before handing it to the receiver.
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type Receiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import { DEFAULT_HTTP_LIMITS, PLATFORM_PATHS } from '../http-server.js';
import { AdapterStartError, NO_OBSERVER, type AdapterObserver } from '../types.js';
import { createSafeFetch } from './safe-fetch.js';

export const EVENTS_PATH = PLATFORM_PATHS.slack;
const DEFAULT_API_URL = 'https://slack.com/api/';

export interface TransportOptions {
  /**
   * HTTP mode only: answer Slack's request after the listeners finish instead of as soon as they
   * ack. Off in production, where the 3-second deadline matters more; tests turn it on so that a
   * response means the request's work is done.
   */
  processBeforeResponse?: boolean;
}

/** Web API client settings: our API base URL, and retries decided by the safe fetch (see safe-fetch.ts). */
export function webClientOptions(
  config: SlackConfig,
  logger: BoltLogger,
  observer: AdapterObserver = NO_OBSERVER,
): webApi.WebClientOptions {
  const slackApiUrl = config.apiUrl === undefined ? DEFAULT_API_URL : config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`;
  return {
    logger,
    fetch: createSafeFetch({ apiUrl: slackApiUrl, observer }),
    // The safe fetch retries what may be retried, per method; the client's own retries would
    // repeat a post Slack may already have made, and its 429 handling pauses every method.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    slackApiUrl,
  };
}

/**
 * Socket Mode: whether the WebSocket to Slack is open (it drops and reconnects by itself).
 * HTTP mode: Slack connects to us, so a listening server is connected.
 */
export function connectionProbe(receiver: Receiver): () => boolean {
  if (!(receiver instanceof SocketModeReceiver)) return () => true;
  return () => receiver.client.websocket?.isActive() ?? false;
}

export function createReceiver(
  config: SlackConfig,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
  options: TransportOptions = {},
): SocketModeReceiver | HTTPReceiver {
  if (config.mode === 'socket') {
    if (config.appToken === undefined)
      throw new AdapterStartError('slack', 'Socket Mode needs SLACK_APP_TOKEN (an app-level token starting with xapp-).');
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // A custom receiver does not inherit the App's client options: apps.connections.open must use them too.
      installerOptions: { clientOptions },
    });
  }
  if (config.signingSecret === undefined) {
    throw new AdapterStartError('slack', 'HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN to use Socket Mode).');
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: options.processBeforeResponse ?? false,
    // Every request reaches the receiver through the request guard (request-guard.ts), which has
    // checked its signature and timestamp already: checking them again costs a second HMAC and
    // parse per request before the acknowledgement, and checks nothing more.
    signatureVerification: false,
    // The server has read the body within this limit already; Bolt's own default is 4 MB.
    bodyLimit: DEFAULT_HTTP_LIMITS.maxBodyBytes,
  });
}
