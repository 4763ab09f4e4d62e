// What every Discord handler needs: the engine, a logger, the curation service, and the one way
// an answer leaves: the `stats` result filled in for admins, the question recorded, the result
// rendered with the answer's id on its buttons.
import { MessageFlags } from 'discord.js';
import { type Actor, type CurationService, NO_CURATION, withStats } from '../../curation/service.js';
import type { Engine, EngineResult } from '../../engine/index.js';
import type { Logger } from '../../logging/logger.js';
import { type DiscordMessage, renderDiscordMessage } from '../../render/discord/index.js';

export interface DiscordContext {
  engine: Engine;
  logger: Logger;
  curation: CurationService;
  render(result: EngineResult): DiscordMessage;
  /**
   * The reply to what `asker` asked. `where` says who will see it: the curation summary is only
   * ever shown in an ephemeral reply or a DM.
   */
  answer(result: EngineResult, asker: Actor, where: 'ephemeral' | 'dm' | 'channel', command?: string): Promise<DiscordMessage>;
}

export function createDiscordContext(engine: Engine, logger: Logger, curation: CurationService = NO_CURATION): DiscordContext {
  return {
    engine,
    logger,
    curation,
    render: (result) => renderDiscordMessage(result),
    async answer(raw, asker, where, command) {
      const result = await withStats(curation, 'discord', raw, asker, where !== 'channel');
      const answerId = curation.answered('discord', asker, result, command);
      const message = renderDiscordMessage(result, answerId !== undefined ? { answerId } : {});
      // A summary shown after a slash command is for the admin alone.
      return result.kind === 'stats' && where === 'ephemeral' ? { ...message, flags: MessageFlags.Ephemeral } : message;
    },
  };
}
