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
  /**
   * The answer as the user reads it: an answer's or claim's text; a comparison's summary with
   * every row; a recommendation's summary with each need and why. '' for declines, help and lists.
   */
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
    text: answerText(result),
    sources: result.sources.map((source) => ({ title: source.title, url: source.url ?? null })),
    suggestions: result.followUps.map((followUp) => followUp.question),
    kind: result.kind,
    asOf: result.asOf,
  };
}

/**
 * A comparison's or recommendation's content is in its rows and needs, which every renderer
 * shows; its `text` alone is only the line above them ("What the two frameworks are, ...").
 */
function answerText(result: EngineResult): string {
  switch (result.kind) {
    case 'comparison':
      return [result.text, ...result.rows.map((row) => `${row.aspect}: PyTorch: ${row.pytorch} TensorFlow: ${row.tensorflow}`)].join('\n');
    case 'recommendation':
      return [result.text, ...result.needs.map((need) => `${need.need}: ${need.why}`)].join('\n');
    default:
      return result.text;
  }
}
