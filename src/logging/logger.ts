// Structured logging with pino. Logs always go to stderr, so that commands whose stdout is
// their output (ask --json, kb:check --json) stay machine-readable.
import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/config.js';

export type { Logger };

export function createLogger(level: LogLevel, name = 'pytorch-vs-tf'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything: for tests and for library code used without one. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
