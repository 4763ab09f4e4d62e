// `npm run fit`: fits the answer model's weights (src/engine/search/answer-model.ts) on the
// project's training sets and writes them to src/engine/search/answer-model-weights.ts.
//
// 1. Ranking: a linear score over each candidate's features, fitted so that, among the
//    candidates of one question, the entries whose answer addresses it (by the set's `must`
//    patterns or `entries` ids) get the most probability (softmax over the question's candidates).
// 2. Confidence: a logistic regression on the first candidate after ranking, fitted on whether it
//    addresses the question; out-of-scope questions count as "does not".
// 3. The answer threshold: the confidence that maximises direct answers minus WRONG_COST times
//    wrong ones on the training sets (a wrong answer costs several held-back ones).
// Only the training sets are used; the holdout sets stay unseen so that `npm run eval` on them
// measures how the engine generalises. Run it after changing features or much of the knowledge,
// then check `npm run eval` and commit the new weights with the figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainFromPastedChat } from '../src/adapters/pasted-text.js';
import { handleEntryPointErrors } from '../src/app/entry-point.js';
import { addresses, type LabelledQuestion, parseLabelledSet } from '../src/cli/evaluation.js';
import { describeCandidates, mayAnswer, orderCandidates } from '../src/engine/commands/ask.js';
import { COMMANDS } from '../src/engine/commands/registry.js';
import { createEngineContext } from '../src/engine/context.js';
import { toEvaluationRecord } from '../src/engine/index.js';
import {
  CONFIDENCE_FEATURES,
  type ConfidenceFeature,
  confidenceFeatures,
  RANKING_FEATURES,
  type RankingFeature,
  type ScoredCandidate,
} from '../src/engine/search/answer-model.js';
import type { SearchOutcome } from '../src/engine/search/knowledge-search.js';
import { defaultKnowledgeDir, loadKnowledge } from '../src/knowledge/index.js';

const TRAINING_SETS = ['tuning-questions.jsonl', 'dev-questions.jsonl', 'real-tune.jsonl', 'real-dev.jsonl'];
/** How many held-back answers one wrong answer is worth when choosing the threshold. */
const WRONG_COST = 2;
/** Candidates per question the ranking is fitted on. */
const CANDIDATES_PER_QUESTION = 20;

handleEntryPointErrors();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const knowledge = loadKnowledge(defaultKnowledgeDir());
const context = createEngineContext(knowledge, COMMANDS);
const answerText = (kind: 'faq' | 'claim', id: string) =>
  kind === 'faq' ? (context.faqById.get(id)?.answer ?? '') : (context.references.claim(id)?.now ?? '');

interface Example {
  outOfScope: boolean;
  judged: boolean;
  outcome: SearchOutcome;
  candidates: (Omit<ScoredCandidate, 'score'> & { direct: boolean })[];
}

const questions: LabelledQuestion[] = TRAINING_SETS.flatMap((name) =>
  parseLabelledSet(readFileSync(join(root, 'eval', name), 'utf8'), name).filter((question) => question.q !== undefined),
);
const examples: Example[] = questions.map((question) => {
  const query = plainFromPastedChat(question.q!.replace(/\s+/g, ' '));
  const { terms } = context.queryTerms(query);
  const outcome = context.search.search(terms);
  const { candidates } = describeCandidates(context, query, outcome);
  return {
    outOfScope: Array.isArray(question.topics) && question.topics.length === 0,
    judged: Boolean(question.must?.length || question.entries?.length),
    outcome,
    candidates: candidates.map((candidate) => {
      const record = toEvaluationRecord(query, {
        kind: 'answer',
        question: candidate.entry.title,
        query,
        text: answerText(candidate.entry.kind, candidate.entry.id),
        topic: candidate.entry.topic,
        confidence: 1,
        entryId: candidate.entry.id,
        claims: [],
        sources: [],
        followUps: [],
        candidates: [],
        notes: [],
        asOf: null,
      });
      return { ...candidate, direct: addresses(question, record) === true };
    }),
  };
});

// 1. Ranking, listwise.
const vector = (features: Record<RankingFeature, number>) => RANKING_FEATURES.map((name) => features[name]);
const groups = examples
  .filter((example) => example.judged && example.candidates.slice(0, CANDIDATES_PER_QUESTION).some((c) => c.direct))
  .map((example) => {
    const shown = example.candidates.slice(0, CANDIDATES_PER_QUESTION);
    const directCount = shown.filter((c) => c.direct).length;
    return { xs: shown.map((c) => vector(c.features)), target: shown.map((c) => (c.direct ? 1 / directCount : 0)) };
  });
