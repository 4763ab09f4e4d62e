// `npm start`: validates the environment, loads the knowledge, and starts every configured
// platform (Slack, Discord or both). With none configured it opens the local terminal chat when
// run in a terminal, and otherwise says which variables to set. SIGTERM/SIGINT stop it cleanly.
import { AdapterStartError, type RunningAdapter } from './adapters/types.js';
import type { AppConfig } from './config/index.js';
import { createEngine, type Engine } from './engine/index.js';
import { defaultKnowledgeDir } from './knowledge/index.js';
import { createLogger, type Logger } from './logging/logger.js';
import { runChat } from './cli/chat-session.js';
import { fail, loadConfigOrExit } from './cli/environment.js';
import { loadKnowledgeOrExit } from './cli/load-engine.js';

/** How long adapters get to finish in-flight replies before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

function createEngineOrExit(config: AppConfig, logger: Logger): Engine {
  const started = performance.now();
  const engine = createEngine(loadKnowledgeOrExit(config.knowledgeDir ?? defaultKnowledgeDir()));
  logger.debug({ ms: Math.round(performance.now() - started), faq: engine.knowledge.faq.length }, 'knowledge loaded');
  return engine;
}

async function startPlatforms(config: AppConfig, engine: Engine, logger: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  try {
    if (config.slack) {
      const { startSlack } = await import('./adapters/slack/index.js');
      running.push(await startSlack({ config: config.slack, engine, logger: logger.child({ platform: 'slack' }) }));
    }
    if (config.discord) {
      const { startDiscord } = await import('./adapters/discord/index.js');
      running.push(await startDiscord({ config: config.discord, engine, logger: logger.child({ platform: 'discord' }) }));
    }
  } catch (error) {
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    if (error instanceof AdapterStartError) fail(`Could not start ${error.platform}: ${error.message}`);
    throw error;
  }
  return running;
}

function stopOnSignals(running: RunningAdapter[], logger: Logger) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.warn('adapters did not stop in time; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

const NOTHING_CONFIGURED = `No chat platform is configured, and this is not an interactive terminal.
Set the variables for at least one platform (see .env.example and the README):
  Slack, Socket Mode:  SLACK_BOT_TOKEN and SLACK_APP_TOKEN
  Slack, HTTP mode:    SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (and PORT)
  Discord:             DISCORD_TOKEN
Or run \`npm run chat\` in a terminal for the local chat.`;

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const engine = createEngineOrExit(config, logger);

  if (!config.slack && !config.discord) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) fail(NOTHING_CONFIGURED, 2);
    process.stdout.write('No Slack or Discord tokens are set, so this is the local terminal chat (see README to connect a platform).\n');
    await runChat(engine, { input: process.stdin, output: process.stdout, interactive: true });
    return;
  }

  // A bug in one handler must not take the bot down for everyone: log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  const running = await startPlatforms(config, engine, logger);
  stopOnSignals(running, logger);
  logger.info({ platforms: running.map((adapter) => adapter.name) }, 'pytorch-vs-tf is running');
}

await main();
