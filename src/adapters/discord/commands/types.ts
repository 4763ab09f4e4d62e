// The shape of one /pytorch-vs-tf subcommand module: its definition and its handlers, together
// in one file (the discord.js TypeScript template's layout), so what is registered with Discord
// and what runs can never drift apart.
import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { DiscordContext } from '../context.js';

export interface Subcommand {
  data: SlashCommandSubcommandBuilder;
  execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void>;
}
