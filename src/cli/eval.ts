// `npm run eval [-- FILE.jsonl ...]`: scores the engine on labelled questions and lists the misses.
// Each line is {"q": "...", "topics": ["id", ...]}; an empty list means the bot must decline.
// Default: the project's own sets in eval/ (development and tuning questions).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plainFromPastedChat } from '../adapters/pasted-text.js';
import { toEvaluationRecord } from '../engine/index.js';
import { defaultKnowledgeDir } from '../knowledge/index.js';
import { scoreQuestions, type LabelledQuestion } from './evaluation.js';
import { handleEntryPointErrors } from '../app/entry-point.js';
import { parseCommandLine as parseArgsOrExit, UsageError } from './environment.js';
import { loadEngine } from './load-engine.js';

handleEntryPointErrors();

const USAGE = `Usage: npm run eval [-- [--json] [--quiet] [--knowledge DIR] [--min-top1 0.9] [--min-declined 0.9] FILE.jsonl ...]`;

const parseCommandLine = () =>
  parseArgsOrExit(
    {
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        knowledge: { type: 'string' },
        'min-top1': { type: 'string', default: '0' },
        'min-declined': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );

const { values, positionals } = parseCommandLine();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const evalDir = join(dirname(defaultKnowledgeDir()), 'eval');
const files = positionals.length > 0 ? positionals : [join(evalDir, 'dev-questions.jsonl'), join(evalDir, 'tuning-questions.jsonl')];
const questions: LabelledQuestion[] = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as LabelledQuestion;
      } catch {
        throw new UsageError(`${file}:${i + 1} is not valid JSON`, USAGE);
      }
    }),
);
const engine = loadEngine(values.knowledge);
const score = scoreQuestions(questions, (q) => toEvaluationRecord(q, engine.respond(plainFromPastedChat(q))));
const minTop1 = Number(values['min-top1']);
const minDeclined = Number(values['min-declined']);
const ok = score.top1Rate >= minTop1 && score.declinedRate >= minDeclined;

if (values.json) {
  process.stdout.write(`${JSON.stringify(score)}\n`);
} else {
  if (!values.quiet) for (const miss of score.misses) process.stdout.write(`miss: ${miss}\n`);
  const pct = (rate: number) => `${(100 * rate).toFixed(1)}%`;
  process.stdout.write(
    `top-1 ${score.top1}/${score.inScope} (${pct(score.top1Rate)}), declined ${score.declined}/${score.outOfScope} (${pct(score.declinedRate)}), ` +
      `${questions.length} questions from ${files.length} file${files.length === 1 ? '' : 's'}\n`,
  );
}
process.exit(ok ? 0 : 1);
