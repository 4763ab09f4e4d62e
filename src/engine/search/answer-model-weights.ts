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
    bias: -8.051,
    score: 0.254,
    margin: -0.438,
    coverage: 0.962,
    closeness: 0.637,
    relevance: 1.38,
    resemblance: 1.598,
    things: 0.28,
    focus: -0.367,
    intent: 1.646,
    knownShare: 1.805,
    namesFramework: 2.143,
    onlyContext: 1.042,
    length: 0.434,
    topicRelevance: 0.845,
    topicShare: 0.477,
  },
  answerThreshold: 0.53,
};
