// The flat record of the evaluation contract (`ask --json`): stable field names that scripts
// and scorers rely on, derived from any engine result.
import type { EngineResult } from './types.js';

export interface EvaluationRecord {
  query: string;
  /** True when the bot gave an answer on a topic, false when it declined or asked back. */
  answered: boolean;
  topic: string | null;
  confidence: number;
  entryId: string | null;
  /** The knowledge's text the result rests on (an answer, what a claim says now); '' for declines, help and lists. */
  text: string;
  sources: { title: string; url: string | null }[];
  /** Questions the user could ask next. */
  suggestions: string[];
  kind: EngineResult['kind'];
  /** The day (YYYY-MM-DD) the answer's facts were last checked, or null. */
  asOf: string | null;
}

const ANSWERING_KINDS: ReadonlySet<EngineResult['kind']> = new Set(['answer', 'comparison', 'recommendation', 'claim-check']);

export function toEvaluationRecord(query: string, result: EngineResult): EvaluationRecord {
  const answered = ANSWERING_KINDS.has(result.kind) && result.topic !== null;
  return {
    query,
    answered,
    topic: answered ? result.topic : null,
    confidence: Math.round(result.confidence * 1000) / 1000,
    entryId: answered ? result.entryId : null,
    text: result.text,
    sources: result.sources.map((source) => ({ title: source.title, url: source.url ?? null })),
    suggestions: result.followUps.map((followUp) => followUp.question),
    kind: result.kind,
    asOf: result.asOf,
  };
}
