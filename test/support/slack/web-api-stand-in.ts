// A local stand-in for everything the app calls on Slack's side: the Web API (auth.test,
// chat.postMessage, views.publish, ...), response_url endpoints, and the Socket Mode WebSocket.
// It listens on 127.0.0.1 only, records every call, and can be told to fail a method.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface WebApiCall {
  method: string;
  /** Form fields (or JSON body), with `blocks`, `view` and `attachments` parsed from their JSON strings. */
  params: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | undefined;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** Set once the stand-in's answer has been written out to the app. */
  answered: boolean;
  /** The failure the stand-in answered with, if it did. */
  failedWith?: Failure;
}

export interface ResponseUrlPost {
  /** The id in /response/<id>. */
  id: string;
  body: Record<string, unknown>;
  answered: boolean;
}

/** How a method should fail: an `ok:false` body, or an HTTP status (500, 429, ...). */
export type Failure = { error: string } | { status: number; retryAfterSeconds?: number };

export interface BotIdentity {
  userId: string;
  botId: string;
  teamId: string;
}

export const DEFAULT_BOT: BotIdentity = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001' };

/** Socket Mode envelopes we send, and the acknowledgement the client sent back for each. */
interface PendingEnvelope {
  resolve: (payload: Record<string, unknown>) => void;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    if (typeof params[field] === 'string') params[field] = JSON.parse(params[field] as string);
  }
  return params;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export class SlackWebApiStandIn {
  readonly calls: WebApiCall[] = [];
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  /** auth.test answers with this identity, or fails when `authFailure` is set. */
  bot: BotIdentity = DEFAULT_BOT;
  authFailure: Failure | undefined;
  private readonly failures = new Map<string, { failure: Failure; times: number }>();
  private readonly delays = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingEnvelopes = new Map<string, PendingEnvelope>();
  private envelopeCount = 0;
  private messageCount = 0;

  private constructor(
    private readonly server: Server,
    private readonly webSockets: WebSocketServer,
    readonly baseUrl: string,
  ) {}

  static async start(options: { port?: number } = {}): Promise<SlackWebApiStandIn> {
    const server = createServer();
    const webSockets = new WebSocketServer({ server, path: '/socket' });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    const standIn = new SlackWebApiStandIn(server, webSockets, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => void standIn.handle(request, response));
    webSockets.on('connection', (socket) => standIn.acceptSocket(socket));
    return standIn;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url the app can POST to; posts are recorded under `id`. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** Makes calls to `method` (or `response_url` posts, with a status) fail this way: the next `times` calls, or every call until clearFailures(). */
  fail(method: string, failure: Failure, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(method, { failure, times });
  }

  /** Answers calls to `method` (or `response_url` posts) only after `ms`, as a slow Slack would. */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  clearFailures(): void {
    this.failures.clear();
    this.delays.clear();
    this.authFailure = undefined;
  }

  callsTo(method: string): WebApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Everything the app sent anywhere (Web API calls and response_url posts), for whole-traffic assertions. */
  everythingSent(): unknown[] {
    return [...this.calls.map((call) => call.params), ...this.responseUrlPosts.map((post) => post.body)];
  }

  /**
   * Resolves once `predicate` holds. For work the app does after acknowledging a request. The
   * limit only stops a broken test from hanging; passing never depends on how fast the app is.
   */
  async waitUntil<T>(predicate: () => T | undefined, what: string, limitMs = 10_000): Promise<T> {
    const found = predicate();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`The Slack stand-in never saw ${what}`));
      }, limitMs);
      this.waiters.add(check);
    });
  }

  waitForCall(method: string, predicate: (call: WebApiCall) => boolean = () => true): Promise<WebApiCall> {
    return this.waitUntil(() => this.calls.find((call) => call.method === method && predicate(call)), `a ${method} call`);
  }

  /** Socket Mode: sends an envelope to every connected client; resolves with the payload of its ack. */
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelopeId = `envelope-${++this.envelopeCount}`;
    return new Promise((resolve) => {
      this.pendingEnvelopes.set(envelopeId, { resolve });
      const message = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' });
      for (const socket of this.sockets) socket.send(message);
    });
  }

  get socketClients(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.webSockets.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private acceptSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      const pending = message.envelope_id === undefined ? undefined : this.pendingEnvelopes.get(message.envelope_id);
      if (pending === undefined) return;
      this.pendingEnvelopes.delete(message.envelope_id!);
      pending.resolve(message.payload ?? {});
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0000001' } }));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    const raw = await readBody(request);
    if (path.startsWith('/response/')) {
      const post: ResponseUrlPost = {
        id: decodeURIComponent(path.slice('/response/'.length)),
        body: parseParams('application/json', raw),
        answered: false,
      };
      this.responseUrlPosts.push(post);
      this.notify();
      await this.wait('response_url');
      response.on('finish', () => (post.answered = true));
      const failure = this.takeFailure('response_url');
      const status = failure !== undefined && 'status' in failure ? failure.status : 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'failed');
      return;
    }
    if (!path.startsWith('/api/')) {
      sendJson(response, 404, { ok: false, error: 'unknown_path' });
      return;
    }
    const method = path.slice('/api/'.length);
    const authorization = request.headers.authorization;
    const call: WebApiCall = {
      method,
      params: parseParams(request.headers['content-type'], raw),
      token: authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined,
      at: Date.now(),
      answered: false,
    };
    this.calls.push(call);
    this.notify();
    await this.wait(method);
    response.on('finish', () => {
      call.answered = true;
      this.notify();
    });
    const failure = method === 'auth.test' ? this.authFailure : this.takeFailure(method);
    if (failure !== undefined) {
      call.failedWith = failure;
      if ('error' in failure) sendJson(response, 200, { ok: false, error: failure.error });
      else
        sendJson(
          response,
          failure.status,
          { ok: false },
          failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {},
        );
      return;
    }
    sendJson(response, 200, this.successFor(call));
  }

  private takeFailure(method: string): Failure | undefined {
    const rule = this.failures.get(method);
    if (rule === undefined) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.failures.delete(method);
    return rule.failure;
  }

  private async wait(method: string): Promise<void> {
    const ms = this.delays.get(method);
    if (ms !== undefined) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private successFor(call: WebApiCall): Record<string, unknown> {
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'pytorch-vs-tf',
          team_id: this.bot.teamId,
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.baseUrl.replace('http://', 'ws://')}/socket` };
      case 'chat.postMessage': {
        const ts = `1700000000.${String(++this.messageCount).padStart(6, '0')}`;
        return { ok: true, channel: call.params.channel, ts, message: { ts, text: call.params.text } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++this.messageCount).padStart(6, '0')}` };
      default:
        return { ok: true };
    }
  }
}
