// /pytorch-vs-tf compare topic:<topic> — the side-by-side table for one topic. Autocomplete
// offers topic names; picking one sends its id, which the engine matches exactly.
import { SlashCommandSubcommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { DISCORD_LIMITS, renderChoices, SUBCOMMAND_OPTIONS } from '../../../render/discord/index.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

const OPTION = SUBCOMMAND_OPTIONS.compare;

export const data = new SlashCommandSubcommandBuilder()
  .setName('compare')
  .setDescription('Compare PyTorch and TensorFlow side by side on one topic')
  .addStringOption((option) =>
    option
      .setName(OPTION)
      .setDescription('A topic, e.g. mobile deployment (pick from the list)')
      .setRequired(true)
      .setMaxLength(200)
      .setAutocomplete(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'compare', text: interaction.options.getString(OPTION, true) });
}

export async function autocomplete(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const topics = context.engine.suggestTopics(interaction.options.getFocused(), DISCORD_LIMITS.autocompleteChoices);
  await interaction.respond(renderChoices(topics.map(({ id, title }) => ({ name: title, value: id }))));
}
