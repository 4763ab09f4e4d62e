// How sure the engine is that its best match answers the query, from evidence it can explain:
// how much of what was asked the answer contains (coverage), how much of it the knowledge knows
// at all (known share), and how strongly the entry and its topic match (relevance).
import type { RankedEntry, SearchOutcome } from './knowledge-search.js';

export interface MatchEvidence {
  coverage: number;
  knownShare: number;
  relevance: number;
  topicRelevance: number;
}

export function evidenceFor(outcome: SearchOutcome, entry: RankedEntry): MatchEvidence {
  return {
    coverage: entry.coverage,
    knownShare: outcome.knownShare,
    relevance: entry.relevance,
    topicRelevance: outcome.topics.find((t) => t.topic === entry.topic)?.relevance ?? 0,
  };
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function confidenceFrom(evidence: MatchEvidence): number {
  // Words the knowledge has never seen are the strongest sign of an out-of-scope question, so
  // the known share scales everything; coverage then says whether this entry is the one.
  const strength = clamp01(evidence.relevance / 0.45);
  const topicStrength = clamp01(evidence.topicRelevance / 0.5);
  const raw = 0.5 * evidence.coverage + 0.3 * strength + 0.2 * topicStrength;
  return clamp01(raw * Math.min(1, evidence.knownShare / 0.85));
}

/** Below this, the engine declines instead of guessing. */
export const ANSWER_THRESHOLD = 0.45;
/** Entries from different topics this close in score make a "did you mean". */
export const AMBIGUITY_MARGIN = 0.04;
/** ...but only when the engine is not already fairly sure. */
export const AMBIGUITY_CEILING = 0.6;
