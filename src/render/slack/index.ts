// Slack rendering: pure functions from engine results to Block Kit, within Slack's limits, and
// the contract of the buttons they draw. (Escaping and cutting are internal: import those files
// directly to test them.)
export { renderResult, renderNotice, SLASH_COMMAND, type RenderOptions } from './result.js';
export { renderHome, type HomeContent } from './home.js';
export { escapeText } from './escape.js';
export {
  ACTION_IDS,
  ASK_ACTION_PATTERN,
  askActionId,
  decodeFeedbackValue,
  decodeFollowUpValue,
  decodeQuestionValue,
  encodeFeedbackValue,
  encodeFollowUpValue,
  type FeedbackValue,
  DISPUTE_ACTION_PATTERN,
  decodeDisputeValue,
  type DisputeValue,
  VIEW_IDS,
  INPUT_IDS,
} from './actions.js';
export {
  renderFeedbackReasonModal,
  renderDisputeModal,
  renderDisputeRecordedModal,
  renderDisputeRecorded,
  INVALID_SOURCE_URL,
  type ModalView,
} from './curation.js';
export type { SlackBlock, SlackMessage, HomeView } from './blocks.js';
