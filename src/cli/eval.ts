// `npm run eval [-- FILE.jsonl ...]`: scores the engine on labelled questions, per set, at the
// answer level (direct, wrong, held back), by topic, and by calibration (confidence against how
// often answers are direct); wrong answers are listed first. Default: every set in eval/.
// See evaluation.ts for the label format and the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defaultKnowledgeDir } from '../knowledge/index.js';
import { handleEntryPointErrors } from '../app/entry-point.js';
import { parseCommandLine, UsageError } from './environment.js';
import { type CalibrationBand, type EvaluationScore, labelledAsker, parseLabelledSet, scoreQuestions } from './evaluation.js';
import { loadEngine } from './load-engine.js';

handleEntryPointErrors();

const USAGE = `Usage: npm run eval [-- [--json | --markdown] [--quiet] [--knowledge DIR] [--min-top1 R] [--min-declined R] [--min-direct R] [--max-wrong R] FILE.jsonl ...]
  With no files, scores every set in eval/. The minimums and maximums (0..1) apply to each set that has such questions.
  --markdown prints one table row per set (the README's table of figures).`;

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      knowledge: { type: 'string' },
      'min-top1': { type: 'string', default: '0' },
      'min-declined': { type: 'string', default: '0' },
      'min-direct': { type: 'string', default: '0' },
      'max-wrong': { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const evalDir = join(dirname(defaultKnowledgeDir()), 'eval');
const files =
  positionals.length > 0
    ? positionals
    : readdirSync(evalDir)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => join(evalDir, name));
const sets = files.map((file) => {
  try {
    return { file, questions: parseLabelledSet(readFileSync(file, 'utf8'), file) };
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
});

const engine = loadEngine(values.knowledge);
const asker = labelledAsker(engine);
const scores = sets.map(({ file, questions }) => ({
  set: basename(file),
  score: scoreQuestions(questions, asker.ask, asker.offered),
}));

const limits = {
  top1: Number(values['min-top1']),
  declined: Number(values['min-declined']),
  direct: Number(values['min-direct']),
  wrong: Number(values['max-wrong']),
};
const failing = scores.filter(
  ({ score }) =>
    (score.inScope > 0 && score.top1Rate < limits.top1) ||
    (score.outOfScope > 0 && score.declinedRate < limits.declined) ||
    (score.judged > 0 && (score.directRate < limits.direct || score.wrongRate > limits.wrong)),
);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ sets: scores, calibration: combined(scores.map(({ score }) => score)) })}\n`);
} else if (values.markdown) {
  process.stdout.write(`${markdownTable(scores)}\n`);
} else {
  for (const { set, score } of scores) {
    if (!values.quiet) for (const miss of score.misses) process.stdout.write(`${set}: ${miss}\n`);
  }
  process.stdout.write('\n');
  for (const { set, score } of scores) process.stdout.write(`${summary(set, score)}\n`);
  process.stdout.write(`\n${calibrationTable(combined(scores.map(({ score }) => score)))}\n`);
}
// exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
process.exitCode = failing.length === 0 ? 0 : 1;

function summary(set: string, score: EvaluationScore): string {
  const pct = (rate: number) => `${(100 * rate).toFixed(1)}%`;
  const parts: string[] = [];
  if (score.judged > 0) {
    const kinds = Object.entries(score.heldBackKinds)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    parts.push(
      `direct ${pct(score.directRate)} (${score.direct}/${score.judged}), wrong ${pct(score.wrongRate)} (${score.wrong}${score.wrong > 0 ? `; ${score.wrongOnePickAway} one pick away` : ''}), held back ${score.heldBack}${kinds ? ` (${kinds}; ${score.onePickAway} one pick away)` : ''}`,
    );
  }
  if (score.inScope > 0) parts.push(`topic top-1 ${pct(score.top1Rate)} (${score.top1}/${score.inScope})`);
  if (score.outOfScope > 0) parts.push(`declined ${pct(score.declinedRate)} (${score.declined}/${score.outOfScope})`);
  return `${set} (${score.questions}): ${parts.join('; ')}`;
}

function markdownTable(scores: { set: string; score: EvaluationScore }[]): string {
  const share = (count: number, of: number) => (of > 0 ? `${Math.round((100 * count) / of)}%` : '–');
  const rows = scores.map(
    ({ set, score }) =>
      `| \`${set}\` | ${score.judged} | ${share(score.direct, score.judged)} | ${share(score.wrong, score.judged)} | ${score.wrongOnePickAway} | ${score.heldBack} | ${score.onePickAway} | ${share(score.top1, score.inScope)} | ${share(score.declined, score.outOfScope)} |`,
  );
  return [
    '| Set | Judged | Direct | Wrong | Wrong, one pick away | Held back | Held back, one pick away | Topic top-1 | Declined |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function combined(scores: EvaluationScore[]): CalibrationBand[] {
  return scores[0]
    ? scores[0].calibration.map((band, i) => ({
        ...band,
        answered: scores.reduce((sum, score) => sum + score.calibration[i]!.answered, 0),
        direct: scores.reduce((sum, score) => sum + score.calibration[i]!.direct, 0),
      }))
    : [];
}

function calibrationTable(bands: CalibrationBand[]): string {
  const rows = bands.map(
    (band) =>
      `  ${band.from.toFixed(1)}–${band.to.toFixed(1)}  ${String(band.answered).padStart(8)}  ${band.answered > 0 ? `${((100 * band.direct) / band.answered).toFixed(0)}%`.padStart(7) : '      –'}`,
  );
  return ['Calibration (judged answers): confidence  answered  direct', ...rows].join('\n');
}
