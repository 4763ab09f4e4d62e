// `npm run kb:stale`: what a curator should re-check now. Lists FAQ entries and claims past their
// review interval, entries checked against versions older than the registry's
// latest, registry entries past theirs, and prose that contradicts the registry. `--json` prints
// the whole report as one object. Exits 1 when the prose contradicts the registry (something is
// wrong now), 2 when the knowledge does not load, 0 otherwise (due checks are a to-do list).
import { defaultKnowledgeDir, formatProblem, inspectKnowledge } from '../knowledge/index.js';
import { staleReport, type StaleReport } from '../knowledge/stale.js';
import { handleEntryPointErrors } from '../app/entry-point.js';
import { OperatorError } from '../errors.js';
import { parseCommandLine, UsageError } from './environment.js';

handleEntryPointErrors();

const USAGE = `Usage: npm run kb:stale [-- --json] [-- --today YYYY-MM-DD] [-- --knowledge DIR]`;
/** How many items of each list the text report shows; --json has them all. */
const SHOWN = 15;

const { values } = parseCommandLine(
  {
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const today = values.today ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
  throw new UsageError(`--today must be a date written YYYY-MM-DD`, USAGE);

const { knowledge, problems } = inspectKnowledge(values.knowledge ?? defaultKnowledgeDir());
if (!knowledge || problems.length > 0) {
  throw new OperatorError(
    `The knowledge does not load, so staleness cannot be judged:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    2,
  );
}
const report = staleReport(knowledge, today);

if (values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  process.stdout.write(`${formatReport(report)}\n`);
}
// exitCode, not exit(): a large --json report written to a pipe must be flushed before the process ends.
process.exitCode = report.contradictions.length > 0 ? 1 : 0;

function formatReport(r: StaleReport): string {
  const list = <T>(items: T[], line: (item: T) => string) => [
    ...items.slice(0, SHOWN).map((item) => `  - ${line(item)}`),
    ...(items.length > SHOWN ? [`  … and ${items.length - SHOWN} more (--json lists all)`] : []),
  ];
  const sections = [
    `Knowledge staleness as of ${r.today}: ${r.entries} FAQ entries and claims.`,
    `Contradictions with knowledge/releases.yaml: ${r.contradictions.length}`,
    ...list(r.contradictions, (c) => `${c.file}: ${c.where}: ${c.message}\n      "${c.sentence}"`),
    `Registry entries due for a check: ${r.registryDue.length}`,
    ...list(r.registryDue, (d) => `${d.id}: checked ${d.checked}, due ${d.due}`),
    `Entries checked against an older release than the latest: ${r.behind.length}`,
    ...list(r.behind, (b) => `${b.file}: ${b.kind} "${b.id}": checked against ${b.projectId} ${b.checkedAgainst}, latest is ${b.latest}`),
    `Entries past their review interval: ${r.due.length}`,
    ...list(r.due, (d) => `${d.file}: ${d.kind} "${d.id}": checked ${d.checked}, due ${d.due} (${d.daysOverdue} days ago)`),
    ...(r.problems.length > 0 ? [`Problems: ${r.problems.length}`, ...list(r.problems, (p) => p)] : []),
  ];
  return sections.join('\n');
}
