// `npm run bench:slack -- --replicas 2`: the pair (or more) as production runs it. Each replica is
// a real bot process (Slack HTTP mode), all sharing one real PostgreSQL that this bench
// starts (test/support/postgres.ts), against the Web API stand-in on loopback. Requests go
// through the shipped load balancer, deploy/nginx.conf run by a real nginx on loopback
// (test/support/nginx.ts; Debian's nginx-light): round robin, a connection refused (a replica
// restarting) or a 503 (a replica draining or starting, before any work) goes to the other
// replica, and a POST that reached a replica is never sent twice. `--balancer client` plays the
// balancer in this process instead, the same rules, for a machine without nginx.
//
// Besides the slash commands (answered in the acknowledgement, timed), every tenth request is an
// @mention event, delivered twice the way Slack retries (the retry to whichever replica the
// balancer picks next), so the shared dedupe is exercised under load. At the end every mention
// must have exactly one answer posted: none lost, none doubled.
//
// The replicas run the compiled code, as the image does (`tsc -p tsconfig.build.json`, then
// `node main.js`), built once into node_modules/.cache: under tsx each start would compile the
// sources again, which is not what a deploy pays, and on two cores slows the replica serving
// meanwhile.
//
// --rolling-restart restarts the replicas one after the other during the load (SIGTERM, wait for
// the drain and exit, start a new process on the same port, wait until it is ready, then the
// next), as a deploy does.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { percentile, round as roundTo } from './stats.js';
import { post } from './http-post.js';
import { cpuSpent, descendantsCpu } from './process-cpu.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startBotProcess, type BotProcess } from '../test/support/bot-process.js';
import { type Nginx, startNginx } from '../test/support/nginx.js';
import { startPostgres } from '../test/support/postgres.js';
import { appMention, eventCallback, slackSignature, slashCommandFields, TEST_SIGNING_SECRET } from '../test/support/slack/requests.js';
import { DEFAULT_BOT, SlackWebApiStandIn } from '../test/support/slack/web-api-stand-in.js';

export interface ReplicaBenchOptions {
  replicas: number;
  rate: number;
  seconds: number;
  rollingRestart: boolean;
  commandTexts: readonly string[];
  warmUpRequests: number;
  targetP99Ms: number;
  knowledgeDir: string | undefined;
  /** Where to write each replica's log (JSON lines), for looking into a run. */
  logDir: string | undefined;
  /** The shipped nginx configuration on a real nginx, or a balancer in this process with the same rules. */
  balancer: 'nginx' | 'client';
  /** NODE_OPTIONS for the replicas (e.g. garbage-collector settings to compare). */
  replicaNodeOptions: string | undefined;
}

interface Replica {
  index: number;
  port: number;
  process: BotProcess;
  agent: Agent;
}

interface Sent {
  status: number;
  body: string;
  /** How many replicas refused it before one took it (known with the client balancer only). */
  failovers: number;
}

interface Outcome {
  kind: 'command' | 'event';
  latencyMs: number;
  error: string | undefined;
  failovers: number;
}

const EVENT_EVERY = 10;
/** Milliseconds and rates to two decimals. */
const round = (value: number) => roundTo(value, 2);

/**
 * Round robin over the replicas, the rules of deploy/nginx.conf: a connection refused (nothing
 * sent) or a 503 (a refusal before any work) goes to the next replica; a request that reached a
 * replica and then failed is not sent again.
 */
function clientBalancer(replicas: Replica[]) {
  let next = 0;
  return async (body: string, headers: Record<string, string>): Promise<Sent> => {
    let last: Sent | undefined;
    const first = next++;
    for (let attempt = 0; attempt < replicas.length; attempt++) {
      const replica = replicas[(first + attempt) % replicas.length]!;
      try {
        const response = await post(new URL('/slack/events', `http://127.0.0.1:${replica.port}`), replica.agent, body, headers);
        if (response.status !== 503) return { ...response, failovers: attempt };
        last = { ...response, failovers: attempt };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
      }
    }
    if (last) return last;
    throw new Error('every replica refused the connection');
  };
}

/** Through nginx, on one keep-alive agent. */
function nginxBalancer(nginx: Nginx) {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const target = new URL('/slack/events', nginx.baseUrl);
  return {
    agent,
    send: async (body: string, headers: Record<string, string>): Promise<Sent> => ({
      ...(await post(target, agent, body, headers)),
      failovers: 0,
    }),
  };
}

function signedHeaders(body: string, contentType: string, timestamp: number, extra: Record<string, string> = {}) {
  return {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    ...extra,
  };
}

const projectRoot = join(import.meta.dirname, '..');

