// What a button carries back when it is clicked. Discord gives a button only 100 characters of
// custom_id and keeps no state for us, so a follow-up button holds the entry id of its FollowUp
// (the same contract as Slack's buttons), which the engine answers, never the text itself.
// The format is versioned by its prefix so old buttons in chat history fail softly.
import { DISCORD_LIMITS } from './limits.js';

const PREFIX = 'pvt1';

export type Vote = 'up' | 'down';

export type ButtonAction =
  /** Answer the FAQ entry or claim with this id (follow-ups, closest questions). */
  | { type: 'ask'; entryId: string }
  /**
   * Thumbs up or down on an answer; entryId says what was rated, answerId which answer (its
   * record). Buttons carry no topic any more (the entry implies it); old ones still decode.
   */
  | { type: 'feedback'; vote: Vote; kind: string; entryId: string | null; topic: string | null; answerId: string | null }
  /** "Dispute" beside a claim shown with an answer. */
  | { type: 'dispute'; claimId: string; answerId: string | null };

/** The forms (modals) the bot opens, and what their custom ids carry back when sent. */
export type ModalAction =
  /** Why an answer was not helpful (after a 👎). */
  | { type: 'feedback-reason'; kind: string; entryId: string | null; answerId: string | null }
  /** A dispute of one claim. */
  | { type: 'dispute'; claimId: string; answerId: string | null };

/** The text inputs of those forms. */
export const MODAL_INPUT_IDS = { reason: 'reason', sourceUrl: 'source_url' } as const;

/** Answer ids as the bot makes them (see src/curation/ids.ts). */
const ANSWER_ID_PATTERN = /^A[0-9A-Z]{11}$/;

const orDash = (value: string | null) => value ?? '-';

export function encodeModalAction(action: ModalAction): string | undefined {
  const answer = action.answerId !== null && ANSWER_ID_PATTERN.test(action.answerId) ? action.answerId : null;
  let encoded: string;
  if (action.type === 'feedback-reason') {
    if (!KIND_PATTERN.test(action.kind) || (action.entryId !== null && !ID_PATTERN.test(action.entryId))) return undefined;
    encoded = `${PREFIX}:why:${orDash(answer)}:${action.kind}:${orDash(action.entryId)}`;
  } else {
    if (!ID_PATTERN.test(action.claimId)) return undefined;
    encoded = `${PREFIX}:xm:${orDash(answer)}:${action.claimId}`;
  }
  return encoded.length <= DISCORD_LIMITS.customId ? encoded : undefined;
}

export function decodeModalAction(customId: string): ModalAction | undefined {
  const [prefix, type, answer, ...rest] = customId.split(':');
  if (prefix !== PREFIX || answer === undefined) return undefined;
  const answerId = ANSWER_ID_PATTERN.test(answer) ? answer : null;
  if (type === 'why' && rest.length === 2) {
    const [kind, entry] = rest as [string, string];
    if (!KIND_PATTERN.test(kind)) return undefined;
    const entryId = entry === '-' ? null : ID_PATTERN.test(entry) ? entry : undefined;
    if (entryId === undefined) return undefined;
    return { type: 'feedback-reason', kind, entryId, answerId };
  }
  if (type === 'xm' && rest.length === 1 && ID_PATTERN.test(rest[0] ?? ''))
    return { type: 'dispute', claimId: rest[0] as string, answerId };
  return undefined;
}

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
      const answer = action.answerId !== null && ANSWER_ID_PATTERN.test(action.answerId) ? action.answerId : '-';
      encoded = `${PREFIX}:v:${action.vote === 'up' ? 'u' : 'd'}:${answer}:${action.kind}:${action.entryId ?? '-'}`;
      break;
    }
    case 'dispute':
      if (!ID_PATTERN.test(action.claimId)) return undefined;
      encoded = `${PREFIX}:x:${action.answerId !== null && ANSWER_ID_PATTERN.test(action.answerId) ? action.answerId : '-'}:${action.claimId}`;
      break;
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
  if (type === 'v' && rest.length === 4) {
    const [vote, answer, kind, entry] = rest as [string, string, string, string];
    if ((vote !== 'u' && vote !== 'd') || !KIND_PATTERN.test(kind)) return undefined;
    const entryId = entry === '-' ? null : ID_PATTERN.test(entry) ? entry : undefined;
    if (entryId === undefined) return undefined;
    const answerId = ANSWER_ID_PATTERN.test(answer) ? answer : null;
    return { type: 'feedback', vote: vote === 'u' ? 'up' : 'down', kind, entryId, topic: null, answerId };
  }
  if (type === 'x' && rest.length === 2 && ID_PATTERN.test(rest[1] ?? '')) {
    return { type: 'dispute', claimId: rest[1] as string, answerId: ANSWER_ID_PATTERN.test(rest[0] ?? '') ? (rest[0] as string) : null };
  }
  if (type === 'vote' && rest.length === 4) {
    const [vote, kind, entryId, topic] = rest as [string, string, string, string];
    if (vote !== 'up' && vote !== 'down') return undefined;
    if (!KIND_PATTERN.test(kind)) return undefined;
    const optionalId = (value: string) => (value === '-' ? null : ID_PATTERN.test(value) ? value : undefined);
    const entry = optionalId(entryId);
    const topicId = optionalId(topic);
    if (entry === undefined || topicId === undefined) return undefined;
    return { type: 'feedback', vote, kind, entryId: entry, topic: topicId, answerId: null };
  }
  return undefined;
}
