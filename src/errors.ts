// The one kind of error an operator fixes rather than a developer: a bad variable, a broken
// knowledge file, a platform refusing the token, a port in use. It carries the message meant
// for the operator and the exit code; `runEntryPoint` prints it without a stack trace.
// Anything else that escapes an entry point is a bug, and is reported as one.

export class OperatorError extends Error {
  constructor(
    message: string,
    /** 1 for a problem to fix, 2 for a wrong command line (the shell convention). */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'OperatorError';
  }
}
