// Slack redelivers an event when it did not see our 200 within 3 seconds (x-slack-retry-num),
// and may deliver one twice anyway; behind a load balancer the copies can reach different
// replicas. Answering twice would post two identical replies, so every event is claimed by its
// event_id (stable across retries) in the shared claims, for longer than Slack's retry window
// (about 5 minutes), with no limit on how many are remembered.
// A message can also arrive as two events: a DM that @mentions the bot is both a `message.im`
// and an `app_mention`, with different event ids. The message itself (channel and ts) is
// claimed too, so it is answered once whichever event comes first.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import { claimOrAllow, inMemoryClaims, NO_OBSERVER, type AdapterObserver, type ClaimOnce } from '../types.js';

export const EVENT_MEMORY_MS = 15 * 60 * 1000;

interface EventEnvelope {
  type?: unknown;
  event_id?: unknown;
  event?: { type?: unknown; subtype?: unknown; channel?: unknown; channel_type?: unknown; ts?: unknown };
}

/** The message an event is about, when it is a question someone typed (not an edit or a join). */
function messageKeyOf(event: EventEnvelope['event']): string | undefined {
  if (event === undefined || event.subtype !== undefined) return undefined;
  const answered = event.type === 'app_mention' || (event.type === 'message' && event.channel_type === 'im');
  if (!answered) return undefined;
  if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return undefined;
  return `slack:message:${event.channel}:${event.ts}`;
}

/** Global middleware: an Events API delivery already claimed (by this replica or another) stops here. */
export function ignoreRepeatedEvents(
  logger: Logger,
  observer: AdapterObserver = NO_OBSERVER,
  claims: ClaimOnce = inMemoryClaims(),
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as EventEnvelope;
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string') {
      const eventId = envelope.event_id;
      const messageKey = messageKeyOf(envelope.event);
      // One after the other: only the delivery that won the event goes on to claim the message
      // (claimed at once, a delivery and its retry could each win one, and neither answer).
      // When the shared store cannot answer at all, a first delivery is answered (no other
      // replica has it unless Slack retries it, and then the retry is refused), and a retry is
      // not (its first delivery reached some replica, which has most likely answered it).
      const ifUnavailable = typeof context.retryNum === 'number' && context.retryNum > 0 ? 'refuse' : 'grant';
      const fresh =
        (await claimOrAllow(claims, `slack:event:${eventId}`, EVENT_MEMORY_MS, logger, { ifUnavailable })) &&
        (messageKey === undefined || (await claimOrAllow(claims, messageKey, EVENT_MEMORY_MS, logger, { ifUnavailable })));
      if (!fresh) {
        observer.repeatIgnored();
        logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'ignored a repeated Slack event');
        return;
      }
    }
    await next();
  };
}
