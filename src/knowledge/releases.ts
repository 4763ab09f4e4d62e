// The release registry's words: how a registry entry reads in an answer, and the {{project.field}}
// placeholders that let answers and claims refer to it instead of restating versions in prose.
// Pure (no I/O), so the engine may use it too.
import type { MaintenanceState, ReleaseProject } from './schema.js';

/** The fields a placeholder may name, with what each resolves to. */
export const PLACEHOLDER_FIELDS = {
  name: 'display name ("PyTorch")',
  latest: 'latest stable version ("2.14.0")',
  latest_date: 'month of the latest release ("September 2026")',
  next: 'the next release as far as known ("2.22.0, in release candidates since November 2026")',
  status: 'maintenance status ("actively developed", "in limited maintenance since February 2025")',
  python: 'Python versions of the latest release ("3.10–3.14")',
  cuda: 'CUDA versions of the latest release ("12.6, 13.0 and 13.2")',
  checked: 'date the registry entry was checked ("1 December 2026")',
} as const;
export type PlaceholderField = keyof typeof PLACEHOLDER_FIELDS;

/** {{project.field}}: a project id (lower-case, hyphens) and a field (lower-case, underscores). */
const PLACEHOLDER = /\{\{\s*([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z_]+)\s*\}\}/g;
/** Anything that looks like an attempt at a placeholder, to catch malformed ones. */
const BRACES = /\{\{[^}]*\}\}?/g;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-09-02" or "2026-09" → "September 2026". */
export function monthYear(date: string): string {
  const [year, month] = date.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** "2026-09-02" → "2 September 2026"; a month-only date stays "September 2026". */
export function longDate(date: string): string {
  const [, , day] = date.split('-');
  return day === undefined ? monthYear(date) : `${Number(day)} ${monthYear(date)}`;
}

const STATE_WORDS: Record<MaintenanceState, string> = {
  active: 'actively developed',
  dormant: 'not formally deprecated, but without a release',
  'limited-maintenance': 'in limited maintenance',
  'being-replaced': 'due to be replaced',
  deprecated: 'deprecated',
  superseded: 'superseded',
  archived: 'archived',
  retired: 'retired',
  renamed: 'renamed',
};

/** "September 2026", or "by September 2026" when a source only shows the release existed by then. */
export function releaseDatePhrase(project: ReleaseProject): string | undefined {
  const { released, released_by: releasedBy } = project.latest;
  if (released) return monthYear(released);
  return releasedBy ? `by ${monthYear(releasedBy)}` : undefined;
}

/** The status as a phrase that completes "<Project> is …". */
export function statusPhrase(project: ReleaseProject): string {
  const { state, since, successor } = project.status;
  const when = since ? ` since ${monthYear(since)}` : '';
  switch (state) {
    case 'active':
      return STATE_WORDS.active;
    case 'renamed':
      return `renamed to ${successor}${since ? ` (${monthYear(since)})` : ''}`;
    case 'superseded':
      return `superseded by ${successor}${when}`;
    case 'being-replaced':
      return `due to be replaced by ${successor}`;
    case 'dormant': {
      const last = project.latest.released ?? project.latest.released_by;
      return `not formally deprecated, but without a release${last ? ` since ${monthYear(last)}` : ' for a long time'}`;
    }
    default:
      return `${STATE_WORDS[state]}${when}`;
  }
}

/** The next release as a self-contained phrase, honest about what is not confirmed. */
export function nextPhrase(project: ReleaseProject): string {
  const { next, checked } = project;
  if (!next) return `no next release confirmed as of ${longDate(checked)}`;
  switch (next.stage) {
    case 'release-candidate':
      return `${next.version}, in release candidates${next.date ? ` since ${monthYear(next.date)}` : ''} (final release not confirmed as of ${longDate(checked)})`;
    case 'planned':
      return `${next.version}, planned${next.date ? ` for ${longDate(next.date)}` : ''} (release not confirmed as of ${longDate(checked)})`;
    case 'in-development':
      return `${next.version}, in development (no release date confirmed as of ${longDate(checked)})`;
  }
}

export type ResolveOutcome = { ok: true; text: string } | { ok: false; message: string };

/** The text one field of one project resolves to, or why it cannot. */
export function resolveField(project: ReleaseProject, field: string): ResolveOutcome {
  switch (field) {
    case 'name':
      return { ok: true, text: project.name };
    case 'latest':
      return { ok: true, text: project.latest.version };
    case 'latest_date': {
      const text = releaseDatePhrase(project);
      return text === undefined
        ? { ok: false, message: `knowledge/releases.yaml has no release date for "${project.id}" ${project.latest.version}` }
        : { ok: true, text };
    }
    case 'next':
      return { ok: true, text: nextPhrase(project) };
    case 'status':
      return { ok: true, text: statusPhrase(project) };
    case 'checked':
      return { ok: true, text: longDate(project.checked) };
    case 'python':
    case 'cuda': {
      const value = project[field];
      return value === undefined
        ? { ok: false, message: `knowledge/releases.yaml has no ${field} for "${project.id}"` }
        : { ok: true, text: value };
    }
    default:
      return { ok: false, message: `unknown field "${field}" (known: ${Object.keys(PLACEHOLDER_FIELDS).join(', ')})` };
  }
}

export interface ResolvedText {
  text: string;
  /** One message per placeholder that could not be resolved. */
  problems: string[];
  /** Project ids the text referred to. */
  projects: string[];
}

/** Replaces every {{project.field}} in `text`; unknown projects, fields or malformed braces are problems. */
export function resolvePlaceholders(text: string, projects: ReadonlyMap<string, ReleaseProject>): ResolvedText {
  const problems: string[] = [];
  const referred = new Set<string>();
  const resolved = text.replace(PLACEHOLDER, (whole, projectId: string, field: string) => {
    const project = projects.get(projectId);
    if (!project) {
      problems.push(`${whole}: unknown project "${projectId}" (tracked: ${[...projects.keys()].join(', ')})`);
      return whole;
    }
    referred.add(projectId);
    const outcome = resolveField(project, field);
    if (!outcome.ok) {
      problems.push(`${whole}: ${outcome.message}`);
      return whole;
    }
    return outcome.text;
  });
  // What is left in braces was never a well-formed placeholder (or failed above and is reported).
  for (const leftover of resolved.match(BRACES) ?? []) {
    if (!problems.some((problem) => problem.startsWith(leftover))) {
      problems.push(`${leftover}: not a placeholder; write {{project.field}}, e.g. {{pytorch.latest}}`);
    }
  }
  return { text: resolved, problems, projects: [...referred] };
}

export interface PlaceholderProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Resolves placeholders in every string of a parsed YAML document, in place, before the schema
 * checks it (so length limits apply to the text users will read). Returns the problems with the
 * path of the string they were found in.
 */
export function resolveDocumentPlaceholders(document: unknown, projects: ReadonlyMap<string, ReleaseProject>): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      if (!node.includes('{{')) return node;
      const resolved = resolvePlaceholders(node, projects);
      for (const message of resolved.problems) problems.push({ path, message });
      return resolved.text;
    }
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        node[index] = visit(child, [...path, index]);
      });
      return node;
    }
    if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], [...path, key]);
      return record;
    }
    return node;
  };
  visit(document, []);
  return problems;
}

