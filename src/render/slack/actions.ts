// The contract between the buttons the renderer draws and the listeners that handle the clicks:
// action ids, and what each button's value carries. Values are stateless (the follow-up's entry
// and question, the input to share, the entry that was voted on), so a click works after a
// restart and on any replica.
import type { FollowUp } from '../../engine/types.js';
import { escapeText, unescapeText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

export const ACTION_IDS = {
  /** Post an ephemeral slash-command answer visibly in the channel. Value: the input to answer again. */
  share: 'pvt_share',
  /** Feedback on an answer. Value: a FeedbackValue as JSON. */
  feedbackUp: 'pvt_feedback_up',
  feedbackDown: 'pvt_feedback_down',
} as const;

/** The forms (modals) the bot opens, by callback_id, and their inputs (block_id and action_id alike). */
export const VIEW_IDS = {
  /** Why an answer fell short, after a 👎. private_metadata: a FeedbackValue as JSON. */
  feedbackReason: 'pvt_feedback_reason',
  /** A dispute of one claim. private_metadata: a DisputeValue as JSON (with the response_url, when there is one). */
  dispute: 'pvt_dispute',
} as const;
export const INPUT_IDS = { reason: 'pvt_reason', sourceUrl: 'pvt_source_url' } as const;

/** "Dispute" buttons, one per claim shown: `pvt_dispute_0`, `pvt_dispute_1`, ... Value: a DisputeValue as JSON. */
const DISPUTE_ACTION_PREFIX = 'pvt_dispute_';
export const DISPUTE_ACTION_PATTERN = new RegExp(`^${DISPUTE_ACTION_PREFIX}\\d+$`);
export const disputeActionId = (index: number) => `${DISPUTE_ACTION_PREFIX}${index}`;

/** What a Dispute button carries: the claim, the answer it was shown with, and (in a form) where to confirm. */
export interface DisputeValue {
  claimId: string;
  entryId: string | null;
  answerId: string | null;
  /** The click's response_url, so the confirmation can reach an ephemeral answer's conversation. */
  responseUrl?: string;
  channelId?: string;
}

export const encodeDisputeValue = (value: DisputeValue): string => JSON.stringify(value);

/** Reads a Dispute button's value (or a dispute form's private_metadata); undefined when it names no claim. */
export function decodeDisputeValue(raw: string | undefined): DisputeValue | undefined {
  if (raw === undefined) return undefined;
  try {
    const record = JSON.parse(unescapeText(raw)) as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).slice(0, 1000) : null);
    const claimId = text('claimId');
    if (claimId === null) return undefined;
    const responseUrl = text('responseUrl');
    const channelId = text('channelId');
    return {
      claimId,
      entryId: text('entryId'),
      answerId: text('answerId'),
      ...(responseUrl !== null ? { responseUrl } : {}),
      ...(channelId !== null ? { channelId } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Follow-up and closest-question buttons: `pvt_ask_0`, `pvt_ask_1`, ... (action ids must be unique in a message). Value: a FollowUp as JSON. */
const ASK_ACTION_PREFIX = 'pvt_ask_';
export const ASK_ACTION_PATTERN = new RegExp(`^${ASK_ACTION_PREFIX}\\d+$`);

export const askActionId = (index: number) => `${ASK_ACTION_PREFIX}${index}`;

export interface FeedbackValue {
  entryId: string | null;
  topic: string | null;
  kind: string;
  /** The answer voted on (its record's id), when the message carried one. */
  answerId?: string | null;
}

export function encodeFeedbackValue(value: FeedbackValue): string {
  return JSON.stringify(value);
}

/** Reads a feedback button's value back; anything malformed reads as "unknown entry" rather than failing. */
export function decodeFeedbackValue(raw: string | undefined): FeedbackValue {
  const unknown: FeedbackValue = { entryId: null, topic: null, kind: 'unknown' };
  if (raw === undefined) return unknown;
  try {
    const parsed: unknown = JSON.parse(unescapeText(raw));
    if (typeof parsed !== 'object' || parsed === null) return unknown;
    const record = parsed as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).slice(0, 200) : null);
    const answerId = text('answerId');
    return { entryId: text('entryId'), topic: text('topic'), kind: text('kind') ?? 'unknown', ...(answerId !== null ? { answerId } : {}) };
  } catch {
    return unknown;
  }
}

/** A follow-up button's value: the entry and its question, or the entry alone when the question would not fit. */
export function encodeFollowUpValue({ entryId, question }: FollowUp): string {
  const full = JSON.stringify({ entryId, question });
  return escapeText(full).length <= SLACK_LIMITS.buttonValue ? full : JSON.stringify({ entryId });
}

/**
 * What a clicked follow-up asks for. Buttons sent before follow-ups carried entry ids hold the
 * question as plain text; they still work, without an entry id.
 */
export function decodeFollowUpValue(raw: string | undefined): { entryId: string | undefined; question: string } {
  const text = raw === undefined ? '' : unescapeText(raw);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { entryId?: unknown }).entryId === 'string') {
      const { entryId, question } = parsed as { entryId: string; question?: unknown };
      return { entryId: entryId.slice(0, 200), question: typeof question === 'string' ? question : '' };
    }
  } catch {
    // Not JSON: a question as plain text.
  }
  return { entryId: undefined, question: text };
}

/** The text a share button carries, as the user typed it. */
export function decodeQuestionValue(raw: string | undefined): string {
  return raw === undefined ? '' : unescapeText(raw);
}
