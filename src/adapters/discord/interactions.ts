// Slash commands, autocomplete and button clicks. Every interaction gets an answer: the
// subcommand's reply, a list of choices, or (when something breaks) an apology only the user
// sees, because an unanswered interaction shows "The application did not respond".
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { sourceUrlOf } from '../../curation/service.js';
import {
  decodeButtonAction,
  decodeModalAction,
  INVALID_SOURCE_URL_NOTICE,
  MODAL_INPUT_IDS,
  renderDisputeModal,
  renderDisputeRecorded,
  renderEphemeralNotice,
  renderFeedbackReasonModal,
  renderFeedbackThanks,
  SLASH_COMMAND_NAME,
  slashCommand,
} from '../../render/discord/index.js';
import { replyWithAnswer, runSubcommand, suggest } from './commands.js';
import type { DiscordContext } from './context.js';

const SOMETHING_WENT_WRONG = 'Sorry, something went wrong while answering that. Please try again in a moment.';

export function createInteractionHandler(context: DiscordContext) {
  const { logger } = context;

  return async function handleInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await handleAutocomplete(interaction);
      if (interaction.isChatInputCommand()) {
        if (interaction.commandName !== SLASH_COMMAND_NAME) return;
        if (!(await runSubcommand(interaction, context))) {
          await interaction.reply(renderEphemeralNotice(`I do not know that subcommand any more. Try ${slashCommand('help')}.`));
        }
        return;
      }
      if (interaction.isButton()) return await handleButton(interaction);
      if (interaction.isModalSubmit()) return await handleForm(interaction);
    } catch (error) {
      logger.error({ err: error, interactionId: interaction.id, type: interaction.type }, 'interaction failed');
      await apologise(interaction);
    }
  };

  async function handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.commandName !== SLASH_COMMAND_NAME) return;
    await suggest(interaction, context);
  }

  async function handleButton(interaction: ButtonInteraction): Promise<void> {
    const action = decodeButtonAction(interaction.customId);
    if (action === undefined) {
      // Another bot's button, or one from a version whose ids changed.
      await interaction.reply(renderEphemeralNotice(`That button no longer works. Ask again with ${slashCommand('ask')}.`));
      return;
    }
    switch (action.type) {
      case 'ask':
        // The same contract as Slack's follow-up buttons: the engine answers the picked entry.
        return await replyWithAnswer(interaction, context, { command: 'ask', entryId: action.entryId });
      case 'dispute': {
        const form = renderDisputeModal({ type: 'dispute', claimId: action.claimId, answerId: action.answerId });
        if (form) return await interaction.showModal(form);
        await interaction.reply(renderEphemeralNotice('Sorry, that claim cannot be disputed from here.'));
        return;
      }
      case 'feedback': {
        context.curation.voted(
          'discord',
          { userId: interaction.user.id, channelId: interaction.channelId },
          { answerId: action.answerId, entryId: action.entryId, topic: action.topic, kind: action.kind, vote: action.vote },
        );
        // Structured, so ratings can be counted per entry straight from the logs.
        logger.info(
          {
            event: 'feedback',
            vote: action.vote,
            entryId: action.entryId,
            topic: action.topic,
            kind: action.kind,
            userId: interaction.user.id,
            channelId: interaction.channelId,
            messageId: interaction.message.id,
          },
          'answer feedback',
        );
        // A 👎 asks why (the vote is counted already; the form is optional).
        const form =
          action.vote === 'down'
            ? renderFeedbackReasonModal({ type: 'feedback-reason', kind: action.kind, entryId: action.entryId, answerId: action.answerId })
            : undefined;
        if (form) return await interaction.showModal(form);
        await interaction.reply(renderFeedbackThanks(action.vote));
        return;
      }
    }
  }

  /** A form sent: the reason for a 👎, or a dispute. */
  async function handleForm(interaction: ModalSubmitInteraction): Promise<void> {
    const action = decodeModalAction(interaction.customId);
    if (action === undefined) {
      await interaction.reply(renderEphemeralNotice('That form no longer works.'));
      return;
    }
    const field = (id: string) => {
      try {
        return interaction.fields.getTextInputValue(id);
      } catch {
        return '';
      }
    };
    const actor = { userId: interaction.user.id, channelId: interaction.channelId ?? '' };
    if (action.type === 'feedback-reason') {
      const reason = field(MODAL_INPUT_IDS.reason).trim();
      if (reason !== '') {
        context.curation.voted('discord', actor, {
          answerId: action.answerId,
          entryId: action.entryId,
          topic: null,
          kind: action.kind,
          vote: 'down',
          reason,
        });
      }
      await interaction.reply(renderFeedbackThanks('down'));
      return;
    }
    const sourceUrl = sourceUrlOf(field(MODAL_INPUT_IDS.sourceUrl));
    if (sourceUrl === 'invalid') {
      await interaction.reply(renderEphemeralNotice(INVALID_SOURCE_URL_NOTICE));
      return;
    }
    const id = context.curation.disputed('discord', actor, {
      claimId: action.claimId,
      entryId: null,
      reason: field(MODAL_INPUT_IDS.reason),
      sourceUrl,
    });
    logger.info({ event: 'dispute', disputeId: id, claimId: action.claimId, interactionId: interaction.id }, 'claim disputed');
    await interaction.reply(renderDisputeRecorded(id));
  }

  async function apologise(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
        await interaction.reply(renderEphemeralNotice(SOMETHING_WENT_WRONG));
      } else if (interaction.isRepliable()) {
        await interaction.followUp({ ...renderEphemeralNotice(SOMETHING_WENT_WRONG), flags: MessageFlags.Ephemeral });
      }
    } catch (error) {
      logger.warn({ err: error, interactionId: interaction.id }, 'could not tell the user the interaction failed');
    }
  }
}
