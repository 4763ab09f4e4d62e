// /pytorch-vs-tf recommend needs:<text> — which framework fits the team's stated needs.
import { SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_INPUT_LENGTH } from '../../../engine/index.js';
import { SUBCOMMAND_OPTIONS } from '../../../render/discord/index.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

const OPTION = SUBCOMMAND_OPTIONS.recommend;

export const data = new SlashCommandSubcommandBuilder()
  .setName('recommend')
  .setDescription('Which framework fits your project and team?')
  .addStringOption((option) =>
    option
      .setName(OPTION)
      .setDescription('What you need, e.g. mobile app, small team, TPUs')
      .setRequired(true)
      .setMaxLength(MAX_INPUT_LENGTH),
  );

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'recommend', text: interaction.options.getString(OPTION, true) });
}
