// Every HTTP call the Slack adapter makes (Web API methods through Bolt's client, and respond()
// to a response_url) goes through this fetch, which decides retries itself, because only here
// is it known how far a failed attempt got:
// - A call that creates a message (chat.postMessage, chat.postEphemeral, a response_url post) is
//   retried only when Slack cannot have acted on it: the connection was refused (nothing was
//   sent), Slack answered 429 (rate limited: not processed), or a 5xx arrived before the request
//   body had been sent. A timeout or a 5xx after the body went out may have posted already, so
//   those are not retried: a lost reply is logged, a doubled one would be seen by everyone.
//   One reset is retried: on a connection taken from the keep-alive pool, before any byte of an
//   answer. That is the server closing the connection as idle just as it was reused (the race
//   Node documents with request.reusedSocket); Slack never saw the request. Under load the
//   client can reuse a socket whose close it has not yet read, so this happens in practice.
// - Other calls (views.publish, auth.test...) are idempotent and retried on any transient failure.
// - Rate limits are per method, as Slack applies them: a 429 pauses that method only, for its
//   Retry-After or, when Slack sends none, a default second; other methods carry on.
// Bolt's client is told not to retry (retries: 0) and to hand 429s back (rejectRateLimitedCalls),
// so its own queue never pauses every call.
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { NO_OBSERVER, type AdapterObserver } from '../types.js';

/** Web API methods that post something people see: a retry after Slack may have acted doubles it. */
export const MESSAGE_CREATING_METHODS: ReadonlySet<string> = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.scheduleMessage',
  'chat.meMessage',
  'chat.startStream',
]);

/** The rate-limit key and retry class of calls that are not Web API methods: response_url posts. */
export const RESPONSE_URL = 'response_url';

export interface SafeFetchOptions {
  /** The Web API base URL (ends with /), to tell method calls from response_url posts. */
  apiUrl: string;
  observer?: AdapterObserver;
  /** Attempts at most for a retryable failure other than a 429 (default 3). */
  maxAttempts?: number;
  /** Attempts at most while rate limited (default 5). */
  maxRateLimitedAttempts?: number;
  /** One attempt's limit (default 10 s): Slack answers in well under a second. */
  attemptTimeoutMs?: number;
  /** The wait after a 429 that names none (default 1 s). */
  defaultRetryAfterMs?: number;
  /** Backoff before retry n (1-based) of a failure that is not a 429 (default 250 ms × 2^(n-1)). */
  backoffMs?: (retry: number) => number;
}

type Attempt =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; body: Buffer; bodySent: boolean }
  | {
      kind: 'error';
      error: Error;
      connected: boolean;
      timedOut: boolean;
      /** Reset on a connection reused from the keep-alive pool before any answer: the server had closed it as idle. */
      staleConnection: boolean;
    };

export class SlackTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'SlackTimeoutError';
  }
}

const methodOf = (url: string, apiUrl: string) => (url.startsWith(apiUrl) ? url.slice(apiUrl.length).split(/[?#]/)[0]! : RESPONSE_URL);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(headers: Headers, fallbackMs: number): number {
  const header = headers.get('retry-after');
  if (header === null) return fallbackMs;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : fallbackMs;
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

const agents = { http: new HttpAgent({ keepAlive: true, timeout: 30_000 }), https: new HttpsAgent({ keepAlive: true, timeout: 30_000 }) };

/** One attempt over node:http, which (unlike fetch) says whether the body had gone out when the answer came. */
function attempt(url: URL, init: RequestInit, body: string, timeoutMs: number): Promise<Attempt> {
  const secure = url.protocol === 'https:';
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve) => {
    let connected = false;
    let bodySent = false;
    let timedOut = false;
    let answered = false;
    const outgoing = (secure ? httpsRequest : httpRequest)(url, {
      method: init.method ?? 'POST',
      headers,
      agent: secure ? agents.https : agents.http,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy(new SlackTimeoutError(timeoutMs));
    }, timeoutMs);
    const abort = () => outgoing.destroy(init.signal?.reason instanceof Error ? init.signal.reason : new Error('aborted'));
    init.signal?.addEventListener('abort', abort, { once: true });
    const done = (result: Attempt) => {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    outgoing.on('socket', (socket) => {
      const event = secure ? 'secureConnect' : 'connect';
      if (socket.connecting || (secure && !(socket as { encrypted?: boolean }).encrypted)) socket.once(event, () => (connected = true));
      else connected = true;
    });
    outgoing.on('finish', () => (bodySent = true));
    outgoing.on('response', (response) => {
      answered = true;
      const sentBeforeAnswer = bodySent;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          kind: 'response',
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: headersOf(response),
          body: Buffer.concat(chunks),
          bodySent: sentBeforeAnswer,
        }),
      );
      response.on('error', (error) => done({ kind: 'error', error, connected: true, timedOut, staleConnection: false }));
    });
    outgoing.on('error', (error) => {
      const { code } = error as NodeJS.ErrnoException;
      const reset = code === 'ECONNRESET' || code === 'EPIPE';
      done({ kind: 'error', error, connected, timedOut, staleConnection: outgoing.reusedSocket && reset && !timedOut && !answered });
    });
    outgoing.end(body);
  });
}

