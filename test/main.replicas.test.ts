// Two replicas of `npm start` (Slack HTTP mode) sharing a real PostgreSQL server, as they run
// behind a load balancer: Slack may deliver an event, or its retry, to either; a captured
// request may be replayed to either; a thread may continue on the other. Two real processes, a
// real PostgreSQL started by the test, the Slack Web API stand-in; everything on loopback.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, waitFor, type BotProcess } from './support/bot-process.js';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import {
  appMention,
  eventCallback,
  SlackRequestSender,
  slackSignature,
  slashCommandFields,
  TEST_SIGNING_SECRET,
  uniqueId,
} from './support/slack/requests.js';
import { DEFAULT_BOT, SlackWebApiStandIn } from './support/slack/web-api-stand-in.js';

const BOT = `<@${DEFAULT_BOT.userId}>`;

let postgres: PostgresServer;
let databaseUrl: string;
let slack: SlackWebApiStandIn;
let replicas: [BotProcess, BotProcess];
let senders: [SlackRequestSender, SlackRequestSender];
const posts = () => slack.callsTo('chat.postMessage');

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase('replicas');
  slack = await SlackWebApiStandIn.start();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
  };
  replicas = [await startBotProcess(env), await startBotProcess(env)];
  await Promise.all(replicas.map((replica) => replica.ready()));
  senders = [new SlackRequestSender(`${replicas[0].baseUrl}/slack/events`), new SlackRequestSender(`${replicas[1].baseUrl}/slack/events`)];
}, 90_000);

afterAll(async () => {
  for (const replica of replicas ?? []) replica.kill();
  await slack?.close();
  await postgres?.destroy();
});

describe('two replicas on one PostgreSQL', () => {
  it('answer an event delivered to both (the original to one, the retry to the other) once', async () => {
    const before = posts().length;
    const events = Array.from({ length: 10 }, (_, index) => ({
      eventId: uniqueId('Ev'),
      mention: appMention(`${BOT} question ${index}: what is jax?`),
    }));
    // All at once, so that the two replicas race for each event.
    const responses = await Promise.all(
      events.flatMap(({ eventId, mention }) => [
        senders[0].event(mention, { eventId }),
        senders[1].event(mention, { eventId, retryNum: 1 }),
      ]),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    await waitFor(() => (posts().length >= before + events.length ? true : undefined), 'an answer to every event');
    // Long enough for a doubled answer, had there been one, to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answeredThreads = posts()
      .slice(before)
      .map((post) => post.params.thread_ts)
      .sort();
    expect(answeredThreads).toEqual(events.map(({ mention }) => mention.ts).sort());
  });

  it('answer an event and its retry once while the store makes their claims wait for seconds (a lock held in another session)', async () => {
    const before = posts().length;
    const events = Array.from({ length: 5 }, (_, index) => ({
      eventId: uniqueId('Ev'),
      mention: appMention(`${BOT} question ${index}: what is tensorboard?`),
    }));
    // Another session holds the rows of the events and of their messages in an open transaction
    // for more than twice the database's statement timeout (3 s): every claim of them waits, as
    // on an overloaded database, and is cancelled at least once (both the event's and then the
    // message's, had either replica given up on the first). Then it lets go (rolls back), as an
    // overload ends, well inside the replicas' 10 s wait.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      for (const { eventId, mention } of events) {
        for (const key of [`slack:event:${eventId}`, `slack:message:${String(mention.channel)}:${String(mention.ts)}`])
          await blocker.query('insert into claims (key, expires_at) values ($1, $2)', [key, Date.now() + 60_000]);
      }
      const responses = await Promise.all(
        events.flatMap(({ eventId, mention }) => [
          senders[0].event(mention, { eventId }),
          senders[1].event(mention, { eventId, retryNum: 1 }),
        ]),
      );
      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(posts().length).toBe(before);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    await waitFor(() => (posts().length >= before + events.length ? true : undefined), 'an answer to every event');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const answeredThreads = posts()
      .slice(before)
      .map((post) => post.params.thread_ts)
      .sort();
    expect(answeredThreads).toEqual(events.map(({ mention }) => mention.ts).sort());
  }, 30_000);

  it('refuse a request replayed to the other replica (401), and answer it once', async () => {
    const body = new URLSearchParams(slashCommandFields('compare hardware')).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(TEST_SIGNING_SECRET, timestamp, body);
    const first = await senders[0].post(body, 'application/x-www-form-urlencoded', { timestamp, signature });
    const replay = await senders[1].post(body, 'application/x-www-form-urlencoded', { timestamp, signature });
    expect([first.status, replay.status]).toEqual([200, 401]);
    expect(JSON.stringify(first.json)).toContain('PyTorch vs TensorFlow');
  });

  it('refuse a request dated six minutes ahead on either replica (401)', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const body = JSON.stringify(eventCallback(appMention(`${BOT} what is jax?`), uniqueId('Ev')));
    for (const sender of senders) {
      const response = await sender.post(body, 'application/json', {
        timestamp: ahead,
        signature: slackSignature(TEST_SIGNING_SECRET, ahead, body),
      });
      expect(response.status).toBe(401);
    }
  });

  it('continue a conversation on the other replica: a follow-up there is read against the first question', async () => {
    const first = appMention(`${BOT} does pytorch run on windows`);
    await senders[0].event(first);
    await waitFor(() => posts().find((post) => post.params.thread_ts === first.ts), 'the first answer');
    await senders[1].event(appMention(`${BOT} and tensorflow?`, { thread_ts: first.ts }));
    const followUp = await waitFor(
      () => posts().filter((post) => post.params.thread_ts === first.ts)[1],
      'the follow-up answered by the other replica',
    );
    expect(JSON.stringify(followUp.params.blocks)).toContain('Read as a follow-up to your previous question');
  });

  // Last: it stops the first replica.
  it('a rolling restart: the stopped replica delivers its replies in flight, and what it refused the other answers once', async () => {
    const before = posts().length;
    slack.delay('chat.postMessage', 700);
    try {
      const inFlight = Array.from({ length: 4 }, (_, index) => appMention(`${BOT} question ${index}: what is xla?`));
      for (const mention of inFlight) expect((await senders[0].event(mention)).status).toBe(200);
      await waitFor(() => (posts().length >= before + inFlight.length ? true : undefined), 'every post to have started');

      replicas[0].child.kill('SIGTERM');
      await waitFor(async () => ((await fetch(`${replicas[0].baseUrl}/readyz`)).status === 503 ? true : undefined), 'readiness to fail');
      // While draining, new work is refused; Slack retries it, and the load balancer sends the
      // retry to the replica still ready.
      const refused = { eventId: uniqueId('Ev'), mention: appMention(`${BOT} what is tensorflow lite?`) };
      expect((await senders[0].event(refused.mention, { eventId: refused.eventId })).status).toBe(503);
      expect((await senders[1].event(refused.mention, { eventId: refused.eventId, retryNum: 1 })).status).toBe(200);

      expect(await replicas[0].exited).toBe(0);
      const expected = [...inFlight, refused.mention].map((mention) => mention.ts).sort();
      const delivered = () =>
        posts()
          .slice(before)
          .filter((call) => call.answered && call.failedWith === undefined);
      await waitFor(() => (delivered().length >= expected.length ? true : undefined), 'every answer delivered');
      // Long enough for a doubled answer, had there been one, to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(
        delivered()
          .map((call) => call.params.thread_ts)
          .sort(),
      ).toEqual(expected);
    } finally {
      slack.clearFailures();
    }
  });
});