/** Compiles src/ the way the Dockerfile does; returns the main.js to run. */
function buildLikeTheImage(): string {
  const outDir = join(projectRoot, 'node_modules', '.cache', 'pytorch-vs-tf', 'bench-dist');
  rmSync(outDir, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) throw new Error(`compiling src/ failed:\n${tsc.stdout}${tsc.stderr}`);
  return join(outDir, 'main.js');
}

export async function runReplicaBench(options: ReplicaBenchOptions) {
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const compiledMain = buildLikeTheImage();
  const postgres = await startPostgres();
  const standIn = await SlackWebApiStandIn.start();
  const replicas: Replica[] = [];
  let nginx: Nginx | undefined;
  let nginxAgent: Agent | undefined;
  const keepLog = (replica: Replica) => {
    if (options.logDir) appendFileSync(join(options.logDir, `replica-${replica.index + 1}.log`), replica.process.stderr());
  };
  try {
    const databaseUrl = await postgres.createDatabase('bench');
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: options.logDir ? 'info' : 'warn',
      NODE_ENV: 'production',
      ...(options.replicaNodeOptions ? { NODE_OPTIONS: options.replicaNodeOptions } : {}),
      ...(options.knowledgeDir ? { KNOWLEDGE_DIR: options.knowledgeDir } : {}),
    };
    const start = async (index: number, port?: number): Promise<Replica> => {
      const process = await startBotProcess(env, port === undefined ? { compiledMain } : { port, compiledMain });
      await process.ready(120_000);
      return { index, port: process.port, process, agent: new Agent({ keepAlive: true, maxSockets: 64 }) };
    };
    for (let index = 0; index < options.replicas; index++) replicas.push(await start(index));
    let send = clientBalancer(replicas);
    if (options.balancer === 'nginx') {
      nginx = await startNginx(replicas.map((replica) => replica.port));
      const balancer = nginxBalancer(nginx);
      nginxAgent = balancer.agent;
      send = balancer.send;
    }

    const mentions: string[] = [];
    const sendCommand = async (text: string, dueAt: number): Promise<Outcome> => {
      const body = new URLSearchParams(slashCommandFields(text)).toString();
      try {
        const sent = await send(body, signedHeaders(body, 'application/x-www-form-urlencoded', Math.floor(Date.now() / 1000)));
        const latencyMs = performance.now() - dueAt;
        if (sent.status !== 200) return { kind: 'command', latencyMs, error: `HTTP ${sent.status}`, failovers: sent.failovers };
        const reply = JSON.parse(sent.body) as { blocks?: unknown };
        const answered = Array.isArray(reply.blocks) && reply.blocks.length > 0;
        return { kind: 'command', latencyMs, error: answered ? undefined : 'ack without an answer', failovers: sent.failovers };
      } catch (error) {
        return { kind: 'command', latencyMs: performance.now() - dueAt, error: (error as Error).message, failovers: 0 };
      }
    };
    // An @mention, and Slack's retry of it a moment later (a new timestamp, so a new signature).
    const sendMention = async (text: string, dueAt: number, sequence: number): Promise<Outcome> => {
      const mention = appMention(`<@${DEFAULT_BOT.userId}> ${text}`);
      mentions.push(mention.ts as string);
      const eventId = `EvBENCH${sequence.toString(36).toUpperCase()}`;
      const body = JSON.stringify(eventCallback(mention, eventId));
      try {
        const now = Math.floor(Date.now() / 1000);
        const [original, retry] = await Promise.all([
          send(body, signedHeaders(body, 'application/json', now)),
          send(
            body,
            signedHeaders(body, 'application/json', now + 1, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
          ),
        ]);
        const latencyMs = performance.now() - dueAt;
        const failed = [original, retry].find((sent) => sent.status !== 200);
        return {
          kind: 'event',
          latencyMs,
          error: failed ? `HTTP ${failed.status}` : undefined,
          failovers: original.failovers + retry.failovers,
        };
      } catch (error) {
        return { kind: 'event', latencyMs: performance.now() - dueAt, error: (error as Error).message, failovers: 0 };
      }
    };

    let sequence = 0;
    const sendAtRate = async (total: number, withMentions: boolean): Promise<Outcome[]> => {
      const pending: Promise<Outcome>[] = [];
      const began = performance.now();
      for (let index = 0; index < total; index++) {
        const dueAt = began + (index * 1000) / options.rate;
        const wait = dueAt - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const text = options.commandTexts[index % options.commandTexts.length]!;
        pending.push(
          withMentions && index % EVENT_EVERY === EVENT_EVERY - 1
            ? sendMention(text || 'what is jax?', dueAt, ++sequence)
            : sendCommand(text, dueAt),
        );
      }
      return Promise.all(pending);
    };

    await sendAtRate(options.warmUpRequests, false);

    const restarts: { replica: number; exitCode: number | null; downSeconds: number }[] = [];
    const rollingRestart = async () => {
      await new Promise((resolve) => setTimeout(resolve, (options.seconds * 1000) / 4));
      for (const [position, replica] of replicas.entries()) {
        const stoppedAt = performance.now();
        replica.process.child.kill('SIGTERM');
        const exitCode = await replica.process.exited;
        keepLog(replica);
        replica.agent.destroy();
        replicas[position] = await start(replica.index, replica.port);
        restarts.push({ replica: replica.index, exitCode, downSeconds: round((performance.now() - stoppedAt) / 1000) });
      }
    };

    const total = Math.round(options.rate * options.seconds);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = descendantsCpu();
    const clientCpuBefore = process.cpuUsage();
    const began = performance.now();
    const [outcomes] = await Promise.all([sendAtRate(total, true), options.rollingRestart ? rollingRestart() : Promise.resolve()]);
    const elapsedSeconds = (performance.now() - began) / 1000;
    loopDelay.disable();
    // Where the machine's time went during the load: CPU seconds of each part (a replica that
    // stopped during a rolling restart is missing from it).
    const replicaPids = new Set(replicas.map((replica) => replica.process.child.pid));
    const cpu = cpuSpent(cpuBefore, descendantsCpu(), (pid, name) =>
      replicaPids.has(pid) ? 'replicas' : name === 'postgres' ? 'postgres' : name === 'nginx' ? 'nginx' : undefined,
    );
    const clientCpu = process.cpuUsage(clientCpuBefore);
    cpu.client = (clientCpu.user + clientCpu.system) / 1e6;
    const cpuTotal = Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);

    // Every mention answered exactly once: wait until the posts stop coming (answers are posted
    // after the acknowledgement), then count them per thread.
    const answersByThread = () => {
      const counts = new Map<string, number>();
      for (const call of standIn.callsTo('chat.postMessage')) {
        if (!call.answered || call.failedWith !== undefined) continue;
        const thread = String(call.params.thread_ts);
        counts.set(thread, (counts.get(thread) ?? 0) + 1);
      }
      return counts;
    };
    let settled = -1;
    for (let waited = 0; waited < 30_000; waited += 1_000) {
      const count = standIn.callsTo('chat.postMessage').length;
      if (count === settled && answersByThread().size >= mentions.length) break;
      settled = count;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const answers = answersByThread();
    const lost = mentions.filter((ts) => (answers.get(ts) ?? 0) === 0).length;
    const doubled = mentions.filter((ts) => (answers.get(ts) ?? 0) > 1).length;

    const commands = outcomes.filter((outcome) => outcome.kind === 'command');
    const latencies = commands.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    const errors: Record<string, number> = {};
    for (const { error } of outcomes) if (error !== undefined) errors[error] = (errors[error] ?? 0) + 1;
    const errorCount = Object.values(errors).reduce((sum, count) => sum + count, 0);
    const p99 = percentile(latencies, 99);
    return {
      replicas: options.replicas,
      balancer: options.balancer,
      rollingRestart: options.rollingRestart,
      requests: total,
      slashCommands: commands.length,
      mentions: mentions.length,
      seconds: round(elapsedSeconds),
      achievedRate: round(total / elapsedSeconds),
      targetRate: options.rate,
      errors: errorCount,
      errorsByKind: errors,
      // nginx does not say which requests it sent to another replica.
      failovers: options.balancer === 'client' ? outcomes.reduce((sum, outcome) => sum + outcome.failovers, 0) : undefined,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p90: round(percentile(latencies, 90)),
        p99: round(p99),
        max: round(latencies.at(-1) ?? 0),
      },
      cpuMsPerRequest: Object.fromEntries(
        Object.entries({ ...cpu, total: cpuTotal }).map(([part, seconds]) => [part, round((seconds * 1000) / total)]),
      ),
      /** Cores busy on average during the load (this machine's parts only; other processes not counted). */
      coresBusy: round(cpuTotal / elapsedSeconds),
      cores: availableParallelism(),
      mentionsLost: lost,
      mentionsDoubled: doubled,
      restarts,
      clientEventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
      targetP99Ms: options.targetP99Ms,
      met: errorCount === 0 && lost === 0 && doubled === 0 && p99 <= options.targetP99Ms,
      node: process.version,
    };
  } finally {
    nginxAgent?.destroy();
    // nginx's error log says why a request failed (502: which replica, what broke).
    if (options.logDir && nginx) writeFileSync(join(options.logDir, 'nginx-error.log'), nginx.errorLog());
    await nginx?.stop();
    for (const replica of replicas) {
      replica.agent.destroy();
      replica.process.child.kill('SIGTERM');
    }
    await Promise.all(replicas.map((replica) => Promise.race([replica.process.exited, new Promise((r) => setTimeout(r, 40_000))])));
    for (const replica of replicas) replica.process.kill();
    for (const replica of replicas) keepLog(replica);
    await standIn.close();
    await postgres.destroy();
  }
}
