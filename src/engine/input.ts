// Makes any string safe to search: noise removed, length bounded. What was done to the input is
// reported as notes, so the user learns their message was cut rather than guessing.
import { cleanText } from './text/clean.js';
import type { InputNote } from './types.js';

/** Long enough for a rambling question with context; longer input is cut, not rejected. */
export const MAX_INPUT_LENGTH = 1_000;

export interface PreparedInput {
  /** The input as it reads without mentions, links, emoji and control characters. */
  text: string;
  /** True when the raw input had nothing but white space. */
  blank: boolean;
  notes: InputNote[];
}

export function prepareInput(raw: string): PreparedInput {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  const notes: InputNote[] = [];
  // Cut before cleaning, so a 100 KB paste costs no more than a long question.
  let bounded = input;
  if (input.length > MAX_INPUT_LENGTH * 4) bounded = input.slice(0, MAX_INPUT_LENGTH * 4);
  let text = cleanText(bounded);
  if (text.length > MAX_INPUT_LENGTH || bounded.length < input.length) {
    text =
      text
        .slice(0, MAX_INPUT_LENGTH)
        .replace(/\s+\S*$/, '')
        .trim() || text.slice(0, MAX_INPUT_LENGTH);
    notes.push({ code: 'input-cut', keptCharacters: MAX_INPUT_LENGTH });
  }
  return { text, blank: input.trim() === '', notes };
}
