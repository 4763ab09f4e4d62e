// Which entry answers a question, and how sure the engine is of it. The search gives every
// candidate entry a set of measured features (how much of the question it covers, how close the
// question is to one way of asking it, whether it names what the question names, ...). Two small
// linear models, fitted on the project's labelled questions (npm run fit, see
// bench/fit-answer-model.ts and docs/DESIGN.md), turn them into
// - a ranking score, trained to put an entry that answers the question first among the
//   candidates of one question (a listwise, softmax objective), and
// - a confidence, the probability that the first entry answers the question, trained on
//   whether it did (logistic regression). The answer threshold is chosen on the same sets so
//   that a wrong answer costs several held-back ones.
// The weights live in answer-model-weights.ts, written by the fitting script, never by hand.
import type { AnswerFit } from './answer-fit.js';
import { ANSWER_MODEL_WEIGHTS } from './answer-model-weights.js';
import type { RankedEntry, SearchOutcome } from './knowledge-search.js';

/** What the ranking model sees of a candidate entry; each value is 0..1 (or close). */
export const RANKING_FEATURES = [
  'coverage',
  'relevance',
  'closeness',
  'topicRelevance',
  'things',
  'focus',
  'intent',
  'specificity',
  'resemblance',
  'rankShare',
  'topicShare',
  'isClaim',
  'coverageSquared',
  'closenessSquared',
] as const;
export type RankingFeature = (typeof RANKING_FEATURES)[number];

/** What the confidence model sees of the first candidate and of the question. */
export const CONFIDENCE_FEATURES = [
  'score',
  'margin',
  'coverage',
  'closeness',
  'relevance',
  'resemblance',
  'things',
  'focus',
  'intent',
  'knownShare',
  'namesFramework',
  'onlyContext',
  'length',
  'topicRelevance',
  'topicShare',
  'answerCoverage',
  'answerThings',
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

export interface AnswerModelWeights {
  ranking: Record<RankingFeature, number>;
  confidence: { bias: number } & Record<ConfidenceFeature, number>;
  /** The confidence at and above which the first entry is given as the answer. */
  answerThreshold: number;
}

/** A candidate with its features and its ranking score. */
export interface ScoredCandidate {
  entry: RankedEntry;
  fit: AnswerFit;
  features: Record<RankingFeature, number>;
  score: number;
}

const cap = (value: number) => Math.min(1, value);

export function rankingFeatures(
  outcome: SearchOutcome,
  entry: RankedEntry,
  fit: AnswerFit,
  topic: { share: number; relevance: number },
): Record<RankingFeature, number> {
  const best = outcome.ranked[0]?.score ?? 0;
  const { share: topicShare, relevance: topicRelevance } = topic;
  return {
    coverage: fit.coverage,
    relevance: cap(entry.relevance),
    closeness: entry.closeness,
    topicRelevance: cap(topicRelevance),
    things: fit.things,
    focus: fit.focus,
    intent: fit.intent,
    specificity: fit.specificity,
    resemblance: fit.resemblance,
    rankShare: best > 0 ? entry.score / best : 0,
    topicShare,
    isClaim: entry.kind === 'claim' ? 1 : 0,
    coverageSquared: fit.coverage * fit.coverage,
    closenessSquared: entry.closeness * entry.closeness,
  };
}

export function rankingScore(features: Record<RankingFeature, number>, weights = ANSWER_MODEL_WEIGHTS): number {
  let score = 0;
  for (const name of RANKING_FEATURES) score += weights.ranking[name] * features[name];
  return score;
}

/** Queries longer than this many terms count as long. */
const LONG_QUERY_TERMS = 15;
/** The margin over the runner-up counts up to this much. */
const MAX_MARGIN = 2;

export function confidenceFeatures(outcome: SearchOutcome, ranked: readonly ScoredCandidate[]): Record<ConfidenceFeature, number> {
  const [first, second] = ranked;
  if (!first) throw new Error('confidenceFeatures needs at least one candidate');
  return {
    score: first.score / 5,
    margin: Math.min(MAX_MARGIN, second ? first.score - second.score : MAX_MARGIN),
    coverage: first.features.coverage,
    closeness: first.features.closeness,
    relevance: first.features.relevance,
    resemblance: first.features.resemblance,
    things: first.features.things,
    focus: first.features.focus,
    intent: first.features.intent,
    knownShare: outcome.knownShare,
    namesFramework: outcome.scope === 'framework' ? 1 : 0,
    onlyContext: outcome.scope === 'context' ? 1 : 0,
    length: Math.min(1, outcome.terms.length / LONG_QUERY_TERMS),
    topicRelevance: first.features.topicRelevance,
    topicShare: first.features.topicShare,
    answerCoverage: first.fit.answerCoverage,
    answerThings: first.fit.answerThings,
  };
}

export function confidenceOf(features: Record<ConfidenceFeature, number>, weights = ANSWER_MODEL_WEIGHTS): number {
  let z = weights.confidence.bias;
  for (const name of CONFIDENCE_FEATURES) z += weights.confidence[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
