// The metrics an operator reads for Slack, fed by the real adapter: a retried event is counted
// as deduplicated (and answered once), and a failed Web API call is counted as an API error,
// whether Slack answered with an HTTP error or with "ok": false.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlackAdapter } from '../../src/adapters/slack/index.js';
import { engineFor } from '../../src/app/live-engine.js';
import { createMetrics } from '../../src/app/metrics.js';
import { createCapturingLogger, httpConfig, realEngine } from '../support/slack/harness.js';
import { appMention, SlackRequestSender, uniqueId } from '../support/slack/requests.js';
import { DEFAULT_BOT, SlackWebApiStandIn } from '../support/slack/web-api-stand-in.js';

const BOT = `<@${DEFAULT_BOT.userId}>`;

describe('Slack metrics', () => {
  const metrics = createMetrics();
  let standIn: SlackWebApiStandIn;
  let adapter: RunningSlackAdapter;
  let sender: SlackRequestSender;
  const sample = async (name: string) => {
    const line = (await metrics.registry.metrics()).split('\n').find((l) => l.startsWith(name));
    return Number(line?.split(' ').at(-1));
  };

  beforeAll(async () => {
    standIn = await SlackWebApiStandIn.start();
    adapter = await startSlack(
      {
        config: httpConfig(standIn),
        engine: engineFor({ current: realEngine() }, 'slack', metrics),
        logger: createCapturingLogger().logger,
        observer: metrics.observerFor('slack'),
      },
      { processBeforeResponse: true },
    );
    sender = new SlackRequestSender(`http://127.0.0.1:${adapter.port}/slack/events`);
  });
  afterAll(async () => {
    await adapter.stop();
    await standIn.close();
  });

  it('counts a retried event once as answered and once per retry as deduplicated', async () => {
    const eventId = uniqueId('Ev');
    const mention = appMention(`${BOT} what is TensorFlow Lite called now?`);
    await sender.event(mention, { eventId });
    await sender.event(mention, { eventId, retryNum: 1 });
    await sender.event(mention, { eventId, retryNum: 2 });
    expect(await sample('pytorch_vs_tf_retries_deduplicated_total{platform="slack"}')).toBe(2);
    expect(await sample('pytorch_vs_tf_questions_total{platform="slack",outcome="answered"}')).toBe(1);
  });

  it('counts Web API failures: an HTTP error and an "ok": false answer', async () => {
    const before = await sample('pytorch_vs_tf_platform_api_errors_total{platform="slack"}');
    standIn.fail('chat.postMessage', { error: 'channel_not_found' });
    await sender.event(appMention(`${BOT} what is XLA?`));
    await expect.poll(() => sample('pytorch_vs_tf_platform_api_errors_total{platform="slack"}')).toBe(before + 1);
    standIn.clearFailures();
    standIn.fail('chat.postMessage', { status: 500 });
    await sender.event(appMention(`${BOT} what is JAX?`));
    // Bolt's Web API client tries a 500 again (two retries): each failed attempt counts.
    await expect.poll(() => sample('pytorch_vs_tf_platform_api_errors_total{platform="slack"}')).toBeGreaterThanOrEqual(before + 2);
    standIn.clearFailures();
  });
});
