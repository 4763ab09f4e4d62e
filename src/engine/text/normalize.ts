// Turns text into comparable words: one unicode form, lower case, no accents, no typographic
// quotes, versions without a "v" ("v2.16" is "2.16"). Used identically on knowledge and on
// queries, so both sides meet in the same form.

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Language names written with symbols, which splitting into letters and digits would reduce to
 * the same "c": C++ becomes "cpp" and C# "csharp", the words people also write for them.
 */
function nameSymbolLanguages(text: string): string {
  if (!text.includes('+') && !text.includes('#')) return text;
  return text
    .replace(/\bc\s?\+\+/g, ' cpp ')
    .replace(/\bc\s?#/g, ' csharp ')
    .replace(/\bf#/g, ' fsharp ');
}

/**
 * A version written with a "v" ("Keras v3", "TF v2.16", "transformers v5") is the same version
 * as without it. One or two digits only: V100 names a GPU, not version 100.
 */
const V_VERSION = /\bv(?=\d{1,2}(?:\.\d+)*\b)/g;

export function normalizeText(text: string): string {
  // Most text is plain ASCII: then there are no accents or typographic quotes to handle.
  const lower = ASCII_ONLY.test(text)
    ? text.toLowerCase().replace(/['`]/g, '')
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '') // accents: "débogage" and "debogage" are one word
        .toLowerCase()
        .replace(/[’'`´]/g, '') // "what's" -> "whats", "don't" -> "dont"
        .replace(/[“”«»]/g, ' ');
  return nameSymbolLanguages(lower).replace(V_VERSION, '');
}

/** Plain words: letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** fuse.js's Bitap matcher works on patterns of at most 32 characters: longer text is cut to this. */
export const FUSE_PATTERN_LIMIT = 32;
