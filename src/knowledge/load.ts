// Reads knowledge/ from disk, validates every file with its zod schema, then checks the
// cross-references between files. Problems are collected, not thrown one at a time, so a curator
// sees everything that is wrong in one run; each names the file, the entry and the field.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { OperatorError } from '../errors.js';
import type { Knowledge, Topic, TopicClaim, TopicFaqEntry } from './model.js';
import { resolveDocumentPlaceholders } from './releases.js';
import {
  releasesFileSchema,
  recommendationsFileSchema,
  scopeFileSchema,
  sourcesFileSchema,
  synonymsFileSchema,
  topicFileSchema,
  type ComparisonRow,
  type Criterion,
  type ReleaseProject,
  type Scope,
  type Source,
  type SynonymGroup,
  type TopicFile,
} from './schema.js';
import { findCrossReferenceProblems } from './validate.js';
import {
  defaultKnowledgeCacheDir,
  type KnowledgeFiles,
  knowledgeKey,
  readCachedKnowledge,
  rememberKnowledgeKey,
  writeCachedKnowledge,
} from './validated-cache.js';

export interface KnowledgeProblem {
  /** Path of the file, relative to the knowledge directory's parent (e.g. "knowledge/topics/hardware.yaml"). */
  file: string;
  /** Where in the file, e.g. `faq[2] "tpu-support" > phrasings`; empty for the whole file. */
  where: string;
  message: string;
}

/** An OperatorError: the curator fixes the files; every entry point prints it without a stack trace. */
export class KnowledgeError extends OperatorError {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n') +
        '\nRun `npm run kb:check` for the full report.',
    );
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}${problem.where ? `: ${problem.where}` : ''}: ${problem.message}`;
}

const indexFileSchema = z.strictObject({
  topics: z.array(z.string()).min(1, 'must list at least one topic id'),
});

export interface KnowledgeInspection {
  knowledge: Knowledge | undefined;
  problems: KnowledgeProblem[];
}

/** The files of the shared registry and lexicons, relative to the knowledge directory; topics come from topics/. */
const TOP_LEVEL_FILES = ['releases.yaml', 'index.yaml', 'sources.yaml', 'synonyms.yaml', 'recommendations.yaml', 'scope.yaml'];

/** Every file the loader reads, with its text, keyed by its path relative to `dir` (topics/<id>.yaml). */
function readKnowledgeFiles(dir: string): KnowledgeFiles {
  const files = new Map<string, string>();
  for (const name of TOP_LEVEL_FILES) {
    const file = join(dir, name);
    if (existsSync(file)) files.set(name, readFileSync(file, 'utf8'));
  }
  const topicsDir = join(dir, 'topics');
  if (existsSync(topicsDir)) {
    for (const name of readdirSync(topicsDir)
      .filter((name) => name.endsWith('.yaml'))
      .sort())
      files.set(`topics/${name}`, readFileSync(join(topicsDir, name), 'utf8'));
  }
  return files;
}

/** Loads and checks everything; never throws for bad content (only the problems list grows). */
export function inspectKnowledge(dir: string): KnowledgeInspection {
  return inspectFiles(dir, readKnowledgeFiles(dir));
}

function inspectFiles(dir: string, files: KnowledgeFiles): KnowledgeInspection {
  const problems: KnowledgeProblem[] = [];
  const display = (file: string) => relative(join(dir, '..'), file) || file;

  /** Placeholders resolve against the registry before a file is checked (so limits apply to resolved text). */
  let releaseProjects = new Map<string, ReleaseProject>();
  let releasesBroken = false;
  /** Reads one file of `files` by its path in the knowledge directory (topics/<id>.yaml). */
  function readYaml<T>(path: string, schema: z.ZodType<T>, options: { optional?: boolean; placeholders?: boolean } = {}): T | undefined {
    const shown = display(join(dir, path));
    const text = files.get(path);
    if (text === undefined) {
      if (!options.optional) problems.push({ file: shown, where: '', message: 'file is missing' });
      return undefined;
    }
    let raw: unknown;
    try {
      // The core schema reads dates as plain strings, as the schemas expect.
      raw = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: shown });
    } catch (error) {
      if (!(error instanceof yaml.YAMLException)) throw error;
      problems.push({
        file: shown,
        where: error.mark ? `line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '',
        message: `is not valid YAML: ${error.reason}`,
      });
      return undefined;
    }
    if (options.placeholders && !releasesBroken) {
      const placeholderProblems = resolveDocumentPlaceholders(raw, releaseProjects);
      for (const { path, message } of placeholderProblems) problems.push({ file: shown, where: describePath(raw, path), message });
      if (placeholderProblems.length > 0) return undefined;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: shown, where: describePath(raw, issue.path), message: issue.message });
      }
      return undefined;
    }
    return result.data;
  }

  // Optional so that a knowledge directory without tracked projects still loads (test fixtures).
  const releasesFile = readYaml('releases.yaml', releasesFileSchema, { optional: true });
  releaseProjects = new Map((releasesFile?.projects ?? []).map((project) => [project.id, project]));
  releasesBroken = files.has('releases.yaml') && !releasesFile;
  const index = readYaml('index.yaml', indexFileSchema);
  const sourcesFile = readYaml('sources.yaml', sourcesFileSchema);
  const synonymsFile = readYaml('synonyms.yaml', synonymsFileSchema);
  const recommendationsFile = readYaml('recommendations.yaml', recommendationsFileSchema, { placeholders: true });
  const scopeFile = readYaml('scope.yaml', scopeFileSchema);

  const topicsDir = join(dir, 'topics');
  const topicFiles = [...files.keys()].filter((path) => path.startsWith('topics/')).map((path) => path.slice('topics/'.length));
  const topicsById = new Map<string, { file: string; data: TopicFile }>();
  for (const name of topicFiles) {
    const file = join(topicsDir, name);
    const data = readYaml(`topics/${name}`, topicFileSchema, { placeholders: true });
    if (!data) continue;
    const expectedId = basename(name, '.yaml');
    if (data.id !== expectedId) {
      problems.push({ file: display(file), where: 'id', message: `is "${data.id}" but the file is named ${name}; they must match` });
    }
    topicsById.set(data.id, { file: display(file), data });
  }

  if (index) {
    for (const topicId of index.topics) {
      if (!topicsById.has(topicId) && !topicFiles.includes(`${topicId}.yaml`)) {
        problems.push({
          file: display(join(dir, 'index.yaml')),
          where: 'topics',
          message: `lists "${topicId}" but knowledge/topics/${topicId}.yaml does not exist`,
        });
      }
    }
    for (const name of topicFiles) {
      const topicId = basename(name, '.yaml');
      if (!index.topics.includes(topicId)) {
        problems.push({
          file: display(join(topicsDir, name)),
          where: '',
          message: `topic "${topicId}" is not listed in knowledge/index.yaml`,
        });
      }
    }
  }

  if (
    releasesBroken ||
    !index ||
    !sourcesFile ||
    !synonymsFile ||
    !recommendationsFile ||
    !scopeFile ||
    topicsById.size !== topicFiles.length
  ) {
    return { knowledge: undefined, problems };
  }

  const knowledge = assemble(
    index.topics.flatMap((topicId) => {
      const entry = topicsById.get(topicId);
      return entry ? [entry] : [];
    }),
    sourcesFile.sources,
    recommendationsFile.criteria,
    synonymsFile.synonyms,
    scopeFile,
    { sources: releasesFile?.sources ?? [], projects: releasesFile?.projects ?? [], file: display(join(dir, 'releases.yaml')) },
  );
  problems.push(
    ...findCrossReferenceProblems({
      knowledge: knowledge.knowledge,
      sourceFiles: knowledge.sourceFiles,
      topicFiles: new Map([...topicsById].map(([topicId, entry]) => [topicId, entry.file])),
      sourcesFile: display(join(dir, 'sources.yaml')),
      recommendationsFile: display(join(dir, 'recommendations.yaml')),
      synonymsFile: display(join(dir, 'synonyms.yaml')),
      releasesFile: display(join(dir, 'releases.yaml')),
    }),
  );
  // The assembled knowledge is returned even with cross-reference problems, so kb:check can
  // still count what is there; loadKnowledge refuses it all the same.
  return { knowledge: knowledge.knowledge, problems };
}

