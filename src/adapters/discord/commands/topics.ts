// /pytorch-vs-tf topics — list the topics I can answer about.
import { SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

export const data = new SlashCommandSubcommandBuilder().setName('topics').setDescription('List the topics I can answer about');

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'topics' });
}
