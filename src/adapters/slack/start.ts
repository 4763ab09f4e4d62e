// Starting the Slack adapter: verify the bot token, then connect (Socket Mode) or listen (HTTP).
// Failures an operator can fix become one AdapterStartError line naming the variable to check.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { RunningAdapter } from '../types.js';
import { AdapterStartError } from '../types.js';
import { webApi } from '@slack/bolt';
import { asWebApiError } from './web-api-errors.js';
import { createSlackApp, isSlackConnected, type SlackAdapterDeps, type SlackAppOptions } from './app.js';

export interface RunningSlackAdapter extends RunningAdapter {
  /** HTTP mode: the port actually listened on (useful with PORT=0). Socket Mode: undefined. */
  readonly port: number | undefined;
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
    case webApi.ErrorCode.RequestError: {
      // fetch's own message is just "fetch failed"; the cause's code (ECONNREFUSED, ENOTFOUND) says why.
      const reason = (apiError.original.cause as { code?: unknown } | undefined)?.code ?? apiError.original.message ?? 'request failed';
      return `Could not reach ${apiDescription(apiUrl)} to verify ${tokenVariable} (${String(reason)}).`;
    }
    default:
      return `Could not verify ${tokenVariable} with ${method}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function startSlack(deps: SlackAdapterDeps, options: SlackAppOptions = {}): Promise<RunningSlackAdapter> {
  const { config, logger } = deps;
  const app = createSlackApp(deps, options);

  try {
    await app.init();
  } catch (error) {
    throw new AdapterStartError('slack', describeWebApiFailure(error, 'SLACK_BOT_TOKEN', 'auth.test', config.apiUrl));
  }

  let port: number | undefined;
  try {
    if (config.mode === 'http') {
      const server = (await app.start(config.port)) as Server;
      port = (server.address() as AddressInfo | null)?.port;
    } else {
      await app.start();
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw new AdapterStartError('slack', `Port ${config.port} is already in use: stop the other process or set PORT to a free port.`);
    }
    if ((error as { code?: unknown }).code === 'EACCES') {
      throw new AdapterStartError('slack', `Not allowed to listen on port ${config.port}: choose a port above 1023 with PORT.`);
    }
    const tokenVariable = config.mode === 'socket' ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
    throw new AdapterStartError('slack', describeWebApiFailure(error, tokenVariable, 'apps.connections.open', config.apiUrl));
  }

  logger.info({ component: 'slack', mode: config.mode, ...(port !== undefined ? { port } : {}) }, 'Slack adapter is ready');
  let stopped = false;
  return {
    name: 'slack',
    port,
    isConnected: () => !stopped && isSlackConnected(app),
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.stop();
    },
  };
}