const rankingWeights = new Array<number>(RANKING_FEATURES.length).fill(0);
for (let iteration = 0; iteration < 1500; iteration++) {
  const gradient = new Array<number>(rankingWeights.length).fill(0);
  for (const { xs, target } of groups) {
    const scores = xs.map((x) => dot(x, rankingWeights));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((sum, e) => sum + e, 0);
    xs.forEach((x, j) => {
      const error = exps[j]! / total - target[j]!;
      for (let i = 0; i < x.length; i++) gradient[i]! += error * x[i]!;
    });
  }
  for (let i = 0; i < rankingWeights.length; i++) rankingWeights[i]! -= (gradient[i]! / groups.length + 0.001 * rankingWeights[i]!) * 1;
}
const ranking = Object.fromEntries(RANKING_FEATURES.map((name, i) => [name, round(rankingWeights[i]!)])) as Record<RankingFeature, number>;

// 2. Confidence, on the first candidate after ranking.
const ranked = examples.map((example) => {
  // In the engine's order: candidates that may answer first (see orderCandidates).
  const scored = orderCandidates(
    example.candidates.map((c) => ({ ...c, score: RANKING_FEATURES.reduce((sum, name) => sum + ranking[name] * c.features[name], 0) })),
  );
  return { example, scored };
});
const calibrationRows = ranked
  .filter(({ example, scored }) => (example.judged || example.outOfScope) && scored.length > 0)
  .map(({ example, scored }) => {
    const features = confidenceFeatures(example.outcome, scored);
    return {
      x: [1, ...CONFIDENCE_FEATURES.map((name) => features[name])],
      y: !example.outOfScope && scored[0]!.direct ? 1 : 0,
      answerable: mayAnswer(scored[0]!.fit),
    };
  });
const confidenceWeights = new Array<number>(CONFIDENCE_FEATURES.length + 1).fill(0);
for (let iteration = 0; iteration < 8000; iteration++) {
  const gradient = new Array<number>(confidenceWeights.length).fill(0);
  for (const { x, y } of calibrationRows) {
    const error = sigmoid(dot(x, confidenceWeights)) - y;
    for (let i = 0; i < x.length; i++) gradient[i]! += error * x[i]!;
  }
  for (let i = 0; i < confidenceWeights.length; i++)
    confidenceWeights[i]! -= gradient[i]! / calibrationRows.length + (i > 0 ? 0.001 * confidenceWeights[i]! : 0);
}
const confidence = {
  bias: round(confidenceWeights[0]!),
  ...Object.fromEntries(CONFIDENCE_FEATURES.map((name, i) => [name, round(confidenceWeights[i + 1]!)])),
} as { bias: number } & Record<ConfidenceFeature, number>;

// 3. The threshold.
const judgedTop = calibrationRows.map((row) => ({ p: row.answerable ? sigmoid(dot(row.x, confidenceWeights)) : 0, direct: row.y === 1 }));
let answerThreshold = 0.5;
let bestGain = Number.NEGATIVE_INFINITY;
for (let t = 0.3; t <= 0.8; t += 0.01) {
  const answered = judgedTop.filter((row) => row.p >= t);
  const gain = answered.filter((row) => row.direct).length - WRONG_COST * answered.filter((row) => !row.direct).length;
  if (gain > bestGain) {
    bestGain = gain;
    answerThreshold = round(t);
  }
}

const weightsFile = join(root, 'src', 'engine', 'search', 'answer-model-weights.ts');
writeFileSync(
  weightsFile,
  `// Written by \`npm run fit\` (bench/fit-answer-model.ts) from ${TRAINING_SETS.join(', ')}.
// Do not edit by hand: change the features or the sets, and fit again.
import type { AnswerModelWeights } from './answer-model.js';

export const ANSWER_MODEL_WEIGHTS: AnswerModelWeights = ${JSON.stringify({ ranking, confidence, answerThreshold }, null, 2)};
`,
);
const topDirect = ranked.filter(({ example, scored }) => example.judged && scored[0]?.direct).length;
const judgedCount = examples.filter((example) => example.judged).length;
process.stdout.write(
  `Fitted on ${questions.length} questions (${judgedCount} judged, ${groups.length} with an answering entry among the first ${CANDIDATES_PER_QUESTION}).\n` +
    `First candidate answers the question: ${topDirect}/${judgedCount}. Answer threshold ${answerThreshold}.\n` +
    `Wrote ${weightsFile}; format it with Biome, then run npm run eval.\n`,
);

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
