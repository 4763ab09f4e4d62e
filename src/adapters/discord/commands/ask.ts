// /pytorch-vs-tf ask question:<text> — answers a free-text question. While the user types,
// autocomplete offers the FAQ questions that match; picking one sends the question itself (or
// its entry id when the question is longer than a choice value may be).
import { SlashCommandSubcommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_INPUT_LENGTH } from '../../../engine/index.js';
import { DISCORD_LIMITS, renderChoices, SUBCOMMAND_OPTIONS } from '../../../render/discord/index.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

const OPTION = SUBCOMMAND_OPTIONS.ask;

export const data = new SlashCommandSubcommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about PyTorch vs TensorFlow')
  .addStringOption((option) =>
    option
      .setName(OPTION)
      .setDescription('Your question in your own words (matching questions appear as you type)')
      .setRequired(true)
      .setMaxLength(MAX_INPUT_LENGTH)
      .setAutocomplete(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const value = interaction.options.getString(OPTION, true);
  await replyWithAnswer(interaction, context, { command: 'ask', text: context.faqQuestion(value) ?? value });
}

export async function autocomplete(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const suggestions = context.engine.suggestQuestions(typed, DISCORD_LIMITS.autocompleteChoices);
  await interaction.respond(
    renderChoices(
      suggestions.map(({ entryId, question }) => ({
        name: question,
        value: question.length <= DISCORD_LIMITS.choiceValue ? question : entryId,
      })),
    ),
  );
}
