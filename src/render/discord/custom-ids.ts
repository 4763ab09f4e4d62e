// What a button carries back when it is clicked. Discord gives a button only 100 characters of
// custom_id and keeps no state for us, so a follow-up button holds the entry id of its FollowUp
// (the same contract as Slack's buttons), which the engine answers, never the text itself.
// The format is versioned by its prefix so old buttons in chat history fail softly.
import { DISCORD_LIMITS } from './limits.js';

const PREFIX = 'pvt1';

export type Vote = 'up' | 'down';

export type ButtonAction =
  /** Answer the FAQ entry or claim with this id (follow-ups, "did you mean" candidates). */
  | { type: 'ask'; entryId: string }
  /** Thumbs up or down on an answer; entryId and topic say what was rated, when known. */
  | { type: 'feedback'; vote: Vote; kind: string; entryId: string | null; topic: string | null };

/** Knowledge ids are lower-case words and hyphens; anything else would not survive the round trip. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KIND_PATTERN = /^[a-z-]+$/;

/** The custom_id for an action, or undefined when it would not fit or holds an unusable id. */
export function encodeButtonAction(action: ButtonAction): string | undefined {
  let encoded: string;
  switch (action.type) {
    case 'ask':
      if (!ID_PATTERN.test(action.entryId)) return undefined;
      encoded = `${PREFIX}:ask:${action.entryId}`;
      break;
    case 'feedback': {
      if (!KIND_PATTERN.test(action.kind)) return undefined;
      if (action.entryId !== null && !ID_PATTERN.test(action.entryId)) return undefined;
      if (action.topic !== null && !ID_PATTERN.test(action.topic)) return undefined;
      encoded = `${PREFIX}:vote:${action.vote}:${action.kind}:${action.entryId ?? '-'}:${action.topic ?? '-'}`;
      break;
    }
  }
  return encoded.length <= DISCORD_LIMITS.customId ? encoded : undefined;
}

/** The action behind a clicked button, or undefined for a button this version does not know. */
export function decodeButtonAction(customId: string): ButtonAction | undefined {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX) return undefined;
  const [, type, ...rest] = parts;
  if (type === 'ask' && rest.length === 1 && ID_PATTERN.test(rest[0] ?? '')) return { type: 'ask', entryId: rest[0] as string };
  // Claim buttons of earlier versions: a claim is answered like any picked entry now.
  if (type === 'check' && rest.length === 1 && ID_PATTERN.test(rest[0] ?? '')) return { type: 'ask', entryId: rest[0] as string };
  if (type === 'vote' && rest.length === 4) {
    const [vote, kind, entryId, topic] = rest as [string, string, string, string];
    if (vote !== 'up' && vote !== 'down') return undefined;
    if (!KIND_PATTERN.test(kind)) return undefined;
    const optionalId = (value: string) => (value === '-' ? null : ID_PATTERN.test(value) ? value : undefined);
    const entry = optionalId(entryId);
    const topicId = optionalId(topic);
    if (entry === undefined || topicId === undefined) return undefined;
    return { type: 'feedback', vote, kind, entryId: entry, topic: topicId };
  }
  return undefined;
}