export interface ProjectMention {
  projectId: string;
  /** The name as written. */
  text: string;
  start: number;
  end: number;
  /** True when the name is one the project had before a rename ("TensorFlow Lite" for LiteRT). */
  former: boolean;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the tracked projects a text names, by id, name, alias or former name, longest name first
 * ("TF Serving" is TF Serving, not TensorFlow). A name used as part of an API or a path
 * ("torch.compile", "tf.lite"), or followed by a capitalised word that makes it another product's
 * name ("PyTorch Mobile", "TensorFlow Hub"), is not a mention of the project.
 */
/** The patterns of a list of projects' names, longest name first; compiled once per list. */
interface NamePattern {
  /** A lower-case piece the text must contain for the pattern to have a chance (a cheap test first). */
  needle: string;
  pattern: RegExp;
  projectId: string;
  former: boolean;
}
const compiledNames = new WeakMap<object, NamePattern[]>();

function namePatterns(projects: Iterable<ReleaseProject>): NamePattern[] {
  // The engine asks with the same list for every question: compiling ~60 patterns each time
  // would be most of the cost of reading a question.
  const cached = compiledNames.get(projects);
  if (cached) return cached;
  const names: { name: string; projectId: string; former: boolean }[] = [];
  for (const project of projects) {
    for (const name of new Set([project.id, project.name, ...project.aliases])) names.push({ name, projectId: project.id, former: false });
    for (const name of project.former_names) names.push({ name, projectId: project.id, former: true });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const patterns = names.map(({ name, projectId, former }) => {
    // Spaces and hyphens in a name match either ("keras hub", "keras-hub").
    const body = escapeRegExp(name).replace(/(?:\\ |-|\\-)+/g, '[\\s-]+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_./@-])${body}(?![\\p{L}\\p{N}_]|[./][\\p{L}\\p{N}_]|-[\\p{L}])`, 'giu');
    const needle = (name.toLowerCase().match(/[\p{L}\p{N}]+/u) ?? [''])[0];
    return { needle, pattern, projectId, former };
  });
  if (Array.isArray(projects)) compiledNames.set(projects, patterns);
  return patterns;
}

export function findProjectMentions(text: string, projects: Iterable<ReleaseProject>): ProjectMention[] {
  const taken: boolean[] = new Array(text.length).fill(false);
  const mentions: ProjectMention[] = [];
  const lower = text.toLowerCase();
  for (const { needle, pattern, projectId, former } of namePatterns(projects)) {
    if (!lower.includes(needle)) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      // "PyTorch Mobile", "TensorFlow Hub": another product that starts with this name.
      if (/^\s+(?!I\b|A\b)[A-Z][a-z]+/.test(text.slice(end)) && !/^\s+(?:And|Or|Is|Are|Has|Was)\b/.test(text.slice(end))) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      mentions.push({ projectId, text: match[0], start, end, former });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Numeric parts of a version ("v2.14.0" → [2, 14, 0]; "3.15.x" → [3, 15]); empty when it is none. */
export function versionParts(version: string): number[] {
  const core = version
    .trim()
    .replace(/^v/i, '')
    .match(/^\d+(?:\.\d+)*/);
  return core ? core[0].split('.').map(Number) : [];
}

/** True when `claimed` names `actual` or a prefix of it ("2.14" and "2.14.x" name "2.14.0"). */
export function versionNames(claimed: string, actual: string): boolean {
  const a = versionParts(claimed);
  const b = versionParts(actual);
  if (a.length === 0 || a.length > b.length) return false;
  if (/(?:rc|a|b|dev|beta|alpha)\d*$/i.test(claimed) !== /(?:rc|a|b|dev|beta|alpha)\d*$/i.test(actual)) return false;
  return a.every((part, index) => part === b[index]);
}

/** Negative when a is older than b, 0 when equal (missing parts count as 0), positive when newer. */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
