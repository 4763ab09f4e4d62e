// Which Slack calls are tried again, and when: Bolt's own Web API client, configured as the
// adapter configures it, against the Web API stand-in. A call that may have posted is never
// repeated; one that cannot have (refused, rate limited) is; rate limits pause one method only.
import { createServer, type Socket } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { createSafeFetch } from '../../../src/adapters/slack/safe-fetch.js';
import { webClientOptions } from '../../../src/adapters/slack/transport.js';
import { createCapturingLogger, httpConfig, TEST_BOT_TOKEN } from '../../support/slack/harness.js';
import { SlackWebApiStandIn } from '../../support/slack/web-api-stand-in.js';

let standIn: SlackWebApiStandIn;
const logger = createBoltLogger(createCapturingLogger().logger);
/** The client exactly as the adapter builds it, with `overrides` on top. */
const client = (overrides: Partial<webApi.WebClientOptions> = {}) =>
  new webApi.WebClient(TEST_BOT_TOKEN, { ...webClientOptions(httpConfig(standIn), logger), ...overrides });
const post = (c = client()) => c.chat.postMessage({ channel: 'C1', text: 'an answer' });

beforeAll(async () => {
  standIn = await SlackWebApiStandIn.start();
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.calls.length = 0;
  standIn.responseUrlPosts.length = 0;
  standIn.clearFailures();
});

describe('a call that creates a message', () => {
  it('is not sent again after a 5xx: Slack may have posted it', async () => {
    standIn.fail('chat.postMessage', { status: 500 });
    await expect(post()).rejects.toMatchObject({ code: webApi.ErrorCode.HTTPError });
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is not sent again when Slack is too slow to answer: a slow Slack posts it once', async () => {
    standIn.delay('chat.postMessage', 600);
    const slowClient = client({ fetch: createSafeFetch({ apiUrl: standIn.apiUrl, attemptTimeoutMs: 150 }) });
    await expect(post(slowClient)).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
    // Long enough for a retry to have arrived, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is tried again when the connection was refused: nothing reached Slack', async () => {
    // A port with nothing listening, which starts listening (a second stand-in) only once the
    // first attempt has failed.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    let late: Promise<SlackWebApiStandIn> | undefined;
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const fetchFn = createSafeFetch({
      apiUrl,
      backoffMs: () => {
        late ??= SlackWebApiStandIn.start({ port });
        return 300;
      },
    });
    const refusedFirst = new webApi.WebClient(TEST_BOT_TOKEN, {
      ...webClientOptions(httpConfig(standIn), logger),
      slackApiUrl: apiUrl,
      fetch: fetchFn,
    });
    try {
      await expect(post(refusedFirst)).resolves.toMatchObject({ ok: true });
      expect((await late!).callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await (await late)?.close();
    }
  });

  it('is tried again after a 429 without Retry-After, after a default wait, and posts once', async () => {
    standIn.fail('chat.postMessage', { status: 429 }, 1);
    await expect(post()).resolves.toMatchObject({ ok: true });
    const [limited, retried] = standIn.callsTo('chat.postMessage');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(2);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900);
  });

  it('through a response_url (respond()), is not sent again after a 5xx', async () => {
    const fetchFn = webClientOptions(httpConfig(standIn), logger).fetch!;
    standIn.fail('response_url', { status: 502 }, 1);
    const send = () =>
      fetchFn(standIn.responseUrl('r1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect((await send()).status).toBe(502);
    expect(standIn.responseUrlPosts).toHaveLength(1);
  });
});

/**
 * A Web API on a raw socket that reads each request and then, as `drop` says, answers it
 * (keeping the connection open) or closes the connection without answering: what a server
 * closing an idle keep-alive connection looks like to a client that reused it at that moment.
 */
async function droppingWebApi(drop: (request: { connection: number; onConnection: number }) => boolean) {
  const methods: string[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const connection = ++connections;
    let onConnection = 0;
    let pending = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = pending.subarray(0, headEnd).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < headEnd + 4 + length) return;
        pending = pending.subarray(headEnd + 4 + length);
        methods.push(/^POST \/api\/([\w.]+)/.exec(head)?.[1] ?? head.split(' ')[1]!);
        onConnection += 1;
        if (drop({ connection, onConnection })) {
          socket.destroy();
          return;
        }
        const body = '{"ok":true,"channel":"C1","ts":"1.000001"}';
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
  const webClient = new webApi.WebClient(TEST_BOT_TOKEN, {
    ...webClientOptions(httpConfig(standIn), logger),
    slackApiUrl: apiUrl,
    fetch: createSafeFetch({ apiUrl, backoffMs: () => 10 }),
  });
  // The client keeps its last connection alive; closing the server waits for every connection.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { webClient, methods, close };
}

describe('a call that creates a message, on a kept-alive connection', () => {
  it('is tried again when the server had closed the reused connection as idle: Slack never read it', async () => {
    // The second request on the first connection is dropped unanswered, as an idle close would.
    const api = await droppingWebApi(({ connection, onConnection }) => connection === 1 && onConnection === 2);
    try {
      await expect(api.webClient.auth.test()).resolves.toMatchObject({ ok: true });
      await expect(post(api.webClient)).resolves.toMatchObject({ ok: true });
      expect(api.methods).toEqual(['auth.test', 'chat.postMessage', 'chat.postMessage']);
    } finally {
      await api.close();
    }
  });

  it('is not sent again when a new connection is closed after the request: Slack may have posted it', async () => {
    const api = await droppingWebApi(({ onConnection }) => onConnection === 1);
    try {
      await expect(post(api.webClient)).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
      expect(api.methods).toEqual(['chat.postMessage']);
    } finally {
      await api.close();
    }
  });
});

describe('a call that creates nothing', () => {
  it('is tried again after a 5xx until Slack answers', async () => {
    standIn.fail('views.publish', { status: 503 }, 2);
    await expect(client().views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
    expect(standIn.callsTo('views.publish')).toHaveLength(3);
  });
});

describe('rate limits', () => {
  it('a 429 on one method pauses that method only: another goes on meanwhile', async () => {
    standIn.fail('chat.postMessage', { status: 429, retryAfterSeconds: 2 }, 1);
    const c = client();
    const posting = post(c);
    await standIn.waitForCall('chat.postMessage');
    await expect(c.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
    await expect(posting).resolves.toMatchObject({ ok: true });
    expect(standIn.calls.map((call) => call.method)).toEqual(['chat.postMessage', 'views.publish', 'chat.postMessage']);
  });

  it('gives up after a few 429s in a row and says it was rate limited', async () => {
    standIn.fail('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    await expect(post()).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError });
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(5);
  });
});
