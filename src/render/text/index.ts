// Plain-text rendering for the terminal (chat and `ask`): readable without colour or markup.
import type { ClaimRef, EngineResult, FollowUp, SourceRef } from '../../engine/types.js';
import { asOfLabel, LEAN_NAMES, VERDICT_LABELS } from '../labels.js';
import { type CommandFormat, messageOf, noteText, usageOf } from '../messages.js';

export const verdictLabel = (verdict: ClaimRef['verdict']) => VERDICT_LABELS[verdict].toUpperCase();

/** In the terminal a command is typed as it is, without a slash. */
const typed: CommandFormat = (name, value) => `"${value === undefined ? name : `${name} ${value}`}"`;

/** Wraps text at `width` columns on word boundaries, keeping existing line breaks. */
export function wrap(text: string, width = 88, indent = ''): string {
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

const formatSource = (source: SourceRef, index: number) => `  ${index + 1}. ${source.title}${source.url ? ` <${source.url}>` : ''}`;

function formatClaim(claim: ClaimRef): string {
  const said = claim.articles.length > 0 ? ` (said by ${claim.articles.map((a) => `"${a.title}"`).join(', ')})` : '';
  const lines = [`  - [${verdictLabel(claim.verdict)}] ${claim.claim}${said}`, wrap(`Now: ${claim.now}`, 88, '    ')];
  if (claim.unconfirmed) lines.push(wrap(`Not confirmed: ${claim.unconfirmed}`, 88, '    '));
  return lines.join('\n');
}

/** Numbered follow-ups: the chat lets the user type the number to ask one. */
export function formatFollowUps(followUps: FollowUp[], heading = 'You could also ask'): string {
  return followUps.length === 0 ? '' : `${heading}:\n${followUps.map((f, i) => `  ${i + 1}) ${f.question}`).join('\n')}`;
}

export function renderText(result: EngineResult): string {
  const parts: string[] = [];
  const message = messageOf(result, typed);
  switch (result.kind) {
    case 'answer':
      parts.push(`${result.question}\n`, wrap(message));
      break;
    case 'comparison': {
      parts.push(`${result.title}: PyTorch vs TensorFlow`, wrap(message));
      for (const row of result.rows) {
        parts.push(`* ${row.aspect}\n${wrap(`PyTorch: ${row.pytorch}`, 88, '    ')}\n${wrap(`TensorFlow: ${row.tensorflow}`, 88, '    ')}`);
      }
      break;
    }
    case 'recommendation':
      parts.push(wrap(message));
      for (const need of result.needs) {
        parts.push(wrap(`* ${need.need} -> ${LEAN_NAMES[need.leans]}: ${need.why}`, 88, '  ').replace(/^ {2}/, ''));
      }
      break;
    case 'help':
      parts.push(wrap(message), result.commands.map((c) => `  ${usageOf(c).padEnd(26)} ${c.description}`).join('\n'));
      break;
    case 'topics':
      parts.push(wrap(message), result.topics.map((t) => `  ${t.id.padEnd(24)} ${t.title}`).join('\n'));
      break;
    case 'sources':
      parts.push(wrap(message), result.sourceList.map(formatSource).join('\n'));
      break;
    default:
      parts.push(wrap(message));
  }
  if (result.asOf) parts.push(`${asOfLabel(result.asOf)}.`);
  if (result.claims.length > 0 && result.kind !== 'sources') parts.push(`Claims checked:\n${result.claims.map(formatClaim).join('\n')}`);
  if (result.sources.length > 0 && result.kind !== 'sources') parts.push(`Sources:\n${result.sources.map(formatSource).join('\n')}`);
  const followUps = formatFollowUps(
    result.followUps,
    result.kind === 'ambiguous' ? 'Did you mean' : result.kind === 'answer' ? 'You could also ask' : 'Try',
  );
  if (followUps) parts.push(followUps);
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `Note: ${noteText(note)}`).join('\n'));
  return parts.join('\n\n');
}
