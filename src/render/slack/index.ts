// Slack rendering: pure functions from engine results to Block Kit, within Slack's limits.
export { renderResult, renderNotice, fitBlocks, SLASH_COMMAND, type RenderOptions } from './result.js';
export { renderHome, type HomeContent } from './home.js';
export { escapeText, unescapeText, link } from './escape.js';
export { cutText, cutData, splitText, packLines } from './cut.js';
export { SLACK_LIMITS } from './limits.js';
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
} from './actions.js';
export type { SlackBlock, SlackMessage, HomeView } from './blocks.js';
