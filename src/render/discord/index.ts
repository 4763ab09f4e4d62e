// The Discord renderer: pure functions from engine results to Discord message payloads, and the
// contract of the buttons they draw. (Fitting payloads into Discord's limits is internal: import
// limits.ts directly to test it.)
export {
  renderDiscordMessage,
  renderChoices,
  renderEphemeralNotice,
  renderFeedbackThanks,
  renderFeedbackReasonModal,
  renderDisputeModal,
  renderDisputeRecorded,
  INVALID_SOURCE_URL_NOTICE,
  type DiscordModal,
  type DiscordRenderOptions,
} from './render.js';
export {
  encodeButtonAction,
  decodeButtonAction,
  decodeModalAction,
  MODAL_INPUT_IDS,
  type ButtonAction,
  type ModalAction,
} from './custom-ids.js';
export { DISCORD_LIMITS } from './limits.js';
export { NO_MENTIONS, type DiscordMessage } from './payload.js';
export { slashCommand } from './slash-command.js';
export { SLASH_COMMAND_NAME } from '../labels.js';
