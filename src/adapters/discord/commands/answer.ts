// The one thing every subcommand does once it has its input: ask the engine, render, reply.
// The engine answers in well under a millisecond, so replying directly beats Discord's 3-second
// deadline without deferring.
import type { ChatInputCommandInteraction, MessageComponentInteraction } from 'discord.js';
import type { EngineRequest } from '../../../engine/types.js';
import type { DiscordContext } from '../context.js';

export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  context: DiscordContext,
  request: EngineRequest,
): Promise<void> {
  const result = context.engine.run(request);
  await interaction.reply(context.render(result));
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
