// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.812,
    relevance: 0.209,
    closeness: -0.099,
    topicRelevance: -0.665,
    things: 1.439,
    focus: 0.601,
    intent: 0.23,
    specificity: 0.267,
    resemblance: 0.518,
    rankShare: 1.911,
    topicShare: 0.699,
    isClaim: 0.106,
    coverageSquared: -1.193,
    closenessSquared: -0.245,
  },
  confidence: {
    bias: -8.889,
    score: 0.229,
    margin: -0.349,
    coverage: 1.179,
    closeness: 0.391,
    relevance: 1.601,
    resemblance: 1.705,
    things: 0.449,
    focus: 0.96,
    intent: 1.746,
    knownShare: 1.652,
    namesFramework: 2.101,
    onlyContext: 1.062,
    length: 0.559,
    topicRelevance: 0.537,
    topicShare: -0.154,
  },
  answerThreshold: 0.5,
};
