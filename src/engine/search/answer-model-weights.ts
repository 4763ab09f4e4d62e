// Written by `npm run fit` (bench/fit-answer-model.ts) from tuning-questions.jsonl, dev-questions.jsonl, real-tune.jsonl, real-dev.jsonl.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = {
  ranking: {
    coverage: 1.775,
    relevance: 0.269,
    closeness: -0.095,
    topicRelevance: -0.652,
    things: 1.429,
    focus: 0.605,
    intent: 0.265,
    specificity: 0.313,
    resemblance: 0.501,
    rankShare: 1.784,
    topicShare: 0.59,
    isClaim: 0.096,
    coverageSquared: -1.161,
    closenessSquared: -0.199,
  },
  confidence: {
    bias: -8.867,
    score: 0.128,
    margin: -0.262,
    coverage: 1.137,
    closeness: 0.493,
    relevance: 1.531,
    resemblance: 1.639,
    things: 0.456,
    focus: 0.923,
    intent: 1.792,
    knownShare: 1.614,
    namesFramework: 2.086,
    onlyContext: 1.056,
    length: 0.662,
    topicRelevance: 0.749,
    topicShare: -0.223,
  },
  answerThreshold: 0.5,
};
