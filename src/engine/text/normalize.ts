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

/**
 * Words, plus the joined form of dotted or hyphenated names ("tf.function" -> "tffunction",
 * "define-by-run" -> "definebyrun"), so a query naming an API matches it exactly while a query
 * with the loose words still matches the parts.
 */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const chunk of normalized.match(/[\p{L}\p{N}]+(?:[._/+-][\p{L}\p{N}]+)*/gu) ?? []) {
    const parts = chunk.match(WORD) ?? [];
    if (parts.length > 1 && parts.length <= 4) tokens.push(parts.join(''));
    // In "2.0" or "v5.1" the lone digits say nothing by themselves: keep only the joined form.
    tokens.push(...(parts.length > 1 ? parts.filter((part) => !/^\d+$/.test(part)) : parts));
  }
  return tokens;
}
