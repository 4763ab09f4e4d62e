// Bolt, its receivers and its Web API client log through this, so every Slack log line is a
// structured pino line at the project's log level instead of Bolt's own console output.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';

type PinoMethod = 'debug' | 'info' | 'warn' | 'error';

function boltLevelOf(logger: Logger): LogLevel {
  if (logger.isLevelEnabled('debug')) return LogLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return LogLevel.INFO;
  if (logger.isLevelEnabled('warn')) return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function createBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'slack' });
  // Bolt logs as console.log does (several values, errors among them); pino wants one object and one message.
  const write = (method: PinoMethod, values: unknown[]) => {
    if (!child.isLevelEnabled(method)) return;
    const error = values.find((value): value is Error => value instanceof Error);
    const message = values
      .filter((value) => value !== error)
      .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
      .join(' ');
    if (error !== undefined) child[method]({ err: error }, message || error.message);
    else child[method](message);
  };
  return {
    debug: (...values: unknown[]) => write('debug', values),
    info: (...values: unknown[]) => write('info', values),
    warn: (...values: unknown[]) => write('warn', values),
    error: (...values: unknown[]) => write('error', values),
    // The level comes from LOG_LEVEL; Bolt's attempts to change it are ignored.
    setLevel: () => {},
    getLevel: () => boltLevelOf(child),
    setName: (name: string) => {
      child = logger.child({ component: 'slack', name });
    },
  };
}
