// The operator's HTTP endpoints, served in every mode on PORT: beside /slack/events in Slack's
// HTTP mode, on a small server of their own otherwise.
//   GET /healthz  alive: the process answers HTTP (200 as long as it runs)
//   GET /readyz   ready: the knowledge is loaded and every configured platform is connected
//                 (200), or not yet / not any more (503); the body says which part is missing
//   GET /metrics  Prometheus text format
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { OperatorError } from '../errors.js';

export interface OpsRoute {
  path: string;
  method: string[];
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface Readiness {
  knowledgeLoaded: boolean;
  /** Every configured platform, and whether it is connected now. */
  platforms: Record<string, boolean>;
}

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export function opsRoutes(readiness: () => Readiness, registry: Registry): OpsRoute[] {
  return [
    { path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: (_request, response) => sendJson(response, 200, { ok: true }) },
    {
      path: READY_PATH,
      method: ['GET', 'HEAD'],
      handler: (_request, response) => {
        const state = readiness();
        const ready = state.knowledgeLoaded && Object.values(state.platforms).every(Boolean);
        sendJson(response, ready ? 200 : 503, { ready, ...state });
      },
    },
    {
      path: METRICS_PATH,
      method: ['GET'],
      handler: (_request, response) => {
        registry.metrics().then(
          (text) => {
            response.writeHead(200, { 'content-type': registry.contentType });
            response.end(text);
          },
          (error: unknown) => sendJson(response, 500, { error: String(error) }),
        );
      },
    },
  ];
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The routes on a server of their own (when Slack's HTTP receiver is not there to carry them). */
export async function serveOpsRoutes(routes: OpsRoute[], port: number): Promise<OpsServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((candidate) => candidate.path === path);
    if (!route) return sendJson(response, 404, { error: 'not found' });
    if (!route.method.includes(request.method ?? 'GET')) return sendJson(response, 405, { error: 'method not allowed' });
    route.handler(request, response);
  });
  // Health probes and scrapes are short; do not let idle keep-alive sockets delay a shutdown.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new OperatorError(`Port ${port} is already in use: stop the other process or set PORT to a free port.`)
          : error,
      ),
    );
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
