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
  const { faq, claims } = engine.knowledge;
  const idByQuestion = new Map(faq.map((entry) => [normalise(entry.question), entry.id]));
  const questionById = new Map(faq.map((entry) => [entry.id, entry.question]));
  const claimById = new Map(claims.map((claim) => [claim.id, claim.claim]));
  const findEntryId = (question: string) => idByQuestion.get(normalise(question));
  return {
    engine,
    logger,
    render: (result) => renderDiscordMessage(result, { findEntryId }),
    faqQuestion: (entryId) => questionById.get(entryId),
    claimText: (claimId) => claimById.get(claimId),
  };
}
