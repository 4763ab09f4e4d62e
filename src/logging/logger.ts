// Structured logging with pino, always to stderr, so that commands whose stdout is their output
// (ask --json, kb:check --json) stay machine-readable. A person at a terminal gets pino-pretty's
// readable lines; anything else (a container, a pipe, a log shipper) gets one JSON object a line.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config/config.js';

export type { Logger };

export interface LoggerOptions {
  /** Unset: pretty when stderr is a terminal, JSON otherwise. */
  format?: LogFormat | undefined;
  name?: string;
}

export function createLogger(level: LogLevel, { format, name = 'pytorch-vs-tf' }: LoggerOptions = {}): Logger {
  const readable = (format ?? (process.stderr.isTTY ? 'pretty' : 'json')) === 'pretty';
  // Both streams write synchronously: a fatal line written just before process.exit must arrive.
  const destination = readable
    ? pretty({ destination: 2, sync: true, colorize: Boolean(process.stderr.isTTY), ignore: 'pid,hostname,name' })
    : pino.destination({ fd: 2, sync: true });
  return pino({ name, level, base: { pid: process.pid } }, destination);
}

/** A logger that drops everything: for tests and for library code used without one. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
