// `npm run bench [-- --json] [-- --quick]`: how fast the engine answers, how it compares with
// a naive fuse.js baseline, and how it scales. A benchmark, not a test: it reports, it does
// not fail on numbers. Targets (issue #3): p99 <= 1 ms and cold start <= 300 ms on the shipped
// knowledge; 10k entries: p99 <= 5 ms, build <= 1 s; 50k entries: p99 <= 20 ms.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNaiveBaseline } from './naive-baseline.js';
import { generateKnowledge } from './generated-knowledge.js';
import { megabytes, percentile, round, timeEach } from './stats.js';
import { plainFromPastedChat } from '../src/adapters/pasted-text.js';
import { createCachedEngine } from '../src/app/prebuilt-index.js';
import { createEngine, toEvaluationRecord } from '../src/engine/index.js';
import { defaultKnowledgeDir } from '../src/knowledge/index.js';
import { type LabelledQuestion, parseLabelledSet, scoreQuestions } from '../src/cli/evaluation.js';
import { handleEntryPointErrors } from '../src/app/entry-point.js';
import { parseCommandLine } from '../src/cli/environment.js';
import { loadKnowledge } from '../src/knowledge/index.js';

handleEntryPointErrors();

const USAGE = 'Usage: npm run bench [-- --json] [-- --quick] [-- --rounds N] [-- --knowledge DIR] [-- --no-cache]';
const { values: options } = parseCommandLine(
  {
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '50' },
      knowledge: { type: 'string' },
      // Start as after a knowledge change: validate the files and build every index in full.
      'no-cache': { type: 'boolean', default: false },
    },
  },
  USAGE,
);
const log = (line: string) => {
  if (!options.json) process.stdout.write(`${line}\n`);
};

const evalDir = join(dirname(defaultKnowledgeDir()), 'eval');
const questions: LabelledQuestion[] = ['dev-questions.jsonl', 'tuning-questions.jsonl'].flatMap((file) =>
  parseLabelledSet(readFileSync(join(evalDir, file), 'utf8'), file).filter((question) => question.q !== undefined),
);
const queries = questions.map((question) => question.q!);

// Cold start: reading and validating the files, then building every index, as the bot starts:
// unchanged knowledge is read from the cache of validated knowledge and its prebuilt index (the
// first run after a change fills them); --no-cache measures a start after a change.
const cacheDir = options['no-cache'] ? false : undefined;
const loadStarted = performance.now();
const knowledge = loadKnowledge(options.knowledge ?? defaultKnowledgeDir(), { cacheDir });
const loadedAt = performance.now();
const engine = createCachedEngine(knowledge, { cacheDir });
const indexedAt = performance.now();
const coldStart = {
  caches: cacheDir === false ? 'off' : 'on',
  loadMs: round(loadedAt - loadStarted, 1),
  indexMs: round(indexedAt - loadedAt, 1),
  totalMs: round(indexedAt - loadStarted, 1),
};
log(
  `Cold start: ${coldStart.totalMs} ms (load and validate ${coldStart.loadMs} ms, index ${coldStart.indexMs} ms; caches ${coldStart.caches})`,
);

// Per-query latency over the labelled questions, repeated; the first round warms the JIT.
const rounds = options.quick ? 5 : Number(options.rounds);
timeEach(queries, (q) => engine.respond(q));
const repeated = Array.from({ length: rounds }, () => queries).flat();
const started = performance.now();
const latencies = timeEach(repeated, (q) => engine.respond(q));
const elapsed = performance.now() - started;
const latency = {
  queries: repeated.length,
  p50Ms: round(percentile(latencies, 50), 4),
  p99Ms: round(percentile(latencies, 99), 4),
  maxMs: round(latencies.at(-1) ?? 0, 3),
  throughputPerSecond: Math.round(repeated.length / (elapsed / 1000)),
  rssMb: megabytes(process.memoryUsage().rss),
};
log(
  `Engine: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms over ${latency.queries} queries; ${latency.throughputPerSecond} queries/s; RSS ${latency.rssMb} MB`,
);

// The naive baseline on the same questions: accuracy and latency side by side.
const baseline = createNaiveBaseline(knowledge);
const engineScore = scoreQuestions(questions, ({ q }) => toEvaluationRecord(q!, engine.respond(plainFromPastedChat(q!))));
const baselineScore = scoreQuestions(questions, ({ q }) => ({
  ...baseline(q!),
  query: q!,
  confidence: 0,
  entryId: null,
  text: '',
  sources: [],
  suggestions: [],
  kind: 'answer',
  asOf: null,
}));
timeEach(queries, baseline);
const baselineLatencies = timeEach(repeated, baseline);
const comparison = {
  questions: questions.length,
  engine: { top1: round(engineScore.top1Rate), declined: round(engineScore.declinedRate), p50Ms: latency.p50Ms, p99Ms: latency.p99Ms },
  baseline: {
    top1: round(baselineScore.top1Rate),
    declined: round(baselineScore.declinedRate),
    p50Ms: round(percentile(baselineLatencies, 50), 4),
    p99Ms: round(percentile(baselineLatencies, 99), 4),
  },
};
const ratios = {
  top1: round(comparison.engine.top1 / Math.max(0.001, comparison.baseline.top1), 2),
  declined: round(comparison.engine.declined / Math.max(0.001, comparison.baseline.declined), 2),
  p50Latency: round(comparison.engine.p50Ms / Math.max(0.0001, comparison.baseline.p50Ms), 2),
};
log(
  `Baseline (fuse.js over FAQ questions): top-1 ${comparison.baseline.top1}, declined ${comparison.baseline.declined}, p50 ${comparison.baseline.p50Ms} ms, p99 ${comparison.baseline.p99Ms} ms`,
);
log(`Engine vs baseline: top-1 x${ratios.top1}, declined x${ratios.declined}, p50 latency x${ratios.p50Latency}`);

// Scaling on generated knowledge.
const sizes = options.quick ? [1_000] : [1_000, 10_000, 50_000];
const scaling = sizes.map((entries) => {
  const { knowledge: generated, sampleQueries } = generateKnowledge(knowledge, entries);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const scaled = createEngine(generated);
  const buildMs = performance.now() - buildStarted;
  const heapMb = megabytes(process.memoryUsage().heapUsed - heapBefore);
  timeEach(sampleQueries, (q) => scaled.respond(q));
  const times = timeEach(sampleQueries, (q) => scaled.respond(q));
  const row = {
    entries,
    buildMs: round(buildMs, 1),
    p50Ms: round(percentile(times, 50), 3),
    p99Ms: round(percentile(times, 99), 3),
    heapMb,
    rssMb: megabytes(process.memoryUsage().rss),
  };
  log(
    `Generated ${entries} entries: build ${row.buildMs} ms, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, heap +${row.heapMb} MB, RSS ${row.rssMb} MB`,
  );
  return row;
});

if (options.json) process.stdout.write(`${JSON.stringify({ coldStart, latency, comparison, ratios, scaling })}\n`);
