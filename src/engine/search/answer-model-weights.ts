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
    bias: -9.968,
    score: 0.356,
    margin: -0.451,
    coverage: 1.416,
    closeness: -0.02,
    relevance: 1.793,
    resemblance: 1.872,
    things: 0.664,
    focus: 1.724,
    intent: 1.553,
    knownShare: 1.332,
    namesFramework: 2.121,
    onlyContext: 1.123,
    length: 0.906,
    topicRelevance: 0.711,
    topicShare: -0.078,
  },
  answerThreshold: 0.55,
};
