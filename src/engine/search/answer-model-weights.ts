// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.583,
    relevance: 1.062,
    closeness: -0.341,
    topicRelevance: -1.11,
    things: 1.376,
    focus: 0.379,
    intent: 0.315,
    specificity: 0.325,
    resemblance: 0.607,
    rankShare: 1.622,
    topicShare: 1.124,
    isClaim: 0.196,
    coverageSquared: -1.146,
    closenessSquared: 0.056,
  },
  confidence: {
    bias: -7.529,
    score: 0.05,
    margin: -0.209,
    coverage: 1.589,
    closeness: 1.841,
    relevance: 1.075,
    resemblance: 1.643,
    things: -0.003,
    focus: -0.645,
    intent: 1.796,
    knownShare: 0.492,
    namesFramework: 2.922,
    onlyContext: 1.085,
    length: 0.329,
    topicRelevance: 0.589,
    topicShare: -0.152,
    answerCoverage: 0.747,
    answerThings: 0.895,
  },
  answerThreshold: 0.53,
};
