// Text from a platform is cut before anything converts it: a 40,000-character Slack message or
// a 4,000-character Discord one would otherwise run through every markup rule, although the
// engine reads only its first 1,000 characters (MAX_INPUT_LENGTH). Four times that keeps room
// for the markup the conversion removes (mentions, links) and still tells the engine the
// question was cut. Kept free of the engine's modules, so that reading pasted chat text in the
// terminal loads nothing else; a test holds it to four times the engine's limit.
export const MAX_INCOMING_CHARACTERS = 4_000;

/** The first MAX_INCOMING_CHARACTERS of `text`, never ending in half a surrogate pair. */
export function cutIncomingText(text: string): string {
  if (text.length <= MAX_INCOMING_CHARACTERS) return text;
  const cut = text.slice(0, MAX_INCOMING_CHARACTERS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
