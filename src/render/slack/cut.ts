// Cutting escaped Slack text to a length limit without breaking it. A cut must never land inside
// an entity (`&am|p;` would show garbage and could let a later `<` through), inside a link
// (`<https://exa|` is not a link and may swallow the rest), or between the two halves of a
// surrogate pair (an emoji). So text is split into atoms first and cut only between atoms,
// preferring paragraph, line and word boundaries.

const ELLIPSIS = '…';

/** Entities, links, surrogate pairs, then any single code unit. */
const ATOM = /&(?:amp|lt|gt);|<[^<>\n]*>|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;

/**
 * The atoms of `text`, stopping once they add up to more than `enough` characters: a cut to a
 * short limit needs only the head of a long text, and atomising all of it made cutting cost
 * time in proportion to the text rather than to the limit.
 */
function atomsOf(text: string, max: number, enough = Number.POSITIVE_INFINITY): string[] {
  const atoms: string[] = [];
  let length = 0;
  for (const match of text.matchAll(ATOM)) {
    const atom = match[0];
    if (atom.length > max && atom.startsWith('<')) {
      // A link longer than the whole budget cannot be kept whole: keep its label as text.
      const label = atomsOf(atom.slice(1, -1).split('|').slice(1).join('|') || 'link', max);
      atoms.push(...label);
      length += label.reduce((sum, part) => sum + part.length, 0);
    } else {
      atoms.push(atom);
      length += atom.length;
    }
    if (length > enough) break;
  }
  return atoms;
}

/** The last index (exclusive end) in `atoms[0..end)` at which a chunk may end, by preference. */
function bestBreak(atoms: string[], end: number, minimum: number): number {
  const candidates: ((index: number) => boolean)[] = [
    (i) => atoms[i] === '\n' && atoms[i - 1] === '\n',
    (i) => atoms[i] === '\n',
    (i) => atoms[i] === ' ',
  ];
  for (const isBreak of candidates) {
    for (let i = end - 1; i >= minimum; i--) {
      if (isBreak(i)) return i + 1;
    }
  }
  return end;
}

/**
 * Where the chunk starting at `start` ends: as many atoms as fit in `max`, then back to the best
 * break in the chunk's second half, if there is one. Returns `start` when even one atom does not fit.
 */
function chunkEnd(atoms: string[], start: number, max: number): number {
  let length = 0;
  let end = start;
  while (end < atoms.length && length + atoms[end]!.length <= max) {
    length += atoms[end]!.length;
    end++;
  }
  if (end === atoms.length || end === start) return end;
  return bestBreak(atoms, end, start + Math.max(1, Math.floor((end - start) / 2)));
}

/**
 * Splits text into chunks of at most `max` characters, cutting only between atoms and
 * preferably at a blank line, a line break or a space.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  if (text.length <= max) return [text];
  const atoms = atomsOf(text, max);
  const chunks: string[] = [];
  let start = 0;
  while (start < atoms.length) {
    const end = chunkEnd(atoms, start, max);
    if (end === start) {
      // An entity or emoji longer than the limit itself (only with tiny limits): it fits nowhere.
      start++;
      continue;
    }
    const chunk = atoms.slice(start, end).join('').trim();
    if (chunk !== '') chunks.push(chunk);
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const atoms = atomsOf(text, max - ELLIPSIS.length, max);
  const head = atoms
    .slice(0, chunkEnd(atoms, 0, max - ELLIPSIS.length))
    .join('')
    .trimEnd();
  return `${head}${ELLIPSIS}`;
}

/** Keeps the longest prefix of at most `max` characters that ends between atoms (no ellipsis: data, not prose). */
export function cutData(text: string, max: number): string {
  if (text.length <= max) return text;
  let length = 0;
  let kept = '';
  for (const atom of atomsOf(text, max, max)) {
    if (length + atom.length > max) break;
    length += atom.length;
    kept += atom;
  }
  return kept;
}

/**
 * Packs lines into as few chunks of at most `max` characters as possible, never splitting a line
 * that fits in a chunk on its own (a list item stays in one piece); longer lines are split.
 */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((line) => (line.length <= max ? [line] : splitText(line, max)))) {
    if (current !== '' && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
