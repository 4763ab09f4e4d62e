// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.785,
    relevance: 0.267,
    closeness: -0.12,
    topicRelevance: -0.659,
    things: 1.427,
    focus: 0.606,
    intent: 0.2,
    specificity: 0.317,
    resemblance: 0.51,
    rankShare: 1.79,
    topicShare: 0.586,
    isClaim: 0.102,
    coverageSquared: -1.17,
    closenessSquared: -0.186,
  },
  confidence: {
    bias: -8.744,
    score: 0.132,
    margin: -0.286,
    coverage: 1.101,
    closeness: 0.426,
    relevance: 1.582,
    resemblance: 1.67,
    things: 0.463,
    focus: 0.976,
    intent: 1.587,
    knownShare: 1.586,
    namesFramework: 2.099,
    onlyContext: 1.057,
    length: 0.672,
    topicRelevance: 0.777,
    topicShare: -0.192,
  },
  answerThreshold: 0.53,
};
