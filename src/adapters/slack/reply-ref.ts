// Where the reply to a Slack request was going: the channel, and the id that finds the request
// in Slack's logs and ours (the event id of an event, the trigger id of a command or a click).
// Logged with every reply that could not be delivered.
import type { ReplyRef } from '../in-flight.js';

type Fields = Record<string, unknown> | undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function replyRefOf(body: unknown): ReplyRef {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const event = fields.event as Fields;
  const channel =
    text(event?.channel) ??
    text(fields.channel_id) ??
    text((fields.channel as Fields)?.id) ??
    text((fields.container as Fields)?.channel_id) ??
    text(event?.user);
  return {
    platform: 'slack',
    channel,
    eventId: text(fields.event_id) ?? text(fields.trigger_id),
    messageId: text(event?.ts) ?? text((fields.container as Fields)?.message_ts),
  };
}
