// The /pytorch-vs-tf command, generated from the engine's command table: one subcommand per
// command, with its one text option. The JSON registered with Discord (npm run discord:register)
// and the handlers the bot runs come from the same table, so a subcommand cannot be registered
// without a handler or the reverse, and adding a command to the engine adds it here.
import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type MessageComponentInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { COMMANDS, type CommandSpec, type EngineRequest } from '../../engine/index.js';
import { DISCORD_LIMITS, renderChoices, SLASH_COMMAND_NAME } from '../../render/discord/index.js';
import type { DiscordContext } from './context.js';
import { discordTextToPlain } from './incoming-text.js';

const subcommandOf = (spec: CommandSpec) => {
  const builder = new SlashCommandSubcommandBuilder().setName(spec.name).setDescription(spec.description);
  const { argument } = spec;
  if (argument === undefined) return builder;
  return builder.addStringOption((option) =>
    option
      .setName(argument.name)
      .setDescription(argument.suggests ? `${argument.description} (pick from the list or type your own)` : argument.description)
      .setRequired(true)
      .setMaxLength(argument.maxLength)
      .setAutocomplete(argument.suggests !== undefined),
  );
};

export function commandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(SLASH_COMMAND_NAME)
    .setDescription('Short, sourced, current answers on PyTorch vs TensorFlow')
    // Usable in servers and in DMs with the bot.
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  for (const spec of COMMANDS) builder.addSubcommand(subcommandOf(spec));
  return builder.toJSON();
}

const specOf = (name: string) => COMMANDS.find((spec) => spec.name === name);

/**
 * Ask the engine, render, reply. The engine answers in well under a millisecond, so replying
 * directly beats Discord's 3-second deadline without deferring.
 */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  context: DiscordContext,
  request: EngineRequest,
): Promise<void> {
  const result = context.engine.run(request);
  const asker = { userId: interaction.user.id, channelId: interaction.channelId ?? '' };
  await interaction.reply(await context.answer(result, asker, 'ephemeral', request.command));
  context.logger.info(
    {
      interactionId: interaction.id,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      command: request.command,
      kind: result.kind,
      entryId: result.entryId,
      confidence: Number(result.confidence.toFixed(2)),
    },
    'answered interaction',
  );
}

/** Runs a subcommand; false when this version has no such subcommand (a stale registration). */
export async function runSubcommand(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<boolean> {
  const spec = specOf(interaction.options.getSubcommand());
  if (spec === undefined) return false;
  const value = spec.argument ? discordTextToPlain(interaction.options.getString(spec.argument.name, true)) : undefined;
  // A question picked from autocomplete arrives as its text, or as its entry id when the text is
  // longer than a choice value may be: the entry is answered when there is one, else the text.
  const picked = spec.argument?.suggests === 'questions' && value !== undefined ? { entryId: value } : {};
  await replyWithAnswer(interaction, context, { command: spec.name, ...(value !== undefined ? { text: value } : {}), ...picked });
  return true;
}

/** Choices while an option with suggestions is typed: FAQ questions or topics. */
export async function suggest(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const suggests = specOf(interaction.options.getSubcommand())?.argument?.suggests;
  const typed = interaction.options.getFocused();
  const limit = DISCORD_LIMITS.autocompleteChoices;
  if (suggests === 'questions') {
    const questions = context.engine.suggestQuestions(typed, limit);
    await interaction.respond(
      renderChoices(
        questions.map(({ entryId, question }) => ({
          name: question,
          value: question.length <= DISCORD_LIMITS.choiceValue ? question : entryId,
        })),
      ),
    );
  } else if (suggests === 'topics') {
    const topics = context.engine.suggestTopics(typed, limit);
    await interaction.respond(renderChoices(topics.map(({ id, title }) => ({ name: title, value: id }))));
  } else {
    await interaction.respond([]);
  }
}
