// Starting the Slack adapter: verify the bot token, then connect (Socket Mode) or take
// /slack/events on the bot's HTTP server (HTTP mode). Failures an operator can fix become one
// AdapterStartError line naming the variable to check.
import { HTTPReceiver, webApi } from '@slack/bolt';
import { sendJson, startHttpServer, type BotHttpServer } from '../http-server.js';
import { InFlightReplies } from '../in-flight.js';
import type { RunningAdapter } from '../types.js';
import { AdapterStartError, inMemoryClaims } from '../types.js';
import { asWebApiError } from './web-api-errors.js';
import { createSlackApp, type SlackAdapterDeps, type SlackAppOptions } from './app.js';
import { guardedSlackRoute } from './request-guard.js';
import { EVENTS_PATH } from './transport.js';

export interface RunningSlackAdapter extends RunningAdapter {
  /** HTTP mode: the port actually listened on (useful with PORT=0). Socket Mode: undefined. */
  readonly port: number | undefined;
  /** Replies in flight (its own tracker when the caller gave none). */
  readonly inFlight: InFlightReplies;
}

function apiDescription(apiUrl: string | undefined): string {
  return apiUrl === undefined ? 'the Slack Web API' : `the Slack Web API at ${apiUrl}`;
}

/** Why a Web API call made at start-up failed, in words that point at the fix. */
function describeWebApiFailure(error: unknown, tokenVariable: string, method: string, apiUrl: string | undefined): string {
  const apiError = asWebApiError(error);
  switch (apiError?.code) {
    case webApi.ErrorCode.PlatformError:
      return `Slack rejected ${tokenVariable}: ${method} answered "${apiError.data.error}". Check the token on the app's settings page and that the app is installed.`;
    case webApi.ErrorCode.HTTPError: {
      const api = apiDescription(apiUrl);
      return `${api[0]!.toUpperCase()}${api.slice(1)} answered HTTP ${apiError.statusCode} to ${method}; cannot verify ${tokenVariable}.`;
    }
    case webApi.ErrorCode.RateLimitedError:
      return `${apiDescription(apiUrl)} kept answering 429 (rate limited) to ${method}; try again in a minute.`;
    case webApi.ErrorCode.RequestError: {
      // The cause's code (ECONNREFUSED, ENOTFOUND) says why.
      const original = apiError.original as Error & { code?: unknown; cause?: { code?: unknown } };
      const reason = original.code ?? original.cause?.code ?? original.message ?? 'request failed';
      return `Could not reach ${apiDescription(apiUrl)} to verify ${tokenVariable} (${String(reason)}).`;
    }
    default:
      return `Could not verify ${tokenVariable} with ${method}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function startSlack(deps: SlackAdapterDeps, options: SlackAppOptions = {}): Promise<RunningSlackAdapter> {
  const { config, logger } = deps;
  const inFlight = deps.inFlight ?? new InFlightReplies();
  const claims = deps.claims ?? inMemoryClaims();
  const { app, receiver, isConnected } = createSlackApp({ ...deps, inFlight, claims }, options);

  try {
    await app.init();
  } catch (error) {
    throw new AdapterStartError('slack', describeWebApiFailure(error, 'SLACK_BOT_TOKEN', 'auth.test', config.apiUrl));
  }

  let port: number | undefined;
  let ownServer: BotHttpServer | undefined;
  if (receiver instanceof HTTPReceiver) {
    const route = guardedSlackRoute({
      path: EVENTS_PATH,
      signingSecret: config.signingSecret!,
      claims: deps.replayClaims ?? claims,
      logger: logger.child({ component: 'slack' }),
      dispatch: (request, response) => receiver.requestListener(request, response),
    });
    let server = deps.http;
    if (server === undefined) {
      try {
        ownServer = await startHttpServer({
          port: config.port,
          routes: [{ path: '/healthz', method: ['GET', 'HEAD'], handler: (_request, response) => sendJson(response, 200, { ok: true }) }],
          onError: (error) => logger.error({ err: error }, 'an HTTP request failed'),
        });
      } catch (error) {
        throw new AdapterStartError('slack', (error as Error).message);
      }
      server = ownServer;
    }
    server.addRoute(route);
    port = server.port;
  } else {
    try {
      await app.start();
    } catch (error) {
      throw new AdapterStartError('slack', describeWebApiFailure(error, 'SLACK_APP_TOKEN', 'apps.connections.open', config.apiUrl));
    }
  }

  logger.info({ component: 'slack', mode: config.mode, ...(port !== undefined ? { port } : {}) }, 'Slack adapter is ready');
  let takingWork = true;
  let stopped = false;
  const stopTakingWork = async () => {
    if (!takingWork) return;
    takingWork = false;
    // Socket Mode: close the socket, so Slack sends new work to another connection. HTTP mode:
    // the server refuses new requests (503) while draining.
    if (config.mode === 'socket') await app.stop();
    else ownServer?.drain();
  };
  return {
    name: 'slack',
    port,
    inFlight,
    isConnected: () => !stopped && takingWork && isConnected(),
    stopTakingWork,
    async stop() {
      if (stopped) return;
      await stopTakingWork();
      stopped = true;
      await ownServer?.close();
    },
  };
}
