// How Slack reaches the app: Socket Mode (an outbound WebSocket, nothing to expose) when an
// app-level token is configured, otherwise HTTP (Slack POSTs to /slack/events on PORT, signed
// with the signing secret). Listeners do not know which one is in use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type Receiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import { AdapterStartError, NO_OBSERVER, type AdapterObserver } from '../types.js';

export const EVENTS_PATH = '/slack/events';
/** Liveness, when the entry point brings no routes of its own (tests). */
const HEALTH_PATH = '/healthz';

/** A route beside /slack/events on the HTTP receiver's server (health, readiness, metrics). */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface TransportOptions {
  /** HTTP mode: the routes served beside /slack/events (default: GET /healthz). */
  routes?: HttpRoute[];
  /**
   * HTTP mode only: answer Slack's request after the listeners finish instead of as soon as they
   * ack. Off in production, where the 3-second deadline matters more; tests turn it on so that a
   * response means the request's work is done.
   */
  processBeforeResponse?: boolean;
}

/**
 * fetch that tells the observer about every Web API attempt that failed: an HTTP error status,
 * no answer, or Slack's own `"ok": false` (a 200 carrying an error such as channel_not_found).
 */
function observedFetch(observer: AdapterObserver): typeof fetch {
  return async (input, init) => {
    try {
      const response = await fetch(input, init);
      if (!response.ok) observer.apiError();
      else
        response
          .clone()
          .json()
          .then(
            (body) => {
              if ((body as { ok?: unknown } | null)?.ok === false) observer.apiError();
            },
            () => undefined,
          );
      return response;
    } catch (error) {
      observer.apiError();
      throw error;
    }
  };
}

/** Web API client settings: our API base URL, and retries short enough to fail fast and visibly. */
export function webClientOptions(
  config: SlackConfig,
  logger: BoltLogger,
  observer: AdapterObserver = NO_OBSERVER,
): webApi.WebClientOptions {
  return {
    logger,
    fetch: observedFetch(observer),
    // Bolt's default retries for about 30 minutes; a reply that late is useless and hides the failure.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    // Slack answers in well under a second; a call hanging for longer is better failed and logged.
    timeout: 5_000,
    ...(config.apiUrl !== undefined ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
  };
}

function answerHealthCheck(_request: unknown, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"ok":true}');
}

/**
 * Socket Mode: whether the WebSocket to Slack is open (it drops and reconnects by itself).
 * HTTP mode: Slack connects to us, so a listening receiver is connected.
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
): Receiver {
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
    port: config.port,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: options.processBeforeResponse ?? false,
    customRoutes: options.routes ?? [{ path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: answerHealthCheck }],
  });
}
