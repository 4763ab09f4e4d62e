// How sure the engine is that its best match answers the query, from evidence it can explain:
// how much of what was asked the entry contains (coverage), how close the query is to one way
// of asking it (closeness), how strongly the entry and its topic match (relevance), and whether
// the query is for this bot at all (scope, and the share of its words the knowledge knows).
import type { RankedEntry, SearchOutcome } from './knowledge-search.js';
import type { ScopeEvidence } from './scope.js';

export interface MatchEvidence {
  /** Share of the query's known information that the entry contains. */
  coverage: number;
  /** Share of the query's words that the knowledge knows at all. */
  knownShare: number;
  relevance: number;
  closeness: number;
  topicRelevance: number;
  scope: ScopeEvidence;
}

/** `topicRelevance`: the topics' relevance by id, when the caller has it at hand (it is looked up otherwise). */
export function evidenceFor(outcome: SearchOutcome, entry: RankedEntry, topicRelevance?: ReadonlyMap<string, number>): MatchEvidence {
  return {
    coverage: entry.coverage,
    knownShare: outcome.knownShare,
    relevance: entry.relevance,
    closeness: entry.closeness,
    topicRelevance: topicRelevance
      ? (topicRelevance.get(entry.topic) ?? 0)
      : (outcome.topics.find((t) => t.topic === entry.topic)?.relevance ?? 0),
    scope: outcome.scope,
  };
}

/**
 * The weights of the confidence model, in one place. They were set by measuring the project's
 * labelled question sets (npm run eval), not per question.
 */
export const CONFIDENCE_MODEL = {
  weights: { coverage: 0.35, relevance: 0.2, closeness: 0.3, topic: 0.15 },
  /** Relevance and topic relevance at which the evidence counts as full. */
  fullRelevance: 0.45,
  fullTopicRelevance: 0.5,
  fullCloseness: 0.7,
  /** How far each kind of scope evidence lets an answer through; with none, nothing passes. */
  scopeFactor: { framework: 1, context: 0.55, 'everyday-name': 0.5, none: 0.3 } as Record<ScopeEvidence, number>,
  /** With a framework named, unknown words cost little: people add context and slang. */
  unknownWordsCost: { framework: 0.2, other: 1 },
  /** How strongly an entry's topic's combined evidence, relative to the best topic's, scales its confidence. */
  topicEvidenceExponent: 0.5,
  /**
   * Area evidence at or above which a question counts as in the knowledge's area: with no entry
   * answering it, the engine then answers "partial" (closest questions) instead of declining.
   * Whether an entry is given as the answer is the answer model's call (answer-model.ts).
   */
  inAreaThreshold: 0.35,
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function confidenceFrom(evidence: MatchEvidence, model = CONFIDENCE_MODEL): number {
  const { weights } = model;
  const match =
    weights.coverage * evidence.coverage +
    weights.relevance * clamp01(evidence.relevance / model.fullRelevance) +
    weights.closeness * clamp01(evidence.closeness / model.fullCloseness) +
    weights.topic * clamp01(evidence.topicRelevance / model.fullTopicRelevance);
  const cost = evidence.scope === 'framework' ? model.unknownWordsCost.framework : model.unknownWordsCost.other;
  const unknownFactor = clamp01(1 - cost * (1 - evidence.knownShare));
  return clamp01(match * model.scopeFactor[evidence.scope] * unknownFactor);
}
