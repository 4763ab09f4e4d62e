// `npm run bench:slack`: load benchmark of the Slack adapter, not a test. Starts the real app in
// HTTP mode with the real engine, against the local Web API stand-in on loopback, and sends
// signed slash commands at a fixed rate (open loop: a slow answer does not slow the sending, so
// queueing shows up in the latencies instead of hiding). Latency runs from when a request was
// due to be sent until its acknowledgement (which carries the answer) arrives.
//   --rate N         requests per second (default 200)
//   --seconds N      how long to send (default 30)
//   --json           print the results as one JSON object
//   --knowledge DIR  read the knowledge from DIR instead of ./knowledge
//   --replicas N     N real bot processes (the compiled code, as the image runs it) on one
//                    PostgreSQL, behind the shipped nginx configuration (see slack-replicas.ts);
//                    with --rolling-restart, restarted one by one
// Exits 1 when a request failed or p99 is over the 50 ms target (with replicas: also when an
// @mention was answered other than exactly once).
import { Agent } from 'node:http';
import { percentile, round as roundTo } from './stats.js';
import { type PostResponse, post } from './http-post.js';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startSlack } from '../src/adapters/slack/index.js';
import { createLogger } from '../src/logging/logger.js';
import { slackSignature, slashCommandFields, TEST_SIGNING_SECRET } from '../test/support/slack/requests.js';
import { SlackWebApiStandIn } from '../test/support/slack/web-api-stand-in.js';
import { runEntryPoint } from '../src/app/entry-point.js';
import { UsageError } from '../src/cli/environment.js';
import { loadEngine } from '../src/cli/load-engine.js';
import { runReplicaBench } from './slack-replicas.js';

const USAGE = `Usage:
  npm run bench:slack
  npm run -s bench:slack -- --rate 200 --seconds 30 --json
  npm run bench:slack -- --replicas 2 --seconds 60 --rolling-restart

Options:
  --rate N         slash commands per second (default 200)
  --seconds N      how long to send them (default 30)
  --json           print the results as JSON
  --knowledge DIR  read the knowledge from DIR instead of ./knowledge
  --replicas N     run N bot processes (compiled first, as the image runs them) sharing one
                   PostgreSQL, behind deploy/nginx.conf on a real nginx (default 1: the app
                   in this process, without a database)
  --balancer B     with --replicas: nginx (default; needs Debian's nginx-light) or client (the
                   same rules played by this process, where nginx is not installed)
  --rolling-restart  with --replicas: restart them one by one during the load
  --logs DIR       with --replicas: write each replica's log (info level, JSON lines) and
                   nginx's error log to DIR
  --node-options=S with --replicas: NODE_OPTIONS for the replicas (e.g. --node-options=--max-semi-space-size=32)
  --help           show this help`;

const TARGET_P99_MS = 50;
const WARM_UP_REQUESTS = 100;

/** What people send, across every subcommand, so the mix exercises every layout. */
const COMMAND_TEXTS = [
  'what is TensorFlow Lite called now?',
  'compare hardware',
  'compare mobile deployment',
  'recommend mobile app, small team, TPUs',
  'check PyTorch is only for research',
  'does pytorch run on TPUs?',
  'is keras still part of tensorflow?',
  'help',
  'topics',
  'sources',
  '',
  'how do I debug a model in tensorflow',
];

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        rate: { type: 'string', default: '200' },
        seconds: { type: 'string', default: '30' },
        json: { type: 'boolean', default: false },
        knowledge: { type: 'string' },
        replicas: { type: 'string', default: '1' },
        'rolling-restart': { type: 'boolean', default: false },
        logs: { type: 'string' },
        balancer: { type: 'string', default: 'nginx' },
        'node-options': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
}

