// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.539,
    relevance: 0.552,
    closeness: -0.142,
    topicRelevance: -1.082,
    things: 1.515,
    focus: 0.588,
    intent: 0.193,
    specificity: 0.401,
    resemblance: 0.604,
    rankShare: 1.552,
    topicShare: 1.075,
    isClaim: 0.183,
    coverageSquared: -1.057,
    closenessSquared: -0.167,
  },
  confidence: {
    bias: -8.399,
    score: 0.366,
    margin: -0.428,
    coverage: 1.003,
    closeness: 0.632,
    relevance: 1.437,
    resemblance: 1.678,
    things: 0.499,
    focus: -0.249,
    intent: 1.639,
    knownShare: 1.667,
    namesFramework: 2.137,
    onlyContext: 0.964,
    length: 0.419,
    topicRelevance: 0.764,
    topicShare: 0.427,
  },
  answerThreshold: 0.51,
};
