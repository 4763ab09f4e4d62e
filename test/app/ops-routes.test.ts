// The operator's endpoints on the bot's HTTP server: alive, ready, and Prometheus metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/app/metrics.js';
import { startHttpServer, type BotHttpServer } from '../../src/adapters/http-server.js';
import { opsRoutes, type Readiness } from '../../src/app/ops-routes.js';
import { OperatorError } from '../../src/errors.js';

describe('the operator endpoints', () => {
  const state: Readiness = { knowledgeLoaded: true, platforms: { discord: false } };
  const metrics = createMetrics();
  let server: BotHttpServer;
  const get = (path: string, method = 'GET') => fetch(`http://127.0.0.1:${server.port}${path}`, { method });

  beforeAll(async () => {
    server = await startHttpServer({ port: 0, routes: opsRoutes(() => state, metrics.registry) });
  });
  afterAll(() => server.close());

  it('/healthz answers 200 while the process runs, connected or not', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/healthz', 'HEAD')).status).toBe(200);
  });

  it('/readyz answers 503 naming the platform that is not connected, then 200 once it is', async () => {
    const waiting = await get('/readyz');
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toEqual({ ready: false, knowledgeLoaded: true, platforms: { discord: false } });
    state.platforms.discord = true;
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it('/metrics serves the Prometheus text format', async () => {
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^# HELP /m);
  });

  it('answers 404 elsewhere and 405 to a method a route does not take', async () => {
    expect((await get('/')).status).toBe(404);
    expect((await get('/metrics', 'POST')).status).toBe(405);
  });

  it('says which port is taken, as an operator error, when PORT is in use', async () => {
    await expect(startHttpServer({ port: server.port })).rejects.toThrow(OperatorError);
    await expect(startHttpServer({ port: server.port })).rejects.toThrow(`Port ${server.port} is already in use`);
  });
});
