// Slack redelivers an event when it did not see our 200 within 3 seconds (x-slack-retry-num),
// and may deliver one twice anyway. Answering twice would post two identical replies, so events
// are remembered by event_id, which is stable across retries, for longer than Slack's retry
// window (about 5 minutes), in a cache bounded in both time and size.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import { SeenKeys } from '../seen-keys.js';
import { NO_OBSERVER, type AdapterObserver } from '../types.js';

export const EVENT_MEMORY_MS = 15 * 60 * 1000;
export const EVENT_MEMORY_SIZE = 10_000;

/** Global middleware: an Events API delivery whose event_id was already seen stops here. */
export function ignoreRepeatedEvents(
  logger: Logger,
  observer: AdapterObserver = NO_OBSERVER,
  seen = new SeenKeys({ max: EVENT_MEMORY_SIZE, ttlMs: EVENT_MEMORY_MS }),
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId =
      (body as { type?: unknown; event_id?: unknown }).type === 'event_callback' ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId === 'string' && !seen.add(eventId)) {
      observer.repeatIgnored();
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'ignored a repeated Slack event');
      return;
    }
    await next();
  };
}
