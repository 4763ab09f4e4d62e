// The Discord adapter: discord.js v14 over the shared answer engine.
export { startDiscord, type StartDiscordOptions, type DiscordAdapter } from './start.js';
export { createDiscordClient, restBase, type DiscordClientConfig } from './client.js';
export { commandDefinition } from './commands.js';
export { registerCommands, RegisterError, type RegisterOptions, type RegisterOutcome } from './register.js';
export { Cooldown, type CooldownOptions } from './cooldown.js';
