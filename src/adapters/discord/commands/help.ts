// /pytorch-vs-tf help — how to use this bot.
import { SlashCommandSubcommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../context.js';
import { replyWithAnswer } from './answer.js';

export const data = new SlashCommandSubcommandBuilder().setName('help').setDescription('How to use this bot');

export async function execute(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  await replyWithAnswer(interaction, context, { command: 'help' });
}
