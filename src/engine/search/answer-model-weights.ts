// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.534,
    relevance: 0.565,
    closeness: -0.137,
    topicRelevance: -1.08,
    things: 1.517,
    focus: 0.453,
    intent: 0.195,
    specificity: 0.397,
    resemblance: 0.599,
    rankShare: 1.558,
    topicShare: 1.07,
    isClaim: 0.173,
    coverageSquared: -1.06,
    closenessSquared: -0.171,
  },
  confidence: {
    bias: -8.016,
    score: 0.056,
    margin: -0.396,
    coverage: 0.516,
    closeness: 0.606,
    relevance: 1.205,
    resemblance: 1.459,
    things: -0.194,
    focus: -0.382,
    intent: 1.79,
    knownShare: 1.704,
    namesFramework: 2.153,
    onlyContext: 1.09,
    length: 0.593,
    topicRelevance: 0.714,
    topicShare: 0.478,
    answerCoverage: 1.075,
    answerThings: 0.727,
  },
  answerThreshold: 0.56,
};
