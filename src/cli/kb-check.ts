// `npm run kb:check`: validates knowledge/ and prints a summary; `--json` prints it as one JSON
// object. Exits 1 when there is any problem, so CI and curators see it at once.
import { findContradictions } from '../knowledge/contradictions.js';
import { defaultKnowledgeDir, formatProblem, inspectKnowledge, VERDICTS, type Verdict } from '../knowledge/index.js';
import { runEntryPoint } from '../app/entry-point.js';
import { parseCommandLine } from './environment.js';

const USAGE = `Usage: npm run kb:check [-- --json] [-- --knowledge DIR]`;

runEntryPoint(() => {
  const { values } = parseCommandLine(
    {
      options: {
        json: { type: 'boolean', default: false },
        knowledge: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dir = values.knowledge ?? defaultKnowledgeDir();
  const { knowledge, problems } = inspectKnowledge(dir);
  // Prose that states a version or status the release registry contradicts is a problem too.
  if (knowledge && problems.length === 0) {
    for (const c of findContradictions(knowledge)) problems.push({ file: c.file, where: c.where, message: c.message });
  }

  const verdicts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const claim of knowledge?.claims ?? []) verdicts[claim.verdict]++;
  const summary = {
    topics: knowledge?.topics.map((topic) => topic.id) ?? [],
    faqEntries: knowledge?.faq.length ?? 0,
    claims: knowledge?.claims.length ?? 0,
    sources: knowledge ? Object.keys(knowledge.sources).length : 0,
    seedClaims: knowledge?.claims.filter((claim) => claim.articles.length > 0).length ?? 0,
    verdicts,
    problems: problems.map(formatProblem),
  };

  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const status =
      problems.length === 0 ? 'Knowledge base OK' : `Knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    const lines = [
      `${status}: ${summary.topics.length} topics, ${summary.faqEntries} FAQ entries, ${summary.claims} claims ` +
        `(${summary.seedClaims} traced to the seed articles), ${summary.sources} sources.`,
      `Verdicts: ${VERDICTS.map((verdict) => `${verdict} ${verdicts[verdict]}`).join(', ')}.`,
      ...summary.problems.map((problem) => `  - ${problem}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = problems.length === 0 ? 0 : 1;
});
