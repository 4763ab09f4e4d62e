// A pino logger whose lines the test can read: the adapter's logs are part of its behaviour
// (failures are logged, feedback is logged as a structured line).
import { pino, type Logger } from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export interface CapturedLogs {
  logger: Logger;
  lines: LogLine[];
  /** Resolves with the first line (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(matches: (line: LogLine) => boolean, description: string, timeoutMs?: number): Promise<LogLine>;
}

export function captureLogs(): CapturedLogs {
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const logger = pino(
    { level: 'debug' },
    {
      write(chunk: string) {
        lines.push(JSON.parse(chunk) as LogLine);
        for (const waiter of [...waiters]) waiter();
      },
    },
  );
  return {
    logger,
    lines,
    waitFor(matches, description, timeoutMs = 4000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(matches);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No log line matched: ${description}\nLines: ${lines.map((line) => line.msg).join(' | ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}
