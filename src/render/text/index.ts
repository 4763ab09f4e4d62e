// Plain-text rendering for the terminal (chat and `ask`): readable without colour or markup,
// wrapped to the terminal's width. The short form is what a person reads first: the answer,
// one line of verdicts and a compact list of sources. The long form (`more` in the chat,
// `ask --long`) adds every claim in full and every source with its address.
import type { ClaimRef, EngineResult, FollowUp, SourceRef } from '../../engine/types.js';

type SourceKind = SourceRef['kind'];
import { asOfLabel, LEAN_NAMES, VERDICT_LABELS } from '../labels.js';
import { type CommandFormat, messageOf, noteText, statsSections, usageOf } from '../messages.js';
import type { CurationSummary } from '../../engine/types.js';

export interface TextOptions {
  /** Columns to wrap at (the terminal's width; 80 when it is unknown). */
  width?: number;
  /** long: every claim and every source in full. */
  detail?: 'short' | 'long';
  /** How the reader asks for the long form, named in the short one: `type "more"`, `--long`. */
  moreHint?: string;
}

export const DEFAULT_WIDTH = 80;
/** Sources listed in the short form; the rest are counted. */
const SHORT_SOURCES = 3;
/** Comparison rows shown in the short form. */
const SHORT_ROWS = 4;
/** Source titles listed per kind by the short `sources` command. */
const SHORT_TITLES_PER_KIND = 3;

export const verdictLabel = (verdict: ClaimRef['verdict']) => VERDICT_LABELS[verdict].toUpperCase();

/** In the terminal a command is typed as it is, without a slash. */
const typed: CommandFormat = (name, value) => `"${value === undefined ? name : `${name} ${value}`}"`;

const KIND_LABELS: Record<SourceKind, string> = {
  'official-docs': 'Official documentation',
  'release-notes': 'Release notes',
  'official-blog': 'Official blogs',
  repository: 'Repositories',
  paper: 'Papers',
  survey: 'Surveys',
  'package-index': 'Package indexes',
  secondary: 'Other sources',
  article: 'The articles checked',
};

/** Wraps text at `width` columns on word boundaries, keeping existing line breaks. */
export function wrap(text: string, width = DEFAULT_WIDTH, indent = ''): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width - indent.length) {
          lines.push(indent + line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      lines.push(indent + line);
      return lines.join('\n');
    })
    .join('\n');
}

/** Wraps with a hanging indent: the first line starts at the margin, the rest under `indent`. */
const hang = (text: string, width: number, indent: string) => wrap(text, width, indent).replace(/^ +/, '');

/** Where the second column of a two-column list (help's commands) starts. */
const SECOND_COLUMN = 29;

/** A label and its text in two columns; the text wraps under itself (wrap would squeeze the padding out). */
const column = (label: string, text: string, width: number) =>
  `${label.padEnd(SECOND_COLUMN - 1)} ${hang(text, width, ' '.repeat(SECOND_COLUMN))}`;

/** Cuts one line to `width` columns with an ellipsis. */
const clip = (line: string, width: number) => (line.length <= width ? line : `${line.slice(0, Math.max(1, width - 1))}…`);

const hostOf = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

const fullSource = (source: SourceRef, index: number, width: number) =>
  `  ${index + 1}. ${hang(source.title, width, '     ')}${source.url ? `\n     ${source.url}` : ''}`;
const compactSource = (source: SourceRef, index: number, width: number) => {
  const host = hostOf(source.url);
  // A title that already names its site ("Introducing Keras 3 (keras.io)") is not told it twice.
  const named = host !== undefined && source.title.toLowerCase().includes(host);
  return clip(`  ${index + 1}. ${source.title}${host && !named ? ` (${host})` : ''}`, width);
};

function fullClaim(claim: ClaimRef, width: number): string {
  const said = claim.articles.length > 0 ? ` (said by ${claim.articles.map((a) => `"${a.title}"`).join(', ')})` : '';
  const lines = [
    wrap(`- [${verdictLabel(claim.verdict)}] ${claim.claim}${said}`, width, '    ').replace(/^ {4}/, '  '),
    wrap(`Now: ${claim.now}`, width, '    '),
  ];
  if (claim.unconfirmed) lines.push(wrap(`Not confirmed: ${claim.unconfirmed}`, width, '    '));
  return lines.join('\n');
}

/** "Verdicts: 2 OUTDATED, 1 ACCURATE.", in the order the claims came; empty without claims. */
function verdictLine(claims: ClaimRef[]): string {
  if (claims.length === 0) return '';
  const counts = new Map<string, number>();
  for (const claim of claims) counts.set(verdictLabel(claim.verdict), (counts.get(verdictLabel(claim.verdict)) ?? 0) + 1);
  return `Verdicts: ${[...counts].map(([label, count]) => `${count} ${label}`).join(', ')}.`;
}

/** Numbered follow-ups: the chat lets the user type the number to ask one. */
export function formatFollowUps(followUps: FollowUp[], heading = 'You could also ask', width = DEFAULT_WIDTH): string {
  return followUps.length === 0
    ? ''
    : `${heading}:\n${followUps.map((f, i) => `  ${i + 1}) ${hang(f.question, width, '     ')}`).join('\n')}`;
}

