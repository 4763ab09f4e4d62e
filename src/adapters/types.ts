// What every platform adapter hands back to the entry point, so it can stop them all on SIGTERM.
export interface RunningAdapter {
  /** "slack" or "discord", for logs. */
  readonly name: string;
  stop(): Promise<void>;
}

/** A start-up failure the operator can fix (bad token, port in use): printed as one clear line. */
export class AdapterStartError extends Error {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdapterStartError';
  }
}
