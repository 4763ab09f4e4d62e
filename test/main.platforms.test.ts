// `npm start` with both platforms configured, as an operator runs it: the real entry point in a
// child process, the real Bolt and discord.js inside, local stand-ins of Slack and Discord.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordStandIn, discordUser, IDS } from './support/discord/stand-in.js';
import { appMention, SlackRequestSender, TEST_SIGNING_SECRET } from './support/slack/requests.js';
import { nodeArgumentsFor } from './support/run-script.js';
import { SlackWebApiStandIn } from './support/slack/web-api-stand-in.js';
import { freePort } from './support/ports.js';

const root = join(import.meta.dirname, '..');

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, limitMs = 45_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start with Slack (HTTP mode) and Discord configured', () => {
  let slack: SlackWebApiStandIn;
  let discord: DiscordStandIn;
  let bot: ChildProcess;
  let port: number;
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => {
    beforeAll(async () => {
      slack = await SlackWebApiStandIn.start();
      discord = await DiscordStandIn.start();
      port = await freePort();
      bot = spawn(process.execPath, nodeArgumentsFor('src/main.ts'), {
        cwd: mkdtempSync(join(tmpdir(), 'pvt-start-')),
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'warn',
          SLACK_BOT_TOKEN: 'xoxb-test-token',
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          DISCORD_TOKEN: discord.token,
          DISCORD_API_URL: discord.apiUrl,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      bot.stderr!.on('data', (chunk) => (stderr += chunk));
      bot.on('exit', (code) => resolve(code));
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 'the Slack health check');
      await discord.waitForGateway(() => discord.identifies.length > 0, 'the Discord identify', 45_000);
    }, 60_000);
  });

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill('SIGKILL');
    await discord?.close();
    await slack?.close();
  });

  it('checked the Slack token with auth.test against SLACK_API_URL', () => {
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('answers a signed slash command in the acknowledgement', async () => {
    const response = await new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`).slashCommand('is tflite still a thing?');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json)).toMatch(/LiteRT/);
  });

  it('refuses a forged Slack request with 401', async () => {
    const response = await new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, 'wrong-secret').slashCommand('hi');
    expect(response.status).toBe(401);
  });

  it('answers a Slack mention in a thread', async () => {
    await new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`).event(
      appMention('<@UBOT0001> what is torchscript', { ts: '1700000000.000100' }),
    );
    const post = await slack.waitUntil(() => slack.callsTo('chat.postMessage')[0], 'a chat.postMessage');
    expect(post.params).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(JSON.stringify(post.params)).toMatch(/torch\.export/);
  });

  it('answers a Discord mention as a reply, pinging nobody', async () => {
    const asker = discordUser('600000000000000001', 'asker');
    const messageId = discord.sendMessage({ author: asker, content: `<@${IDS.bot}> what is jax @everyone`, mentions: [discord.botUser] });
    const reply = await discord.waitForReplyTo(messageId);
    expect(JSON.stringify(reply.body)).toMatch(/JAX/);
    expect((reply.body as { allowed_mentions?: unknown }).allowed_mentions).toMatchObject({ parse: [] });
  });

  it('is ready once Slack listens and Discord is connected, on the same port as Slack', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, knowledgeLoaded: true, platforms: { slack: true, discord: true } });
  });

  it('counts the questions it answered by platform and outcome in /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(text).toMatch(/^pytorch_vs_tf_questions_total\{platform="slack",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^pytorch_vs_tf_questions_total\{platform="discord",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^pytorch_vs_tf_answer_duration_seconds_count\{platform="slack"\} [1-9]/m);
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/unhandled|uncaught/i);
  }, 15_000);
});

describe('npm start with Discord alone, as an operator runs it', () => {
  let discord: DiscordStandIn;
  let npm: ChildProcess;
  let port: number;
  let knowledgeDir: string;
  let stderr = '';
  const logLines = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const exited = new Promise<number | null>((resolve) => {
    beforeAll(async () => {
      discord = await DiscordStandIn.start();
      port = await freePort();
      knowledgeDir = join(mkdtempSync(join(tmpdir(), 'pvt-kb-')), 'knowledge');
      cpSync(join(root, 'knowledge'), knowledgeDir, { recursive: true });
      // Through npm, as the README says: npm must pass SIGTERM on to the bot.
      npm = spawn('npm', ['start', '--silent'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? tmpdir(),
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
          PORT: String(port),
          KNOWLEDGE_DIR: knowledgeDir,
          KNOWLEDGE_WATCH: 'false',
          // npm runs in the repository; the store must not: a database left by an earlier run
          // remembers its messages and cooldowns, and the bot would rightly not answer twice.
          DATA_DIR: join(dirname(knowledgeDir), 'data'),
          DISCORD_TOKEN: discord.token,
          DISCORD_API_URL: discord.apiUrl,
          // Blank, so that a developer's own .env cannot add a platform to this test.
          SLACK_BOT_TOKEN: '',
          SLACK_APP_TOKEN: '',
          SLACK_SIGNING_SECRET: '',
          SLACK_API_URL: '',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      npm.stderr!.on('data', (chunk) => (stderr += chunk));
      npm.on('exit', (code) => resolve(code));
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined), 'the bot to be ready');
    }, 60_000);
  });

  afterAll(async () => {
    if (npm.exitCode === null) npm.kill('SIGKILL');
    await discord?.close();
  });

  it('serves /healthz and /readyz on PORT without Slack, ready once the gateway is connected', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({
      ready: true,
      knowledgeLoaded: true,
      platforms: { discord: true },
    });
  });

  it('on SIGHUP, refuses a broken knowledge edit, logs the problem with its file, and keeps answering', async () => {
    const pid = Number(logLines()[0]?.pid);
    writeFileSync(join(knowledgeDir, 'topics', 'hardware.yaml'), 'id: hardware\ntitle: [unclosed\n');
    process.kill(pid, 'SIGHUP');
    await waitFor(async () => logLines().find((line) => line.event === 'knowledge-rejected'), 'the reload to be refused');
    expect(logLines().find((line) => line.event === 'knowledge-problem')).toMatchObject({ file: 'knowledge/topics/hardware.yaml' });
    const asker = discordUser('600000000000000002', 'asker');
    const messageId = discord.sendMessage({
      author: asker,
      content: `<@${IDS.bot}> does pytorch run on TPUs`,
      mentions: [discord.botUser],
    });
    expect(JSON.stringify((await discord.waitForReplyTo(messageId)).body)).toMatch(/TPU/);
  });

  it('stops on SIGTERM sent to npm: the bot exits and frees its port', async () => {
    npm.kill('SIGTERM');
    await exited;
    expect(logLines().some((line) => line.msg === 'stopped')).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 15_000);
});
