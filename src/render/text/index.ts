// Plain-text rendering for the terminal (chat and `ask`): readable without colour or markup.
import { asOfLabel } from '../../engine/as-of.js';
import type { ClaimRef, EngineResult, SourceRef } from '../../engine/types.js';

const VERDICT_LABELS: Record<ClaimRef['verdict'], string> = {
  accurate: 'ACCURATE',
  'partly-true': 'PARTLY TRUE',
  outdated: 'OUTDATED',
  unverified: 'UNVERIFIED',
  opinion: 'OPINION',
  anecdote: 'ANECDOTE',
};

export const verdictLabel = (verdict: ClaimRef['verdict']) => VERDICT_LABELS[verdict];

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
export function formatFollowUps(questions: string[], heading = 'You could also ask'): string {
  return questions.length === 0 ? '' : `${heading}:\n${questions.map((q, i) => `  ${i + 1}) ${q}`).join('\n')}`;
}

export function renderText(result: EngineResult): string {
  const parts: string[] = [];
  switch (result.kind) {
    case 'answer':
      parts.push(`${result.question}\n`, wrap(result.text));
      break;
    case 'comparison': {
      parts.push(`${result.title}: PyTorch vs TensorFlow`, wrap(result.text));
      for (const row of result.rows) {
        parts.push(`* ${row.aspect}\n${wrap(`PyTorch: ${row.pytorch}`, 88, '    ')}\n${wrap(`TensorFlow: ${row.tensorflow}`, 88, '    ')}`);
      }
      break;
    }
    case 'recommendation':
      parts.push(wrap(result.text));
      for (const need of result.needs) {
        const lean = need.leans === 'either' ? 'either' : need.leans === 'pytorch' ? 'PyTorch' : 'TensorFlow';
        parts.push(wrap(`* ${need.need} -> ${lean}: ${need.why}`, 88, '  ').replace(/^ {2}/, ''));
      }
      break;
    case 'help':
      parts.push(wrap(result.text), result.commands.map((c) => `  ${c.usage.padEnd(26)} ${c.description}`).join('\n'));
      break;
    case 'topics':
      parts.push(wrap(result.text), result.topics.map((t) => `  ${t.id.padEnd(24)} ${t.title}`).join('\n'));
      break;
    case 'sources':
      parts.push(wrap(result.text), result.sourceList.map(formatSource).join('\n'));
      break;
    default:
      parts.push(wrap(result.text));
  }
  if (result.asOf) parts.push(`${asOfLabel(result.asOf)}.`);
  if (result.claims.length > 0 && result.kind !== 'sources') parts.push(`Claims checked:\n${result.claims.map(formatClaim).join('\n')}`);
  if (result.sources.length > 0 && result.kind !== 'sources') parts.push(`Sources:\n${result.sources.map(formatSource).join('\n')}`);
  const followUps = formatFollowUps(
    result.followUps,
    result.kind === 'ambiguous' ? 'Did you mean' : result.kind === 'answer' ? 'You could also ask' : 'Try',
  );
  if (followUps) parts.push(followUps);
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `Note: ${note}`).join('\n'));
  return parts.join('\n\n');
}
