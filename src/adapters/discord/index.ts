// The Discord adapter: discord.js v14 over the shared answer engine. (Its parts are internal:
// tests that need one import its file directly.)
export { startDiscord, type StartDiscordOptions, type DiscordAdapter } from './start.js';
export { commandDefinition } from './commands.js';
export { registerCommands, RegisterError, type RegisterOptions, type RegisterOutcome } from './register.js';
