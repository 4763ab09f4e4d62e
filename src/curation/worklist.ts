// The curators' worklist (`npm run curate export`): the unanswered questions grouped by
// similarity, the 👎 votes with a reason or the question, and the open disputes, each with the id
// `npm run curate resolve` takes. Markdown to read and tick off; CSV for a spreadsheet.
import type { UnansweredCluster } from '../engine/index.js';
import type { Dispute, DownVote, Store } from '../store/index.js';
import { unansweredClusters } from './stats.js';

export interface Worklist {
  days: number;
  /** When it was made (ISO 8601). */
  generated: string;
  unanswered: UnansweredCluster[];
  downVotes: DownVote[];
  disputes: Dispute[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Items per list at most: a worklist longer than this is not read. */
const MAX_ITEMS = 1_000;

export async function buildWorklist(store: Store, { days, now = Date.now() }: { days: number; now?: number }): Promise<Worklist> {
  const since = now - days * DAY_MS;
  const [unanswered, downVotes, disputes] = await Promise.all([
    unansweredClusters(store, since),
    store.curation.downVotes(since, MAX_ITEMS),
    store.curation.openDisputes(MAX_ITEMS),
  ]);
  return { days, generated: new Date(now).toISOString(), unanswered: unanswered.slice(0, MAX_ITEMS), downVotes, disputes };
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
/** Readers' text on one line, with nothing Markdown would read as markup at its start. */
const inline = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');

/** "1 open dispute", "3 open disputes": a count with its noun in the right number. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The worklist in one line: how many items of each kind it holds. */
export function worklistCounts(list: Worklist): string {
  return [
    counted(list.unanswered.length, 'unanswered group'),
    counted(list.downVotes.length, '👎 with a reason', '👎 with reasons'),
    counted(list.disputes.length, 'open dispute'),
  ].join(', ');
}

export function worklistMarkdown(list: Worklist): string {
  const lines = [
    '# Curation worklist',
    '',
    `Last ${list.days} days, made ${list.generated}. Close an item with \`npm run curate resolve <id> -- --note "what was done"\`.`,
    '',
    `## Unanswered questions (${counted(list.unanswered.length, 'group')})`,
    '',
  ];
  if (list.unanswered.length === 0) lines.push('None.');
  for (const cluster of list.unanswered) {
    lines.push(
      `- [ ] **${cluster.count}×** ${inline(cluster.text)} — \`${cluster.id}\` (declined ${cluster.declined}, partial ${cluster.partial})`,
    );
    for (const variant of cluster.variants.slice(0, 5)) lines.push(`  - also: ${inline(variant)}`);
  }
  lines.push('', `## 👎 with a reason (${list.downVotes.length})`, '');
  if (list.downVotes.length === 0) lines.push('None.');
  for (const vote of list.downVotes) {
    const what = [vote.reason ? `reason: ${inline(vote.reason)}` : undefined, vote.text ? `question: ${inline(vote.text)}` : undefined]
      .filter((part) => part !== undefined)
      .join('; ');
    lines.push(
      `- [ ] \`${vote.id}\` on ${vote.entryId ? `\`${vote.entryId}\`` : '(no entry)'}, ${vote.platform}, ${day(vote.at)}: ${what}`,
    );
  }
  lines.push('', `## Open disputes (${list.disputes.length})`, '');
  if (list.disputes.length === 0) lines.push('None.');
  for (const dispute of list.disputes) {
    const source = dispute.sourceUrl ? ` Source: <${dispute.sourceUrl}>` : '';
    lines.push(
      `- [ ] \`${dispute.id}\` on claim \`${dispute.claimId}\`, ${dispute.platform}, ${day(dispute.at)}: ${inline(dispute.reason)}${source}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = ['type', 'id', 'count', 'entry_id', 'claim_id', 'text', 'reason', 'source_url', 'date'] as const;

/**
 * One CSV cell: quoted when it must be (RFC 4180), and a leading =, +, - or @ defused, so a
 * reader's text opened in a spreadsheet is text, never a formula.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function worklistCsv(list: Worklist): string {
  const rows: (string | number | null)[][] = [
    ...list.unanswered.map((c) => ['unanswered', c.id, c.count, null, null, c.text, null, null, null]),
    ...list.downVotes.map((v) => ['down-vote', v.id, 1, v.entryId, null, v.text, v.reason, null, day(v.at)]),
    ...list.disputes.map((d) => ['dispute', d.id, 1, d.entryId, d.claimId, null, d.reason, d.sourceUrl, day(d.at)]),
  ];
  return `${[CSV_COLUMNS.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\r\n')}\r\n`;
}

/**
 * Closes an item: a dispute (D-…) or a 👎 (F-…) by its id, or a group of unanswered questions
 * (U-…) by the id the worklist shows, which marks every question in it. Undefined: no open item.
 */
export async function resolveItem(
  store: Store,
  id: string,
  note: string,
  { now = Date.now(), retentionDays = 3_650 }: { now?: number; retentionDays?: number } = {},
): Promise<{ kind: 'dispute' | 'vote' | 'unanswered'; count: number } | undefined> {
  if (id.startsWith('U-')) {
    const clusters = await unansweredClusters(store, now - retentionDays * DAY_MS);
    const cluster = clusters.find((candidate) => candidate.id === id);
    if (!cluster) return undefined;
    return { kind: 'unanswered', count: await store.curation.resolveQuestions(cluster.questionIds, note) };
  }
  const kind = await store.curation.resolve(id, note);
  return kind ? { kind, count: 1 } : undefined;
}
