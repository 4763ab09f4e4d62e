// The shipped load balancer (deploy/nginx.conf, run by a real nginx on loopback) in front of two
// replicas built on the bot's own HTTP server: what it sends to the other replica and what it
// never sends twice. A replica's 503 is a refusal before any work (draining, starting), so the
// request, a POST included, goes to the other; a POST that reached a replica whose connection
// then broke may have been answered there, so it is not sent again.
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BotHttpServer, sendJson, startHttpServer } from '../../src/adapters/http-server.js';
import { freePort } from '../support/ports.js';
import { type Nginx, startNginx } from '../support/nginx.js';

type Mode = 'answer' | 'break-after-reading';

interface Replica {
  name: string;
  server: BotHttpServer;
  mode: Mode;
  /** The request ids this replica started work on. */
  worked: string[];
}

async function startReplica(name: string): Promise<Replica> {
  const replica: Replica = { name, server: undefined as unknown as BotHttpServer, mode: 'answer', worked: [] };
  const work = (body: Buffer, response: ServerResponse) => {
    replica.worked.push(body.toString('utf8'));
    if (replica.mode === 'break-after-reading') {
      response.socket?.destroy();
      return;
    }
    sendJson(response, 200, { answeredBy: name, id: body.toString('utf8') });
  };
  replica.server = await startHttpServer({
    port: 0,
    routes: [
      {
        path: '/slack/events',
        method: ['POST'],
        readsBody: true,
        isWork: true,
        handler: (_request, response, body) => work(body, response),
      },
      { path: '/readyz', method: ['GET'], handler: (_request, response) => sendJson(response, 200, { answeredBy: name }) },
    ],
  });
  return replica;
}

let nginx: Nginx;
let replicas: Replica[];
let closedPort: number;
let sequence = 0;

/** A POST with a unique body, so that each replica's log says which requests it worked on. */
async function post(): Promise<{ id: string; status: number; answeredBy: string | undefined }> {
  const id = `request-${++sequence}`;
  const response = await fetch(`${nginx.baseUrl}/slack/events`, { method: 'POST', body: id, headers: { 'content-type': 'text/plain' } });
  const text = await response.text();
  const answeredBy = response.ok ? (JSON.parse(text) as { answeredBy: string }).answeredBy : undefined;
  return { id, status: response.status, answeredBy };
}

/** How many times each request id was worked on, across the replicas. */
function workCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of replicas.flatMap((replica) => replica.worked)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('deploy/nginx.conf in front of two replicas', () => {
  beforeAll(async () => {
    replicas = [await startReplica('bot-1'), await startReplica('bot-2')];
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.server.close()));
  });
  afterEach(async () => {
    await nginx?.stop();
  });
  const useNginx = async (ports: number[]) => {
    // One worker: one round robin, so that requests alternate between the replicas.
    nginx = await startNginx(ports, { workers: 1 });
    for (const replica of replicas) replica.worked.length = 0;
  };

  it('sends round robin to both replicas', async () => {
    await useNginx(replicas.map((replica) => replica.server.port));
    const sent = [];
    for (let index = 0; index < 6; index++) sent.push(await post());
    expect(sent.every((request) => request.status === 200)).toBe(true);
    expect(new Set(sent.map((request) => request.answeredBy))).toEqual(new Set(['bot-1', 'bot-2']));
  });

  it('sends a POST refused with 503 (a draining replica) to the other replica, which answers it once', async () => {
    const draining = await startReplica('draining');
    try {
      draining.server.drain();
      replicas.push(draining);
      await useNginx([draining.server.port, replicas[1]!.server.port]);
      const sent = [];
      for (let index = 0; index < 8; index++) sent.push(await post());
      expect(sent.map((request) => request.status)).toEqual(Array(8).fill(200));
      expect(sent.every((request) => request.answeredBy === 'bot-2')).toBe(true);
      expect(draining.worked).toEqual([]);
      expect([...workCounts().values()]).toEqual(Array(8).fill(1));
    } finally {
      replicas.pop();
      await draining.server.close();
    }
  });

  it('sends a request whose replica refuses the connection (restarting) to the other one', async () => {
    closedPort = await freePort();
    await useNginx([closedPort, replicas[1]!.server.port]);
    const sent = [];
    for (let index = 0; index < 6; index++) sent.push(await post());
    expect(sent.every((request) => request.status === 200 && request.answeredBy === 'bot-2')).toBe(true);
    expect([...workCounts().values()]).toEqual(Array(6).fill(1));
  });

  it('never sends again a POST that reached a replica whose connection then broke (it may have answered): 502', async () => {
    replicas[0]!.mode = 'break-after-reading';
    try {
      await useNginx(replicas.map((replica) => replica.server.port));
      const sent = [];
      for (let index = 0; index < 6; index++) sent.push(await post());
      const broken = sent.filter((request) => request.status === 502);
      expect(replicas[0]!.worked.length).toBeGreaterThan(0);
      expect(broken.map((request) => request.id).sort()).toEqual([...replicas[0]!.worked].sort());
      expect(sent.filter((request) => request.status === 200).every((request) => request.answeredBy === 'bot-2')).toBe(true);
      // Each request was worked on once, by one replica: none was sent to both.
      expect([...workCounts().values()]).toEqual(Array(6).fill(1));
    } finally {
      replicas[0]!.mode = 'answer';
    }
  });

  it('answers 503 when every replica refuses (both draining), without any of them doing work', async () => {
    const draining = [await startReplica('draining-1'), await startReplica('draining-2')];
    try {
      for (const replica of draining) replica.server.drain();
      nginx = await startNginx(
        draining.map((replica) => replica.server.port),
        { workers: 1 },
      );
      const sent = await post();
      expect(sent.status).toBe(503);
      expect(draining.flatMap((replica) => replica.worked)).toEqual([]);
    } finally {
      await Promise.all(draining.map((replica) => replica.server.close()));
    }
  });
});
