// /pytorch-vs-tf check statement:<text> — fact-checks a statement against the claim base.
import { SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_INPUT_LENGTH } from '../../../engine/index.js';
import { SUBCOMMAND_OPTIONS } from '../../../render/discord/index.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

const OPTION = SUBCOMMAND_OPTIONS.check;

export const data = new SlashCommandSubcommandBuilder()
  .setName('check')
  .setDescription('Fact-check a statement about PyTorch or TensorFlow')
  .addStringOption((option) =>
    option
      .setName(OPTION)
      .setDescription('The statement, e.g. TensorFlow only has static graphs')
      .setRequired(true)
      .setMaxLength(MAX_INPUT_LENGTH),
  );

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'check', text: interaction.options.getString(OPTION, true) });
}
