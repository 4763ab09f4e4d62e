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

/** Follow-up and "did you mean" buttons: `pvt_ask_0`, `pvt_ask_1`, ... (action ids must be unique in a message). Value: a FollowUp as JSON. */
const ASK_ACTION_PREFIX = 'pvt_ask_';
export const ASK_ACTION_PATTERN = new RegExp(`^${ASK_ACTION_PREFIX}\\d+$`);

export const askActionId = (index: number) => `${ASK_ACTION_PREFIX}${index}`;

export interface FeedbackValue {
  entryId: string | null;
  topic: string | null;
  kind: string;
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
    return { entryId: text('entryId'), topic: text('topic'), kind: text('kind') ?? 'unknown' };
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
