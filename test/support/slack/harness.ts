// The real Slack adapter (real Bolt, real engine, real knowledge) in HTTP mode on a free
// loopback port, pointed at the Web API stand-in, with its log lines captured.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { pino } from 'pino';
import type { SlackConfig } from '../../../src/config/config.js';
import { EVENTS_PATH, startSlack, type RunningSlackAdapter } from '../../../src/adapters/slack/index.js';
import type { SlackAdapterDeps, SlackAppOptions } from '../../../src/adapters/slack/app.js';
import type { Engine } from '../../../src/engine/types.js';
import type { Logger } from '../../../src/logging/logger.js';
import { shippedEngine } from '../engine.js';
import { SlackRequestSender, TEST_SIGNING_SECRET } from './requests.js';
import { SlackWebApiStandIn } from './web-api-stand-in.js';

export const TEST_BOT_TOKEN = 'xoxb-test-0000-token';

/** The engine over the shipped knowledge, loaded once per test file. */
export const realEngine = shippedEngine;

export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** A pino logger whose lines land in `lines`, parsed. */
export function createCapturingLogger(level: 'debug' | 'info' | 'warn' = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}

export function httpConfig(standIn: SlackWebApiStandIn, overrides: Partial<SlackConfig> = {}): SlackConfig {
  return {
    mode: 'http',
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    appToken: undefined,
    port: 0,
    apiUrl: standIn.apiUrl,
    ...overrides,
  };
}

export interface SlackHarness {
  standIn: SlackWebApiStandIn;
  sender: SlackRequestSender;
  adapter: RunningSlackAdapter;
  engine: Engine;
  logs: LogLine[];
  close(): Promise<void>;
}

/**
 * processBeforeResponse defaults to true here: Bolt then answers each HTTP request only after its
 * listeners finish, so when a test has the response, everything the app was going to send has
 * been sent (and "nothing was sent" can be asserted without waiting).
 */
export async function startSlackHarness(
  options: SlackAppOptions = { processBeforeResponse: true },
  deps: Pick<SlackAdapterDeps, 'curation'> = {},
): Promise<SlackHarness> {
  const standIn = await SlackWebApiStandIn.start();
  const { logger, lines } = createCapturingLogger();
  try {
    const adapter = await startSlack({ config: httpConfig(standIn), engine: realEngine(), logger, ...deps }, options);
    const sender = new SlackRequestSender(`http://127.0.0.1:${adapter.port}${EVENTS_PATH}`);
    return {
      standIn,
      sender,
      adapter,
      engine: realEngine(),
      logs: lines,
      async close() {
        await adapter.stop();
        await standIn.close();
      },
    };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

/**
 * One harness for a test file, with a clean record per test: what was sent, the failures to
 * inject, and the log lines. The returned object reads through to the running harness, so it
 * can be declared once at the top of the file and used inside tests.
 */
export function useSlackHarness(options?: SlackAppOptions, deps?: Pick<SlackAdapterDeps, 'curation'>): SlackHarness {
  let harness: SlackHarness | undefined;
  beforeAll(async () => {
    harness = await startSlackHarness(options, deps);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(() => {
    harness!.standIn.calls.length = 0;
    harness!.standIn.responseUrlPosts.length = 0;
    harness!.standIn.clearFailures();
    harness!.logs.length = 0;
  });
  return new Proxy({} as SlackHarness, { get: (_, key) => Reflect.get(harness!, key) });
}