export interface LoadOptions {
  /**
   * Where validated knowledge is cached by the hash of its files (see validated-cache.ts);
   * false for none. inspectKnowledge (kb:check, reloads) always reads and validates in full.
   */
  cacheDir?: string | false;
}

/** Loads knowledge/ or throws a KnowledgeError that lists every problem. */
export function loadKnowledge(dir: string, { cacheDir = defaultKnowledgeCacheDir() ?? false }: LoadOptions = {}): Knowledge {
  const files = readKnowledgeFiles(dir);
  const cache = cacheDir ? { dir: cacheDir, key: knowledgeKey(files) } : undefined;
  const cached = cache && readCachedKnowledge(cache.dir, cache.key);
  if (cache && cached) {
    rememberKnowledgeKey(cached, cache.key);
    return cached;
  }
  const { knowledge, problems } = inspectFiles(dir, files);
  if (!knowledge || problems.length > 0) throw new KnowledgeError(problems);
  if (cache) {
    writeCachedKnowledge(cache.dir, cache.key, knowledge);
    rememberKnowledgeKey(knowledge, cache.key);
  }
  return knowledge;
}

function assemble(
  topicEntries: { file: string; data: TopicFile }[],
  sharedSources: Source[],
  criteria: Criterion[],
  synonyms: SynonymGroup[],
  scope: Scope,
  releases: { sources: Source[]; projects: ReleaseProject[]; file: string },
) {
  const topics: Topic[] = [];
  const faq: TopicFaqEntry[] = [];
  const claims: TopicClaim[] = [];
  const comparisons: Record<string, ComparisonRow[]> = {};
  // Every declaration of a source id, with the file that made it, so duplicates can be reported.
  const sourceFiles: { source: Source; file: string }[] = [
    ...sharedSources.map((source) => ({ source, file: 'sources.yaml' })),
    ...releases.sources.map((source) => ({ source, file: releases.file })),
  ];
  for (const { file, data } of topicEntries) {
    topics.push({ id: data.id, title: data.title, covers: data.covers, summary: data.summary, keywords: data.keywords });
    faq.push(...data.faq.map((entry) => ({ ...entry, topic: data.id })));
    claims.push(...data.claims.map((claim) => ({ ...claim, topic: data.id })));
    comparisons[data.id] = data.comparison;
    sourceFiles.push(...data.sources.map((source) => ({ source, file })));
  }
  const sources: Record<string, Source> = {};
  for (const { source } of sourceFiles) sources[source.id] ??= source;
  return {
    knowledge: { topics, faq, claims, comparisons, sources, criteria, synonyms, scope, releases: releases.projects },
    sourceFiles,
  };
}

/** Turns a zod issue path into words a curator can follow: `faq[2] "tpu-support" > phrasings`. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const childId =
        child !== null && typeof child === 'object' && typeof (child as { id?: unknown }).id === 'string'
          ? ` "${(child as { id: string }).id}"`
          : '';
      parts[parts.length - 1] = `${parts.at(-1) ?? ''}[${key}]${childId}`;
    } else {
      parts.push(String(key));
    }
    node = child;
  }
  return parts.join(' > ');
}
