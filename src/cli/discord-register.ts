// `npm run discord:register`: registers /pytorch-vs-tf with Discord, from the same definitions
// the bot runs. With DISCORD_GUILD_ID it registers in that server (instant, for development);
// without it, globally. Reads the environment (and .env) like the other entry points.
import { registerCommands } from '../adapters/discord/index.js';
import { runEntryPoint } from '../app/entry-point.js';
import { OperatorError } from '../errors.js';
import { loadConfig } from './environment.js';

async function main(): Promise<void> {
  const { discord } = loadConfig();
  if (!discord) {
    throw new OperatorError(
      'DISCORD_TOKEN is not set. Set it (and optionally DISCORD_APPLICATION_ID, DISCORD_GUILD_ID) in .env or the environment; see the README, section Discord.',
    );
  }
  const outcome = await registerCommands({
    token: discord.token,
    applicationId: discord.applicationId,
    guildId: discord.guildId,
    apiUrl: discord.apiUrl,
  });
  const list = outcome.commands.map((command) => `/${command.name} (${command.subcommands.join(', ')})`).join('; ');
  process.stdout.write(
    outcome.scope === 'guild'
      ? `Registered ${list} in server ${outcome.guildId} for application ${outcome.applicationId}. They are usable there now.\n`
      : `Registered ${list} globally for application ${outcome.applicationId}. Discord can take a few minutes to show them in every server; set DISCORD_GUILD_ID for instant updates while developing.\n`,
  );
}

runEntryPoint(main);
