// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.576,
    relevance: 1.063,
    closeness: -0.341,
    topicRelevance: -1.114,
    things: 1.378,
    focus: 0.379,
    intent: 0.318,
    specificity: 0.327,
    resemblance: 0.613,
    rankShare: 1.618,
    topicShare: 1.135,
    isClaim: 0.198,
    coverageSquared: -1.141,
    closenessSquared: 0.052,
  },
  confidence: {
    bias: -7.644,
    score: 0.018,
    margin: -0.195,
    coverage: 1.46,
    closeness: 1.923,
    relevance: 1.04,
    resemblance: 1.738,
    things: -0.004,
    focus: -0.554,
    intent: 1.771,
    knownShare: 0.603,
    namesFramework: 2.912,
    onlyContext: 1.084,
    length: 0.211,
    topicRelevance: 0.643,
    topicShare: -0.167,
    answerCoverage: 0.795,
    answerThings: 0.868,
  },
  answerThreshold: 0.51,
};
