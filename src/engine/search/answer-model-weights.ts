// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.562,
    relevance: 1.077,
    closeness: -0.32,
    topicRelevance: -1.082,
    things: 1.354,
    focus: 0.399,
    intent: 0.357,
    specificity: 0.338,
    resemblance: 0.601,
    rankShare: 1.606,
    topicShare: 1.085,
    isClaim: 0.198,
    coverageSquared: -1.107,
    closenessSquared: 0.036,
  },
  confidence: {
    bias: -7.78,
    score: 0.11,
    margin: -0.189,
    coverage: 1.675,
    closeness: 1.943,
    relevance: 0.906,
    resemblance: 1.662,
    things: -0.05,
    focus: -0.561,
    intent: 1.861,
    knownShare: 0.554,
    namesFramework: 2.904,
    onlyContext: 1.055,
    length: 0.232,
    topicRelevance: 0.518,
    topicShare: -0.048,
    answerCoverage: 0.823,
    answerThings: 0.844,
  },
  answerThreshold: 0.51,
};
