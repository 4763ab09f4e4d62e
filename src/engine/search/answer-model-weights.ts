// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.542,
    relevance: 0.569,
    closeness: -0.143,
    topicRelevance: -1.085,
    things: 1.505,
    focus: 0.311,
    intent: 0.196,
    specificity: 0.391,
    resemblance: 0.591,
    rankShare: 1.563,
    topicShare: 1.075,
    isClaim: 0.166,
    coverageSquared: -1.069,
    closenessSquared: -0.161,
  },
  confidence: {
    bias: -8.401,
    score: 0,
    margin: -0.383,
    coverage: 0.49,
    closeness: 0.61,
    relevance: 1.102,
    resemblance: 1.563,
    things: -0.194,
    focus: -0.29,
    intent: 1.905,
    knownShare: 1.658,
    namesFramework: 2.107,
    onlyContext: 1.092,
    length: 0.675,
    topicRelevance: 0.823,
    topicShare: 0.668,
    answerCoverage: 1.143,
    answerThings: 0.706,
  },
  answerThreshold: 0.55,
};
