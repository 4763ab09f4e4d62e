// Start-up helpers shared by the entry points: read .env and the environment once, validate it,
// and stop with one clear message (never a stack trace) when something is wrong.
import dotenv from 'dotenv';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, parseConfig, type AppConfig } from '../config/index.js';

export function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

/** The validated configuration, from .env (when present) and the environment. */
export function loadConfigOrExit(): AppConfig {
  dotenv.config({ quiet: true });
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Prints a usage error the way CLI users expect: the problem, then how to call the tool. */
export function exitWithUsageError(message: string, usage: string): never {
  return fail(`${message}\n\n${usage}`, 2);
}

/** Command-line options, or the problem and the usage on stderr with exit code 2. */
export function parseArgsOrExit<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return exitWithUsageError((error as Error).message, usage);
  }
}