function sourcesByKind(sources: SourceRef[], width: number, long: boolean, moreHint: string | undefined): string {
  const groups = new Map<SourceKind, SourceRef[]>();
  for (const source of sources) groups.set(source.kind, [...(groups.get(source.kind) ?? []), source]);
  const ordered = (Object.keys(KIND_LABELS) as SourceKind[]).filter((kind) => groups.has(kind));
  const sections = ordered.map((kind) => {
    const group = groups.get(kind)!;
    const heading = `${KIND_LABELS[kind]} (${group.length})`;
    if (long) return `${heading}:\n${group.map((s) => `  - ${hang(s.title, width, '    ')}${s.url ? `\n    ${s.url}` : ''}`).join('\n')}`;
    const shown = group.slice(0, SHORT_TITLES_PER_KIND).map((s) => s.title);
    const rest = group.length - shown.length;
    return hang(`${heading}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`, width, '  ');
  });
  if (!long && moreHint) sections.push(`Every source with its address: ${moreHint}.`);
  return sections.join('\n');
}

export function renderText(result: EngineResult, options: TextOptions = {}): string {
  const width = Math.max(40, options.width ?? DEFAULT_WIDTH);
  const long = options.detail === 'long';
  const { moreHint } = options;
  const parts: string[] = [];
  const message = messageOf(result, typed);
  let hidden = false;
  switch (result.kind) {
    case 'answer':
      parts.push(wrap(result.question, width), wrap(message, width));
      break;
    case 'comparison': {
      parts.push(wrap(`${result.title}: PyTorch vs TensorFlow`, width), wrap(message, width));
      const rows = long ? result.rows : result.rows.slice(0, SHORT_ROWS);
      hidden ||= rows.length < result.rows.length;
      for (const row of rows) {
        parts.push(
          `* ${row.aspect}\n${wrap(`PyTorch: ${row.pytorch}`, width, '    ')}\n${wrap(`TensorFlow: ${row.tensorflow}`, width, '    ')}`,
        );
      }
      const more = result.rows.length - rows.length;
      if (more > 0) parts.push(`(${more} more ${more === 1 ? 'aspect' : 'aspects'})`);
      break;
    }
    case 'recommendation':
      parts.push(wrap(message, width));
      for (const need of result.needs) {
        parts.push(hang(`* ${need.need} -> ${LEAN_NAMES[need.leans]}: ${need.why}`, width, '  '));
      }
      break;
    case 'help':
      parts.push(wrap(message, width), result.commands.map((c) => column(`  ${usageOf(c)}`, c.description, width)).join('\n'));
      break;
    case 'topics':
      parts.push(wrap(message, width), result.topics.map((t) => clip(`  ${t.id.padEnd(24)} ${t.title}`, width)).join('\n'));
      break;
    case 'sources':
      parts.push(wrap(message, width), sourcesByKind(result.sourceList, width, long, moreHint));
      break;
    default:
      parts.push(wrap(message, width));
  }
  // One line for when the facts were checked and how the claims behind them stand.
  const status = [result.asOf ? `${asOfLabel(result.asOf)}.` : '', result.kind !== 'sources' ? verdictLine(result.claims) : '']
    .filter(Boolean)
    .join(' ');
  if (status) parts.push(wrap(status, width));
  if (long && result.claims.length > 0 && result.kind !== 'sources')
    parts.push(`Claims checked:\n${result.claims.map((claim) => fullClaim(claim, width)).join('\n')}`);
  hidden ||= !long && result.claims.length > 0;
  if (result.sources.length > 0 && result.kind !== 'sources') {
    const shown = long ? result.sources : result.sources.slice(0, SHORT_SOURCES);
    const list = long ? shown.map((source, i) => fullSource(source, i, width)) : shown.map((source, i) => compactSource(source, i, width));
    if (shown.length < result.sources.length) list.push(`  and ${result.sources.length - shown.length} more`);
    hidden ||= !long;
    parts.push(`Sources:\n${list.join('\n')}`);
  }
  if (hidden && moreHint) parts.push(wrap(`(The claims in full and every source's address: ${moreHint}.)`, width));
  const followUps = formatFollowUps(
    result.followUps,
    result.kind === 'partial' || result.kind === 'other-language'
      ? 'Closest questions'
      : result.kind === 'answer'
        ? 'You could also ask'
        : 'Try',
    width,
  );
  if (followUps) parts.push(followUps);
  if (result.notes.length > 0) parts.push(result.notes.map((note) => wrap(`Note: ${noteText(note)}`, width)).join('\n'));
  return parts.join('\n\n');
}

/** The curation summary for the terminal (`npm run stats`): the same sections as on Slack and Discord, as indented lines. */
export function renderStatsText(summary: CurationSummary): string {
  return statsSections(summary, STATS_LINES_PER_SECTION)
    .flatMap(({ title, lines }) => [title, ...lines.map((line) => `  ${line}`)])
    .join('\n');
}
/** A terminal has room for more of each list than a chat message. */
const STATS_LINES_PER_SECTION = 10;
