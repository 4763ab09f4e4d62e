// The Discord renderer: pure functions from engine results to Discord message payloads.
export { renderDiscordMessage, renderChoices, renderEphemeralNotice, renderFeedbackThanks, sourceLine } from './render.js';
export { encodeButtonAction, decodeButtonAction, type ButtonAction, type Vote } from './custom-ids.js';
export { DISCORD_LIMITS, fitMessage, truncateText, joinLinesWithin, BLANK } from './limits.js';
export { NO_MENTIONS, type DiscordMessage, type ActionRow, type AutocompleteChoice, type NoMentions } from './payload.js';
export { slashCommand, slashUsage } from './slash-command.js';
export { SLASH_COMMAND_NAME } from '../labels.js';
