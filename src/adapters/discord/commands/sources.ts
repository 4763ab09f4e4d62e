// /pytorch-vs-tf sources — list the sources my answers rest on.
import { SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

export const data = new SlashCommandSubcommandBuilder().setName('sources').setDescription('List the sources my answers rest on');

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'sources' });
}
