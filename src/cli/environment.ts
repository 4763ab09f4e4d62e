// Start-up helpers shared by the entry points: read .env and the environment once, validate it,
// and read the command line. Problems are thrown as OperatorErrors; runEntryPoint prints them.
import dotenv from 'dotenv';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseConfig, type AppConfig } from '../config/index.js';
import { OperatorError } from '../errors.js';

/** A wrong command line: the problem, then how to call the tool; exit code 2 by convention. */
export class UsageError extends OperatorError {
  constructor(message: string, usage: string) {
    super(`${message}\n\n${usage}`, 2);
    this.name = 'UsageError';
  }
}

/** The validated configuration, from .env (when present) and the environment. */
export function loadConfig(): AppConfig {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}

/** Command-line options, or a UsageError naming the problem. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message, usage);
  }
}
