// The operator's HTTP endpoints, served in every mode on PORT, on the bot's one HTTP server
// (beside /slack/events in Slack's HTTP mode and Discord's interactions endpoint):
//   GET /healthz  alive: the process answers HTTP (200 as long as it runs)
//   GET /readyz   ready: the knowledge is loaded, every configured platform is connected and the
//                 bot is not shutting down (200), or not yet / not any more (503); the body says
//                 which part is missing
//   GET /metrics  Prometheus text format
import type { Registry } from 'prom-client';
import { sendJson, type HttpRoute } from '../adapters/http-server.js';

export type OpsRoute = HttpRoute;

export interface Readiness {
  knowledgeLoaded: boolean;
  /** Every configured platform, and whether it is connected now. */
  platforms: Record<string, boolean>;
  /** True once a shutdown has begun: a load balancer should send new work elsewhere. */
  draining?: boolean;
}

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';

export function opsRoutes(readiness: () => Readiness, registry: Registry): OpsRoute[] {
  return [
    { path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: (_request, response) => sendJson(response, 200, { ok: true }) },
    {
      path: READY_PATH,
      method: ['GET', 'HEAD'],
      handler: (_request, response) => {
        const state = readiness();
        const ready = state.knowledgeLoaded && state.draining !== true && Object.values(state.platforms).every(Boolean);
        sendJson(response, ready ? 200 : 503, { ready, ...state });
      },
    },
    {
      path: METRICS_PATH,
      method: ['GET'],
      handler: async (_request, response) => {
        try {
          const text = await registry.metrics();
          response.writeHead(200, { 'content-type': registry.contentType });
          response.end(text);
        } catch (error) {
          sendJson(response, 500, { error: String(error) });
        }
      },
    },
  ];
}
