import { OperatorError } from '../errors.js';

// What every platform adapter hands back to the entry point, so it can stop them all on SIGTERM
// and report readiness.
export interface RunningAdapter {
  /** "slack" or "discord", for logs. */
  readonly name: string;
  /** True while the platform can reach the bot (gateway or socket connected, or HTTP listening). */
  isConnected(): boolean;
  stop(): Promise<void>;
}

/** What the entry point counts for its metrics. Calls are cheap and synchronous. */
export interface AdapterObserver {
  /** A call to the platform's API failed: an HTTP error status, or no answer at all. */
  apiError(): void;
  /** A delivery the platform repeated (a retry or a replay) was recognised and not answered again. */
  repeatIgnored(): void;
}

export const NO_OBSERVER: AdapterObserver = { apiError: () => undefined, repeatIgnored: () => undefined };

/** A start-up failure the operator can fix (bad token, port in use): printed as one clear line. */
export class AdapterStartError extends OperatorError {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(`Could not start ${platform}: ${message}`);
    this.name = 'AdapterStartError';
  }
}
