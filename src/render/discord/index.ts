// The Discord renderer: pure functions from engine results to Discord message payloads.
export {
  renderDiscordMessage,
  renderChoices,
  renderEphemeralNotice,
  renderFeedbackThanks,
  sourceLine,
  VERDICT_LABELS,
  type DiscordRenderOptions,
} from './render.js';
export { encodeButtonAction, decodeButtonAction, type ButtonAction, type Vote } from './custom-ids.js';
export { DISCORD_LIMITS, fitMessage, truncateText, joinLinesWithin, embedLength, BLANK } from './limits.js';
export { NO_MENTIONS, type DiscordMessage, type ActionRow, type AutocompleteChoice, type NoMentions } from './payload.js';
export { SLASH_COMMAND_NAME, SUBCOMMAND_OPTIONS, slashUsage } from './slash-command.js';
