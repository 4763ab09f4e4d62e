// How an engine result counts: its outcome (answered, partial, declined) for the metrics and the
// records, and the command that produced it.
import type { EngineResult } from '../engine/index.js';

/**
 * answered: a topical answer (or a command such as help); partial: the closest questions, or an
 * answer without a topic; declined: nothing to offer (out of scope, not English...).
 */
export type Outcome = 'answered' | 'partial' | 'declined';

const COMMAND_KINDS: ReadonlySet<EngineResult['kind']> = new Set(['help', 'topics', 'sources', 'greeting', 'stats']);
const ANSWERING_KINDS: ReadonlySet<EngineResult['kind']> = new Set(['answer', 'comparison', 'recommendation', 'claim-check']);
const PARTIAL_KINDS: ReadonlySet<EngineResult['kind']> = new Set(['partial']);

export function outcomeOf(result: EngineResult): Outcome {
  if (COMMAND_KINDS.has(result.kind)) return 'answered';
  if (ANSWERING_KINDS.has(result.kind)) return result.topic !== null ? 'answered' : 'partial';
  return PARTIAL_KINDS.has(result.kind) ? 'partial' : 'declined';
}

const COMMAND_OF_KIND: Partial<Record<EngineResult['kind'], string>> = {
  comparison: 'compare',
  recommendation: 'recommend',
  'claim-check': 'check',
  help: 'help',
  topics: 'topics',
  sources: 'sources',
  greeting: 'greeting',
  stats: 'stats',
};

/** The command a result answers: the one the platform parsed, or the one its kind implies (free text is `ask`). */
export const commandOf = (result: EngineResult, requested?: string): string => requested ?? COMMAND_OF_KIND[result.kind] ?? 'ask';
