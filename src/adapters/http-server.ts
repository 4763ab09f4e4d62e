// The bot's one HTTP server (PORT): Slack's requests in HTTP mode, Discord's interactions
// endpoint, and the operator's /healthz, /readyz and /metrics. Everything facing the internet
// goes through here, so the limits live in one place:
// - a body limit fit for Slack's and Discord's payloads, checked before anything is buffered
//   beyond it (a declared Content-Length over it is refused without reading);
// - seconds, not minutes, for a client to send its headers and its whole request;
// - idle keep-alive connections kept longer than the usual proxy idle timeouts (60 s), so a
//   load balancer never reuses a connection the bot is closing at that moment (a 502);
// - a cap on open connections;
// - while draining (after SIGTERM), requests for new work get 503 and the connection is closed,
//   so the load balancer sends them to another replica; health and metrics still answer;
// - closing does not race the load balancer: see close().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { OperatorError } from '../errors.js';

export interface HttpLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Time a client has to send its request headers. */
  headersTimeoutMs: number;
  /** Time a client has to send its whole request. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are refused by the operating system's backlog handling. */
  maxConnections: number;
  /**
   * At close, how long idle keep-alive connections are left for the load balancer to use up
   * (each use gets 503 and closes it) before the rest are closed; see close().
   */
  closeLingerMs: number;
}

/**
 * Slack's largest requests are events carrying a long message twice (text and rich-text blocks,
 * JSON-escaped): a few hundred KB at most. Discord's interactions are smaller.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 75_000,
  maxConnections: 1_000,
  closeLingerMs: 2_000,
};

/** At close, a connection-holding client that sent nothing for this long is taken as gone quiet. */
const QUIET_MS = 200;

/** Where the platforms send their requests on this server. */
export const PLATFORM_PATHS = { slack: '/slack/events', discord: '/discord/interactions' } as const;

export interface HttpRoute {
  path: string;
  method: string[];
  /** Buffer the body (within the limit) and pass it to the handler. */
  readsBody?: boolean;
  /** New work: refused with 503 while the bot drains (health and metrics keep answering). */
  isWork?: boolean;
  handler: (request: IncomingMessage, response: ServerResponse, body: Buffer) => void | Promise<void>;
}

export interface BotHttpServer {
  readonly port: number;
  /** Adds a route; it replaces any route on the same path with a method in common. */
  addRoute(route: HttpRoute): void;
  /** From now on, new work gets 503 and connections close after their response. */
  drain(): void;
  readonly draining: boolean;
  close(): Promise<void>;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

export function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end();
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startHttpServer(options: {
  port: number;
  routes?: HttpRoute[];
  limits?: Partial<HttpLimits>;
  /** Called with anything a handler throws (the response is then 500, if not sent yet). */
  onError?: (error: unknown, request: IncomingMessage) => void;
}): Promise<BotHttpServer> {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const routes: HttpRoute[] = [...(options.routes ?? [])];
  let draining = false;
  let lastRequestAt = 0;
  const openSockets = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    lastRequestAt = performance.now();
    if (draining) response.shouldKeepAlive = false;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const onPath = routes.filter((candidate) => candidate.path === path);
    if (onPath.length === 0) return sendJson(response, 404, { error: 'not found' });
    const route = onPath.find((candidate) => candidate.method.includes(request.method ?? 'GET'));
    if (!route) return sendJson(response, 405, { error: 'method not allowed' }, { allow: onPath.flatMap((r) => r.method).join(', ') });
    if (draining && route.isWork) return sendJson(response, 503, { error: 'shutting down' }, { 'retry-after': '1', connection: 'close' });
    let body: Buffer = Buffer.alloc(0);
    if (route.readsBody) {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
        response.shouldKeepAlive = false;
        return sendEmpty(response, 413, { connection: 'close' });
      }
      try {
        body = await readBody(request, limits.maxBodyBytes);
      } catch (error) {
        response.shouldKeepAlive = false;
        if (error instanceof BodyTooLarge) return sendEmpty(response, 413, { connection: 'close' });
        throw error;
      }
    }
    await route.handler(request, response, body);
  };

  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above: often enough that they hold to a second.
      connectionsCheckingInterval: 1_000,
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        options.onError?.(error, request);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket: Socket) => {
    openSockets.add(socket);
    socket.once('close', () => openSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new OperatorError(`Port ${options.port} is already in use: stop the other process or set PORT to a free port.`)
          : error.code === 'EACCES'
            ? new OperatorError(`Not allowed to listen on port ${options.port}: choose a port above 1023 with PORT.`)
            : error,
      ),
    );
    server.listen(options.port, () => resolve());
  });

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    addRoute(route) {
      const replaced = (other: HttpRoute) => other.path === route.path && other.method.some((method) => route.method.includes(method));
      routes.splice(0, routes.length, ...routes.filter((other) => !replaced(other)), route);
    },
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    close() {
      draining = true;
      // Closing an idle keep-alive connection races the load balancer: a request it has just
      // sent on that connection meets a reset, and it cannot resend a POST that may have been
      // answered (nginx answers 502, and a slash command is lost). So the close goes in steps:
      // 1. linger while the balancer still uses the connections: every request now gets 503 and
      //    `Connection: close`, which moves it to another replica and retires that connection;
      //    stop once none is left, or nothing came for QUIET_MS, or after closeLingerMs;
      // 2. stop listening, without touching the connections (http.Server's own close() would
      //    also close the idle ones at once), and let requests already accepted be read;
      // 3. close what is left; a request still running (an acknowledgement waiting on a slow
      //    store) gets 2.5 s before it is cut, which keeps the whole close within the 5 s the
      //    process allows beyond the drain's grace (main.ts).
      closing ??= (async () => {
        const lingerEnds = performance.now() + limits.closeLingerMs;
        while (openSockets.size > 0 && performance.now() < lingerEnds && performance.now() - lastRequestAt < QUIET_MS) await sleep(25);
        const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
        await sleep(25);
        server.closeIdleConnections();
        const hardStop = setTimeout(() => server.closeAllConnections(), 2_500);
        hardStop.unref();
        await closed;
        clearTimeout(hardStop);
      })();
      return closing;
    },
  };
}
