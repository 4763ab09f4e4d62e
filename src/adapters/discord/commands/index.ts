// The /pytorch-vs-tf command, assembled from one module per subcommand. The JSON registered
// with Discord (npm run discord:register) and the handlers the bot runs come from the same
// modules, so a subcommand cannot be registered without a handler or the reverse.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SLASH_COMMAND_NAME } from '../../../render/discord/index.js';
import * as ask from './ask.js';
import * as check from './check.js';
import * as compare from './compare.js';
import * as help from './help.js';
import * as recommend from './recommend.js';
import * as sources from './sources.js';
import * as topics from './topics.js';
import type { Subcommand } from './types.js';

export type { Subcommand } from './types.js';

const ALL: Subcommand[] = [ask, compare, recommend, check, topics, sources, help];

export const subcommands: ReadonlyMap<string, Subcommand> = new Map(ALL.map((subcommand) => [subcommand.data.name, subcommand]));

export function commandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(SLASH_COMMAND_NAME)
    .setDescription('Short, sourced, current answers on PyTorch vs TensorFlow')
    // Usable in servers and in DMs with the bot.
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  for (const subcommand of ALL) builder.addSubcommand(subcommand.data);
  return builder.toJSON();
}

/** Everything the bot registers: one command. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [commandDefinition()];
}
