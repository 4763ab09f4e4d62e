// The forms and notices of the curation loop on Slack: why a 👎 (optional), a dispute of one
// claim (a reason, and a source if there is one), and what the reader is told afterwards.
import type { types } from '@slack/bolt';
import { type DisputeValue, encodeDisputeValue, encodeFeedbackValue, type FeedbackValue, INPUT_IDS, VIEW_IDS } from './actions.js';
import { escapeText } from './escape.js';
import { section, type SlackMessage } from './blocks.js';
import { cutData } from './cut.js';

export type ModalView = types.ModalView;

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
/** Slack keeps private_metadata up to 3,000 characters. */
const METADATA_LIMIT = 3_000;
export const REASON_MAX_LENGTH = 1_000;

export function renderFeedbackReasonModal(value: FeedbackValue): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.feedbackReason,
    private_metadata: cutData(encodeFeedbackValue(value), METADATA_LIMIT),
    title: plain('Not helpful'),
    submit: plain('Send'),
    close: plain('Skip'),
    blocks: [
      section('Thanks: your 👎 is recorded. If you tell us what was wrong or missing, a curator can fix the answer.'),
      {
        type: 'input',
        block_id: INPUT_IDS.reason,
        optional: true,
        label: plain('What was wrong or missing?'),
        element: { type: 'plain_text_input', action_id: INPUT_IDS.reason, multiline: true, max_length: REASON_MAX_LENGTH },
      },
    ],
  };
}

export function renderDisputeModal(value: DisputeValue): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.dispute,
    private_metadata: cutData(encodeDisputeValue(value), METADATA_LIMIT),
    title: plain('Dispute a claim'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      section(`You are disputing the claim \`${escapeText(value.claimId)}\`. A curator reviews every dispute against its sources.`),
      {
        type: 'input',
        block_id: INPUT_IDS.reason,
        label: plain('What is wrong with it?'),
        element: { type: 'plain_text_input', action_id: INPUT_IDS.reason, multiline: true, min_length: 3, max_length: REASON_MAX_LENGTH },
      },
      {
        type: 'input',
        block_id: INPUT_IDS.sourceUrl,
        optional: true,
        label: plain('A source that shows it (optional)'),
        element: { type: 'url_text_input', action_id: INPUT_IDS.sourceUrl },
      },
    ],
  };
}

export const disputeRecordedText = (id: string) =>
  `Thanks: your dispute is recorded as ${id}. A curator will check the claim against its sources; quote ${id} if you follow up.`;

/** The form, replaced by the confirmation once the dispute is recorded. */
export function renderDisputeRecordedModal(id: string): ModalView {
  return { type: 'modal', title: plain('Dispute recorded'), close: plain('Done'), blocks: [section(escapeText(disputeRecordedText(id)))] };
}

export const INVALID_SOURCE_URL = 'Give a web address starting with http:// or https://, or leave it empty.';

/** The confirmation in the conversation, only for the disputer. */
export function renderDisputeRecorded(id: string): SlackMessage {
  const text = escapeText(disputeRecordedText(id));
  return { text, blocks: [section(text)] };
}
