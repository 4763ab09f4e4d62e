// Every entry point (npm start, ask, chat, kb:check, eval, discord:register, the healthcheck)
// runs its main function through runEntryPoint, which decides once how a run ends:
// - an OperatorError (bad configuration, broken knowledge, a platform refusing to start, a wrong
//   command line) prints its message, without a stack trace, and exits with its code;
// - any other error is a bug: it is reported with its stack and the process exits with 1;
// - an uncaught exception or unhandled rejection, at any time, is logged and ends the process.
//   Node's documentation warns that carrying on after one is unsafe; a supervisor (Docker's
//   restart policy, compose, systemd) starts a fresh process instead.
import type { Logger } from '../logging/logger.js';
import { OperatorError } from '../errors.js';

let crashLogger: Logger | undefined;

/** From now on, crashes are logged through this logger (structured, for the bot's log pipeline). */
export function logCrashesWith(logger: Logger): void {
  crashLogger = logger;
}

function crash(what: string, error: unknown): never {
  if (crashLogger) crashLogger.fatal({ err: error }, `${what}; exiting so that a fresh process takes over`);
  else process.stderr.write(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

let installed = false;

/**
 * Installs the handling described above for the whole process. runEntryPoint calls it; a script
 * written as top-level statements calls it first, and an OperatorError it throws ends the same way.
 */
export function handleEntryPointErrors(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error) => endWith(error));
  process.on('unhandledRejection', (reason) => endWith(reason));
  endQuietlyOnClosedPipe();
}

/** Prints what the operator must fix and exits with the error's code; anything else is a crash. */
export function endWith(error: unknown): never {
  if (error instanceof OperatorError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  return crash('uncaught exception', error);
}

/**
 * `ask --json --batch < questions | head`: once the reader has gone, writing fails with EPIPE.
 * That is the reader saying "enough", not an error: stop without a word.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

/**
 * Runs `main`. When it returns, the process ends by itself once nothing is left to do (a server
 * or an open terminal keeps it alive); when it throws, see above.
 */
export function runEntryPoint(main: () => unknown): void {
  handleEntryPointErrors();
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => endWith(error));
}