function positiveNumber(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} must be a positive number, not "${value}".`, USAGE);
  return number;
}

/** Milliseconds and rates to two decimals. */
const round = (value: number) => roundTo(value, 2);

interface Outcome {
  latencyMs: number;
  error: string | undefined;
}

/** A signed slash command over a keep-alive connection. */
function postSlashCommand(target: URL, agent: Agent, text: string): Promise<PostResponse> {
  const body = new URLSearchParams(slashCommandFields(text)).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return post(target, agent, body, {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
  });
}

async function sendOne(target: URL, agent: Agent, text: string, dueAt: number): Promise<Outcome> {
  try {
    const response = await postSlashCommand(target, agent, text);
    const latencyMs = performance.now() - dueAt;
    if (response.status !== 200) return { latencyMs, error: `HTTP ${response.status}` };
    const reply = JSON.parse(response.body) as { response_type?: unknown; blocks?: unknown };
    if (reply.response_type !== 'ephemeral' || !Array.isArray(reply.blocks) || reply.blocks.length === 0)
      return { latencyMs, error: 'ack without an answer' };
    return { latencyMs, error: undefined };
  } catch (error) {
    return { latencyMs: performance.now() - dueAt, error: (error as Error).message };
  }
}

/** Sends `total` requests at `rate` per second on a fixed schedule, without waiting for answers. */
async function sendAtRate(target: URL, agent: Agent, total: number, rate: number): Promise<Outcome[]> {
  const pending: Promise<Outcome>[] = [];
  const start = performance.now();
  for (let index = 0; index < total; index++) {
    const dueAt = start + (index * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(sendOne(target, agent, COMMAND_TEXTS[index % COMMAND_TEXTS.length]!, dueAt));
  }
  return Promise.all(pending);
}

async function main() {
  const { values } = parseCommandLine();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const rate = positiveNumber(values.rate, 'rate');
  const seconds = positiveNumber(values.seconds, 'seconds');
  const replicas = positiveNumber(values.replicas, 'replicas');
  if (!Number.isInteger(replicas)) throw new UsageError(`--replicas must be a whole number, not "${values.replicas}".`, USAGE);
  if (values['rolling-restart'] && replicas < 2) throw new UsageError('--rolling-restart needs --replicas 2 or more.', USAGE);
  if (values.balancer !== 'nginx' && values.balancer !== 'client')
    throw new UsageError(`--balancer must be nginx or client, not "${values.balancer}".`, USAGE);
  if (replicas > 1) {
    const results = await runReplicaBench({
      replicas,
      rate,
      seconds,
      rollingRestart: values['rolling-restart'],
      commandTexts: COMMAND_TEXTS,
      warmUpRequests: WARM_UP_REQUESTS,
      targetP99Ms: TARGET_P99_MS,
      knowledgeDir: values.knowledge,
      logDir: values.logs,
      balancer: values.balancer,
      replicaNodeOptions: values['node-options'],
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(results)}\n`);
    } else {
      const { latencyMs: l } = results;
      process.stdout.write(
        `${[
          `Slack over ${replicas} replicas (real bot processes running the compiled code as the image does, one PostgreSQL), ${results.balancer === 'nginx' ? 'behind deploy/nginx.conf on nginx' : 'round-robin balancer in this process'}, Web API stand-in on loopback${results.rollingRestart ? ', rolling restart during the load' : ''}`,
          `sent ${results.requests} in ${results.seconds} s (${results.achievedRate}/s, target ${rate}/s): ${results.slashCommands} slash commands, ${results.mentions} @mentions each delivered twice; errors: ${results.errors}${results.errors > 0 ? ` ${JSON.stringify(results.errorsByKind)}` : ''}${results.failovers === undefined ? '' : `; sent again to another replica: ${results.failovers}`}`,
          `slash command latency ms: p50 ${l.p50}  p90 ${l.p90}  p99 ${l.p99}  max ${l.max}`,
          `CPU ms per request: ${Object.entries(results.cpuMsPerRequest)
            .map(([part, ms]) => `${part} ${ms}`)
            .join(', ')}; ${results.coresBusy} of ${results.cores} cores busy with this bench`,
          `@mentions answered other than once: ${results.mentionsLost} lost, ${results.mentionsDoubled} doubled`,
          ...results.restarts.map((r) => `restarted replica ${r.replica + 1}: exit ${r.exitCode}, ready again after ${r.downSeconds} s`),
          `target p99 <= ${TARGET_P99_MS} ms, no errors, every @mention answered once: ${results.met ? 'met' : 'NOT met'}`,
        ].join('\n')}\n`,
      );
    }
    process.exitCode = results.met ? 0 : 1;
    return;
  }
  const engine = loadEngine(values.knowledge);
  const logger = createLogger('warn', { format: 'json' });

  const standIn = await SlackWebApiStandIn.start();
  const adapter = await startSlack({
    config: {
      mode: 'http',
      botToken: 'xoxb-bench',
      signingSecret: TEST_SIGNING_SECRET,
      appToken: undefined,
      port: 0,
      apiUrl: standIn.apiUrl,
    },
    engine,
    logger,
  });
  try {
    const target = new URL(`http://127.0.0.1:${adapter.port}/slack/events`);
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    await sendAtRate(target, agent, WARM_UP_REQUESTS, rate);

    const total = Math.round(rate * seconds);
    // Client and app share this process, so its event-loop delay and CPU use show whether slow
    // answers came from our own work or from the machine (other processes taking the CPU).
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    const outcomes = await sendAtRate(target, agent, total, rate);
    agent.destroy();
    const elapsedSeconds = (performance.now() - began) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();

    const latencies = outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    const errors: Record<string, number> = {};
    for (const { error } of outcomes) if (error !== undefined) errors[error] = (errors[error] ?? 0) + 1;
    const errorCount = Object.values(errors).reduce((sum, count) => sum + count, 0);
    const results = {
      requests: total,
      seconds: round(elapsedSeconds),
      achievedRate: round(total / elapsedSeconds),
      targetRate: rate,
      errors: errorCount,
      errorsByKind: errors,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p90: round(percentile(latencies, 90)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? 0),
      },
      eventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
      processCpuPercentOfOneCore: round(((cpu.user + cpu.system) / 1000 / (elapsedSeconds * 1000)) * 100),
      targetP99Ms: TARGET_P99_MS,
      met: errorCount === 0 && percentile(latencies, 99) <= TARGET_P99_MS,
      node: process.version,
    };

    if (values.json) {
      process.stdout.write(`${JSON.stringify(results)}\n`);
    } else {
      const { latencyMs: l } = results;
      process.stdout.write(
        `${[
          'Slack slash commands: real Bolt app (HTTP mode) and real engine, Web API stand-in on loopback',
          `sent ${results.requests} in ${results.seconds} s (${results.achievedRate}/s, target ${rate}/s); errors: ${errorCount}${errorCount > 0 ? ` ${JSON.stringify(errors)}` : ''}`,
          `latency ms: p50 ${l.p50}  p90 ${l.p90}  p99 ${l.p99}  max ${l.max}`,
          `this process: ${results.processCpuPercentOfOneCore}% of one core; event-loop delay ms p99 ${results.eventLoopDelayMs.p99}, max ${results.eventLoopDelayMs.max}`,
          `target p99 <= ${TARGET_P99_MS} ms and no errors: ${results.met ? 'met' : 'NOT met'}`,
        ].join('\n')}\n`,
      );
    }
    process.exitCode = results.met ? 0 : 1;
  } finally {
    await adapter.stop();
    await standIn.close();
  }
}

runEntryPoint(main);
