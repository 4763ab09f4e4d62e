// Which way a question moves between two things: "convert my TF model to PyTorch", "migrating
// from pytorch to tensorflow", "ONNX to SavedModel". Word matching cannot see it (both
// directions use the same words), yet an answer about the opposite move is an answer to
// another question: a PyTorch-to-TensorFlow guide does not help someone leaving TensorFlow.
import { normalizeText } from '../text/normalize.js';

/** Where a move starts and ends: a framework ('pytorch', 'tensorflow') or another named thing's term. */
export interface Direction {
  from?: string;
  to?: string;
}

/** Rebuilding something elsewhere: a move that says where with "in" ("reimplement this TF repo in PyTorch"). */
const REBUILD_WORDS = 're-?implement\\w*|re-?writ\\w*|port|porting|ported|recreat\\w*|redo|redoing';
/** Words that make "X to Y" a move rather than, say, "compared to" or "how to". */
const MOVE_WORDS = `${REBUILD_WORDS}|convert\\w*|conversion|migrat\\w*|turn|turning|move|moving|moved|switch\\w*|transfer\\w*|transform\\w*|translat\\w*|load\\w*|import\\w*|export\\w*|go|going|went|transition\\w*|jump\\w*|change|changing`;
const MOVE = new RegExp(`\\b(?:${MOVE_WORDS})\\b`);
const MOVE_WORD = new RegExp(`^(?:${MOVE_WORDS})$`);
const REBUILD = new RegExp(`\\b(?:${REBUILD_WORDS})\\b`);
const TO = new Set(['to', 'into', '->', '=>', '→', 'towards']);
const FROM = 'from';
const IN = 'in';
/**
 * Words that may stand between "to"/"from" and the thing ("to a TFLite model", "from our old
 * TF1 code"); any other word ends the search, so "how to port a tf2 codebase" is not a move to tf2.
 */
const FILLER = new Set('a an the my our your their its this that these those old new plain native pure legacy'.split(' '));
/** How many words may stand between "to"/"from" and the thing, or between the source and "to". */
const TARGET_REACH = 3;
const SOURCE_REACH = 5;

/**
 * "A PyTorch version of this repo", "a TF implementation (or port) of the paper": code wanted
 * rebuilt in the named thing, asked for without "to" or "from". "Which PyTorch version do I need"
 * is a release, not a rebuild: "version" must be followed by "of".
 */
const REBUILT_AS =
  /(?:^|[\s,;:!?()"])([\p{L}\p{N}._-]+)\s+(?:version|versions|implementation|implementations|re-?implementation|port|ports)\s+of\b/gu;

/**
 * `endpoint` says what a single word names, if anything a move can start or end at (a
 * framework's family for any of its names, a named thing's term otherwise).
 */
export function readDirection(text: string, endpoint: (word: string) => string | undefined): Direction | undefined {
  const normalized = normalizeText(text);
  if (!MOVE.test(normalized)) return readRebuiltAs(normalized, endpoint);
  const words = normalized.split(/[\s,;:!?()"]+/).filter(Boolean);
  // A move word is never where a move ends ("to transform my model to pytorch": tf.Transform is a name too).
  const ends = words.map((word) =>
    TO.has(word) || word === FROM || MOVE_WORD.test(word) ? undefined : endpointOf(word.replace(/^[.]+|[.]+$/g, ''), endpoint),
  );
  const isLink = (word: string) => TO.has(word) || word === FROM;
  // The thing right after "to" or "from", past filler words only, and never past another link
  // word ("from my code to pytorch" starts nowhere named, not at pytorch).
  const nextEnd = (index: number) => {
    for (let i = index + 1; i <= index + TARGET_REACH && i < words.length && !isLink(words[i]!); i++) {
      if (ends[i]) return ends[i];
      if (!FILLER.has(words[i]!)) return undefined;
    }
    return undefined;
  };
  let from: string | undefined;
  let to: string | undefined;
  const rebuilds = REBUILD.test(normalized);
  const sourceBefore = (index: number) => {
    for (let j = index - 1; j >= 0 && j >= index - SOURCE_REACH; j--) if (ends[j] && ends[j] !== to) return ends[j];
    return undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === FROM && !from) from = nextEnd(i);
    if (rebuilds && word === IN && !to) {
      // "in" after a rebuild verb names where it is rebuilt; the thing before names what.
      const target = nextEnd(i);
      const verbBefore = words.slice(Math.max(0, i - SOURCE_REACH - 1), i).some((w) => REBUILD.test(w));
      if (target && verbBefore) {
        to = target;
        from ??= sourceBefore(i);
      }
    }
    if (TO.has(word) && !to) {
      to = nextEnd(i);
      if (to && !from) from = sourceBefore(i);
    }
  }
  if (from === to) to = undefined;
  // "a pytorch port of this repo" names a move word but no "to" or "from".
  return from || to ? { from, to } : readRebuiltAs(normalized, endpoint);
}

/** Where code is wanted rebuilt, read from "a <thing> version (implementation, port) of" (see REBUILT_AS). */
function readRebuiltAs(normalized: string, endpoint: (word: string) => string | undefined): Direction | undefined {
  for (const match of normalized.matchAll(REBUILT_AS)) {
    const to = endpointOf(match[1]!, endpoint);
    if (to) return { to };
  }
  return undefined;
}

/** A versioned name ("tf1", "tf2.x", "pytorch2") names what its unversioned form names. */
function endpointOf(word: string, endpoint: (word: string) => string | undefined): string | undefined {
  const named = endpoint(word);
  if (named) return named;
  const unversioned = word.replace(/v?\d+(?:\.[\dx]+)*$/, '');
  return unversioned && unversioned !== word ? endpoint(unversioned) : undefined;
}

/**
 * Whether an entry moves the opposite way to the question: it starts where the question wants
 * to go, or ends where the question starts. Different destinations alone are not opposite
 * (ONNX is one way from PyTorch to TensorFlow), except between the sides of `rivals` (a
 * destination's term -> its side), which no move passes through on its way to the other: code
 * wanted in TensorFlow or Keras is not helped by a port to PyTorch.
 */
export function directionsOppose(
  query: Direction | undefined,
  entry: Direction | undefined,
  rivals: ReadonlyMap<string, string> = new Map(),
): boolean {
  if (!query || !entry) return false;
  const querySide = query.to === undefined ? undefined : rivals.get(query.to);
  const entrySide = entry.to === undefined ? undefined : rivals.get(entry.to);
  if (querySide !== undefined && entrySide !== undefined && querySide !== entrySide) return true;
  return (query.to !== undefined && query.to === entry.from) || (query.from !== undefined && query.from === entry.to);
}
