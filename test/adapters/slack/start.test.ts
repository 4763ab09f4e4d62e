// Starting and stopping the adapter: token verification, start-up failures an operator can fix,
// and Socket Mode against a local stand-in for Slack's WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlackAdapter } from '../../../src/adapters/slack/index.js';
import { AdapterStartError } from '../../../src/adapters/types.js';
import { createSilentLogger } from '../../../src/logging/logger.js';
import { blockKitProblems } from '../../support/slack/block-kit-rules.js';
import { httpConfig, realEngine, startSlackHarness, TEST_BOT_TOKEN } from '../../support/slack/harness.js';
import { appMention, CHANNEL, eventCallback, slashCommandFields, uniqueId } from '../../support/slack/requests.js';
import { DEFAULT_BOT, SlackWebApiStandIn } from '../../support/slack/web-api-stand-in.js';

let standIn: SlackWebApiStandIn;
beforeAll(async () => {
  standIn = await SlackWebApiStandIn.start();
});
afterAll(async () => {
  await standIn?.close();
});

async function startFailure(start: () => Promise<RunningSlackAdapter>): Promise<AdapterStartError> {
  try {
    const adapter = await start();
    await adapter.stop();
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterStartError);
    const startError = error as AdapterStartError;
    // One line an operator can act on: no stack trace, no multi-line dump.
    expect(startError.message).not.toContain('\n');
    expect(startError.platform).toBe('slack');
    return startError;
  }
  throw new Error('the adapter started, but it should not have');
}

describe('starting in HTTP mode', () => {
  it('verifies the bot token with auth.test against SLACK_API_URL, then serves on the port', async () => {
    standIn.calls.length = 0;
    const adapter = await startSlack({ config: httpConfig(standIn), engine: realEngine(), logger: createSilentLogger() });
    try {
      expect(standIn.callsTo('auth.test')).toHaveLength(1);
      expect(standIn.callsTo('auth.test')[0]!.token).toBe(TEST_BOT_TOKEN);
      expect(adapter.name).toBe('slack');
      expect((await fetch(`http://127.0.0.1:${adapter.port}/healthz`)).status).toBe(200);
    } finally {
      await adapter.stop();
    }
  });

  it('a token that fails auth.test is an AdapterStartError naming SLACK_BOT_TOKEN, after one attempt (no retry loop)', async () => {
    standIn.calls.length = 0;
    standIn.authFailure = { error: 'invalid_auth' };
    try {
      const error = await startFailure(() =>
        startSlack({ config: httpConfig(standIn), engine: realEngine(), logger: createSilentLogger() }),
      );
      expect(error.message).toMatch(/SLACK_BOT_TOKEN/);
      expect(error.message).toMatch(/invalid_auth/);
      expect(standIn.callsTo('auth.test')).toHaveLength(1);
    } finally {
      standIn.clearFailures();
    }
  });

  it('an unreachable Web API is an AdapterStartError that says so', async () => {
    const gone = await SlackWebApiStandIn.start();
    await gone.close();
    const error = await startFailure(() => startSlack({ config: httpConfig(gone), engine: realEngine(), logger: createSilentLogger() }));
    expect(error.message).toMatch(/Could not reach the Slack Web API at http:\/\/127\.0\.0\.1:\d+\/api\//);
  });

  it('a port in use is an AdapterStartError naming the port', async () => {
    const first = await startSlackHarness();
    try {
      const port = first.adapter.port!;
      const error = await startFailure(() =>
        startSlack({ config: httpConfig(standIn, { port }), engine: realEngine(), logger: createSilentLogger() }),
      );
      expect(error.message).toBe(
        `Could not start slack: Port ${port} is already in use: stop the other process or set PORT to a free port.`,
      );
    } finally {
      await first.close();
    }
  });

  it('without a signing secret is an AdapterStartError that names SLACK_SIGNING_SECRET', async () => {
    const error = await startFailure(() =>
      startSlack({ config: httpConfig(standIn, { signingSecret: undefined }), engine: realEngine(), logger: createSilentLogger() }),
    );
    expect(error.message).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('stop() frees the port', async () => {
    const adapter = await startSlack({ config: httpConfig(standIn), engine: realEngine(), logger: createSilentLogger() });
    await adapter.stop();
    await expect(fetch(`http://127.0.0.1:${adapter.port}/healthz`)).rejects.toThrow();
  });
});

describe('Socket Mode', () => {
  const socketConfig = (overrides = {}) => ({
    ...httpConfig(standIn),
    mode: 'socket' as const,
    signingSecret: undefined,
    appToken: 'xapp-1-test-token',
    ...overrides,
  });

  it('connects with the app token, answers a slash command in the ack, and a mention in its thread', async () => {
    standIn.calls.length = 0;
    const adapter = await startSlack({ config: socketConfig(), engine: realEngine(), logger: createSilentLogger() });
    try {
      expect(adapter.port).toBeUndefined();
      expect(standIn.callsTo('apps.connections.open')[0]!.token).toBe('xapp-1-test-token');
      expect(standIn.socketClients).toBe(1);

      const ack = await standIn.sendEnvelope('slash_commands', slashCommandFields('what is TensorFlow Lite called now?'));
      expect(ack.response_type).toBe('ephemeral');
      expect(String(ack.text)).toContain('LiteRT');
      expect(blockKitProblems(ack)).toEqual([]);

      const mention = appMention(`<@${DEFAULT_BOT.userId}> compare hardware`);
      await standIn.sendEnvelope('events_api', eventCallback(mention, uniqueId('Ev')));
      const post = await standIn.waitForCall('chat.postMessage');
      expect(post.params).toMatchObject({ channel: CHANNEL.id, thread_ts: mention.ts });
      expect(post.token).toBe(TEST_BOT_TOKEN);
    } finally {
      await adapter.stop();
    }
  });

  it('an app token Slack rejects is an AdapterStartError naming SLACK_APP_TOKEN', async () => {
    standIn.fail('apps.connections.open', { error: 'invalid_auth' });
    try {
      const error = await startFailure(() => startSlack({ config: socketConfig(), engine: realEngine(), logger: createSilentLogger() }));
      expect(error.message).toMatch(/SLACK_APP_TOKEN/);
      expect(error.message).toMatch(/invalid_auth/);
    } finally {
      standIn.clearFailures();
    }
  });
});
