// `npm start`: validates the environment, loads the knowledge, and starts every configured
// platform (Slack, Discord or both) with /healthz, /readyz and /metrics on PORT. With none
// configured it opens the local terminal chat when run in a terminal, and otherwise says which
// variables to set. SIGTERM and SIGINT stop it cleanly; SIGHUP reloads the knowledge.
import type { RunningBot } from './app/bot.js';
import { logCrashesWith, runEntryPoint } from './app/entry-point.js';
import { runChat } from './cli/chat-session.js';
import { loadConfig } from './cli/environment.js';
import { loadEngine } from './cli/load-engine.js';
import { outputWidth } from './cli/terminal.js';
import { OperatorError } from './errors.js';
import { createLogger, type Logger } from './logging/logger.js';
import { wrap } from './render/text/index.js';

/** Beyond the drain's grace: how long closing the connections may take before the process exits anyway. */
const CLOSE_MARGIN_MS = 5_000;

/**
 * Installed before the platforms start, so that a SIGTERM during a slow start still stops the bot.
 * SIGTERM and SIGINT drain and exit 0; a fatal platform failure drains and exits 1, so that a
 * supervisor restarts the bot (and the operator sees why).
 */
function handleSignals(logger: Logger, graceMs: number): { started(bot: RunningBot): void; fatal(reason: string): void } {
  let bot: RunningBot | undefined;
  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, graceMs }, 'shutting down: finishing the replies in flight');
    const timer = setTimeout(() => {
      logger.warn('the bot did not stop in time; exiting anyway');
      process.exit(1);
    }, graceMs + CLOSE_MARGIN_MS);
    timer.unref();
    const outcome = await bot?.stop(graceMs);
    logger.info({ undelivered: outcome?.undelivered ?? 0 }, 'stopped');
    process.exit(exitCode);
  };
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGHUP', () => {
    if (bot) bot.knowledge.reload('SIGHUP');
    else logger.warn('SIGHUP before the bot finished starting: nothing to reload yet');
  });
  return {
    started(running) {
      bot = running;
    },
    fatal(reason) {
      logger.fatal({ reason }, 'a platform stopped for good; exiting with code 1 so that the supervisor restarts the bot');
      void stop(reason, 1);
    },
  };
}

const NOTHING_CONFIGURED = `No chat platform is configured, and this is not an interactive terminal.
Set the variables for at least one platform (see .env.example and the README):
  Slack, Socket Mode:  SLACK_BOT_TOKEN and SLACK_APP_TOKEN
  Slack, HTTP mode:    SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (and PORT)
  Discord:             DISCORD_TOKEN
Or run \`npm run chat\` in a terminal for the local chat.`;

runEntryPoint(async () => {
  const config = loadConfig();
  if (!config.slack && !config.discord) {
    // The knowledge is checked first: a broken knowledge base is the more urgent message.
    const engine = loadEngine(config.knowledgeDir);
    if (!process.stdin.isTTY || !process.stdout.isTTY) throw new OperatorError(NOTHING_CONFIGURED, 2);
    const width = outputWidth(process.stdout, process.env);
    process.stdout.write(
      `${wrap('No Slack or Discord tokens are set, so this is the local terminal chat (see README to connect a platform).', width)}\n`,
    );
    await runChat(engine, { input: process.stdin, output: process.stdout, interactive: true, width });
    return;
  }
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  logCrashesWith(logger);
  const signals = handleSignals(logger, config.shutdownGraceMs);
  // Loaded only now: Bolt, discord.js and the store take about a second of CPU to load, which a
  // configuration error or the local chat never needs.
  const { startBot } = await import('./app/bot.js');
  signals.started(await startBot(config, logger, { onFatal: (reason) => signals.fatal(reason) }));
});
