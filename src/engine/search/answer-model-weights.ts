// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.538,
    relevance: 0.767,
    closeness: -0.17,
    topicRelevance: -0.973,
    things: 1.447,
    focus: 0.312,
    intent: 0.174,
    specificity: 0.391,
    resemblance: 0.627,
    rankShare: 1.395,
    topicShare: 1.091,
    isClaim: 0.152,
    coverageSquared: -1.076,
    closenessSquared: -0.071,
  },
  confidence: {
    bias: -8.973,
    score: -0.007,
    margin: -0.464,
    coverage: 1.406,
    closeness: 1.11,
    relevance: 1.263,
    resemblance: 1.708,
    things: 0.304,
    focus: -0.19,
    intent: 2.026,
    knownShare: 1.243,
    namesFramework: 2.429,
    onlyContext: 1.056,
    length: 0.521,
    topicRelevance: 0.621,
    topicShare: -0.057,
    answerCoverage: 1.024,
    answerThings: 1.026,
  },
  answerThreshold: 0.55,
};
