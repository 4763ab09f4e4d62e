// Turns text into comparable words: one unicode form, lower case, no accents, no typographic
// quotes. Used identically on knowledge and on queries, so both sides meet in the same form.

export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents: "débogage" and "debogage" are one word
    .toLowerCase()
    .replace(/[’'`´]/g, '') // "what's" -> "whats", "don't" -> "dont"
    .replace(/[“”«»]/g, ' ');
}

/** Plain words: letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;
