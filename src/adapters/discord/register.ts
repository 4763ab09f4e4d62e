// Registers /pytorch-vs-tf with Discord from the same definitions the bot runs. A PUT replaces
// the application's whole command list, so running it again is safe and removes stale commands.
// Guild commands (DISCORD_GUILD_ID) update instantly; global ones reach every server.
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  Routes,
  type APIApplication,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import { OperatorError } from '../../errors.js';
import { restBase } from './client.js';
import { commandDefinition } from './commands.js';
import { findNetworkCode, INVALID_TOKEN } from './network-errors.js';

export interface RegisterOptions {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
}

export interface RegisterOutcome {
  applicationId: string;
  scope: 'guild' | 'global';
  guildId: string | undefined;
  commands: { name: string; subcommands: string[] }[];
}

/** A registration failure explained for the operator (no stack trace needed). */
export class RegisterError extends OperatorError {
  constructor(message: string) {
    super(`Could not register the Discord commands: ${message}`);
    this.name = 'RegisterError';
  }
}

export async function registerCommands(options: RegisterOptions): Promise<RegisterOutcome> {
  const rest = new REST({ version: '10', retries: 1, ...(options.apiUrl ? { api: restBase(options.apiUrl) } : {}) }).setToken(
    options.token,
  );
  try {
    const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const route = options.guildId
      ? Routes.applicationGuildCommands(applicationId, options.guildId)
      : Routes.applicationCommands(applicationId);
    const registered = (await rest.put(route, { body: [commandDefinition()] })) as RESTPutAPIApplicationCommandsResult;
    return {
      applicationId,
      scope: options.guildId ? 'guild' : 'global',
      guildId: options.guildId,
      commands: registered.map((command) => ({
        name: command.name,
        subcommands: (command.options ?? []).map((option) => option.name),
      })),
    };
  } catch (error) {
    throw explain(error, options);
  }
}

function explain(error: unknown, options: RegisterOptions): unknown {
  // A 5xx (after the one retry) or a rate limit: Discord's side, not a mistake to fix here.
  if (error instanceof HTTPError)
    return new RegisterError(
      `Discord answered ${error.status}${error.message ? ` (${error.message})` : ''}; this is on Discord's side, so try again in a few minutes.`,
    );
  if (error instanceof RateLimitError)
    return new RegisterError(`Discord is rate limiting command registration; try again in ${Math.ceil(error.retryAfter / 1000)} seconds.`);
  if (!(error instanceof DiscordAPIError)) {
    const networkCode = findNetworkCode(error);
    if (networkCode !== undefined)
      return new RegisterError(
        `Could not reach the Discord API${options.apiUrl ? ` at ${options.apiUrl} (DISCORD_API_URL)` : ''}: ${networkCode}.`,
      );
    return error;
  }
  if (error.status === 401) return new RegisterError(INVALID_TOKEN);
  if (error.status === 403 || error.code === 50001) {
    return new RegisterError(
      options.guildId
        ? `Discord refused to register commands in server ${options.guildId} (${error.status}: ${error.message}). Invite the bot there with the applications.commands scope (see the invite URL in the README), or unset DISCORD_GUILD_ID to register globally.`
        : `Discord refused to register the commands (${error.status}: ${error.message}). Check that DISCORD_APPLICATION_ID belongs to this bot token.`,
    );
  }
  if (error.status === 404) {
    return new RegisterError(
      `Discord does not know application ${options.applicationId ?? '(from the token)'}${options.guildId ? ` or server ${options.guildId}` : ''} (404). Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.`,
    );
  }
  if (error.status === 400)
    return new RegisterError(
      `Discord rejected the command definitions (400): ${error.message}. This is a bug in the bot; please report it.`,
    );
  return new RegisterError(`Registering the commands failed (${error.status}): ${error.message}`);
}
