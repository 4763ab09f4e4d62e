// What every Discord handler needs: the engine, a logger, and a renderer that knows which FAQ
// entry a follow-up question names (so its button can carry the entry id).
import type { Engine, EngineResult } from '../../engine/types.js';
import type { Logger } from '../../logging/logger.js';
import { renderDiscordMessage, type DiscordMessage } from '../../render/discord/index.js';

export interface DiscordContext {
  engine: Engine;
  logger: Logger;
  render(result: EngineResult): DiscordMessage;
  /** The FAQ question behind an entry id (autocomplete values, button references). */
  faqQuestion(entryId: string): string | undefined;
  /** The claim text behind a claim id (button references). */
  claimText(claimId: string): string | undefined;
}

const normalise = (question: string) => question.trim().toLowerCase();

export function createDiscordContext(engine: Engine, logger: Logger): DiscordContext {
  // Built from the knowledge in use, and again after a reload replaced it.
  let builtFor: Engine['knowledge'] | undefined;
  let lookups: ReturnType<typeof lookupsOf> | undefined;
  const current = () => {
    if (builtFor !== engine.knowledge) {
      builtFor = engine.knowledge;
      lookups = lookupsOf(builtFor);
    }
    return lookups!;
  };
  const findEntryId = (question: string) => current().idByQuestion.get(normalise(question));
  return {
    engine,
    logger,
    render: (result) => renderDiscordMessage(result, { findEntryId }),
    faqQuestion: (entryId) => current().questionById.get(entryId),
    claimText: (claimId) => current().claimById.get(claimId),
  };
}

function lookupsOf({ faq, claims }: Engine['knowledge']) {
  return {
    idByQuestion: new Map(faq.map((entry) => [normalise(entry.question), entry.id])),
    questionById: new Map(faq.map((entry) => [entry.id, entry.question])),
    claimById: new Map(claims.map((claim) => [claim.id, claim.claim])),
  };
}
