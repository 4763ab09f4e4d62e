// The bot's HTTP server, which faces the internet: request size and time limits, keep-alive
// longer than a proxy's, a connection cap, and the drain that turns new work away with 503.
// Limits are set small here so that each behaviour shows quickly; the defaults are checked too.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HTTP_LIMITS, sendJson, startHttpServer, type BotHttpServer, type HttpLimits } from '../../src/adapters/http-server.js';

let server: BotHttpServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

async function serve(limits: Partial<HttpLimits> = {}): Promise<BotHttpServer> {
  server = await startHttpServer({
    port: 0,
    limits,
    routes: [
      { path: '/healthz', method: ['GET'], handler: (_q, response) => sendJson(response, 200, { ok: true }) },
      {
        path: '/work',
        method: ['POST'],
        readsBody: true,
        isWork: true,
        handler: (_q, response, body) => sendJson(response, 200, { bytes: body.length }),
      },
    ],
  });
  return server;
}

/** Raw bytes on a socket; resolves with everything the server sent once it closed the connection. */
function rawExchange(port: number, write: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
    write(socket);
  });
}

describe('the HTTP server', () => {
  it('defaults: 1 MB bodies, 5 s for headers, 10 s for a request, 75 s keep-alive, 1,000 connections, 2 s close linger', () => {
    expect(DEFAULT_HTTP_LIMITS).toEqual({
      maxBodyBytes: 1024 * 1024,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 10_000,
      keepAliveTimeoutMs: 75_000,
      maxConnections: 1_000,
      closeLingerMs: 2_000,
    });
  });

  it('tells clients it keeps idle connections longer than a proxy does (60 s)', async () => {
    const { port } = await serve();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.headers.get('keep-alive')).toBe('timeout=75');
  });

  it('refuses a body whose declared length is over the limit without reading it (413)', async () => {
    const { port } = await serve({ maxBodyBytes: 1_000 });
    const answer = await rawExchange(port, (socket) =>
      socket.write('POST /work HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('refuses a streamed body once it grows over the limit (413)', async () => {
    const { port } = await serve({ maxBodyBytes: 1_000 });
    const response = await fetch(`http://127.0.0.1:${port}/work`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('x'.repeat(1_500)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('accepts a body within the limit', async () => {
    const { port } = await serve({ maxBodyBytes: 1_000 });
    const response = await fetch(`http://127.0.0.1:${port}/work`, { method: 'POST', body: 'x'.repeat(1_000) });
    expect(await response.json()).toEqual({ bytes: 1_000 });
  });

  it('closes a connection that sends its headers too slowly (408)', async () => {
    const { port } = await serve({ headersTimeoutMs: 300 });
    const answer = await rawExchange(port, (socket) => socket.write('POST /work HTTP/1.1\r\nHost: x\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that sends its body too slowly (408)', async () => {
    const { port } = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 500 });
    const answer = await rawExchange(port, (socket) => socket.write('POST /work HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc'));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('caps open connections: one over the cap is closed at once', async () => {
    const { port } = await serve({ maxConnections: 2 });
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        sockets.push(socket);
      });
    await open();
    await open();
    const third = await rawExchange(port, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(third).toBe('');
  });

  it('while draining, answers new work with 503 and closes the connection, and health still answers', async () => {
    const { port } = await serve();
    server!.drain();
    const refused = await new Promise<{ status: number; connection: string | undefined }>((resolve) => {
      const outgoing = request({ port, host: '127.0.0.1', path: '/work', method: 'POST' }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
      });
      outgoing.end('{}');
    });
    expect(refused).toEqual({ status: 503, connection: 'close' });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('at close, an idle keep-alive connection the load balancer uses again gets 503 and "Connection: close", never a reset', async () => {
    const { port } = await serve();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => undefined);
    const post = 'POST /work HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}';
    socket.write(post);
    await vi.waitFor(() => expect(received).toContain('{"bytes":2}'));
    received = '';
    const closing = server!.close();
    // What a balancer does at that moment: send the next request on the connection it holds.
    socket.write(post);
    await new Promise((resolve) => socket.once('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 503 /);
    expect(received.toLowerCase()).toContain('connection: close');
    await closing;
  });

  it('a route added later replaces the one on the same path and method (a "starting" 503 until the platform is ready)', async () => {
    const { port } = await serve();
    server!.addRoute({ path: '/work', method: ['POST'], handler: (_q, response) => sendJson(response, 503, { error: 'starting' }) });
    expect((await fetch(`http://127.0.0.1:${port}/work`, { method: 'POST', body: '{}' })).status).toBe(503);
    server!.addRoute({ path: '/work', method: ['POST'], handler: (_q, response) => sendJson(response, 200, { ready: true }) });
    expect(await (await fetch(`http://127.0.0.1:${port}/work`, { method: 'POST', body: '{}' })).json()).toEqual({ ready: true });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