function toResponse(result: Extract<Attempt, { kind: 'response' }>): Response {
  const empty = result.status === 204 || result.status === 304;
  return new Response(empty ? null : new Uint8Array(result.body), {
    status: result.status,
    statusText: result.statusText,
    headers: result.headers,
  });
}

/** A fetch for Bolt's clientOptions: see the top of this file. */
export function createSafeFetch(options: SafeFetchOptions): typeof fetch {
  const observer = options.observer ?? NO_OBSERVER;
  const maxAttempts = options.maxAttempts ?? 3;
  const maxRateLimitedAttempts = options.maxRateLimitedAttempts ?? 5;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1_000;
  const backoffMs = options.backoffMs ?? ((retry: number) => 250 * 2 ** (retry - 1));
  /** Per method: no call before this time (ms since the epoch), after a 429. */
  const pausedUntil = new Map<string, number>();

  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init.body;
    // Only text bodies are sent here (form fields and JSON); anything else (file uploads, which
    // this bot does not make) goes to the platform's fetch as it is.
    if (body !== undefined && body !== null && typeof body !== 'string') return fetch(input, init);
    const method = methodOf(url.href, options.apiUrl);
    const createsMessage = method === RESPONSE_URL || MESSAGE_CREATING_METHODS.has(method);
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const wait = (pausedUntil.get(method) ?? 0) - Date.now();
      if (wait > 0) await sleep(wait);
      const result = await attempt(url, init, body ?? '', attemptTimeoutMs);
      if (result.kind === 'response') {
        if (result.status === 429) {
          observer.apiError();
          rateLimited += 1;
          const until = Date.now() + retryAfterMs(result.headers, defaultRetryAfterMs);
          pausedUntil.set(method, Math.max(pausedUntil.get(method) ?? 0, until));
          if (rateLimited < maxRateLimitedAttempts) continue;
          return toResponse(result);
        }
        if (result.status >= 500) {
          observer.apiError();
          failures += 1;
          const mayHavePosted = createsMessage && result.bodySent;
          if (!mayHavePosted && failures < maxAttempts) {
            await sleep(backoffMs(failures));
            continue;
          }
          return toResponse(result);
        }
        if (result.status >= 400) observer.apiError();
        else if (method !== RESPONSE_URL && /"ok"\s*:\s*false/.test(result.body.toString('utf8', 0, 200))) observer.apiError();
        return toResponse(result);
      }
      observer.apiError();
      if (init.signal?.aborted) throw result.error;
      failures += 1;
      // Refused or unreachable, or a pooled connection Slack had already closed: nothing reached
      // Slack. Connected and then failed (a reset, a timeout): Slack may have acted on it.
      const mayHavePosted = createsMessage && (result.connected || result.timedOut) && !result.staleConnection;
      if (!mayHavePosted && failures < maxAttempts) {
        await sleep(backoffMs(failures));
        continue;
      }
      throw result.error;
    }
  };
}
