// Turning plain text (from users and from the knowledge base) into Slack text that can never
// notify anyone. Slack reads `<...>` as a mention, broadcast or link and `&` as the start of an
// entity, so those three characters are always escaped; an escaped `&lt;!here&gt;` shows as the
// text "<!here>" and pings nobody. Every string the renderer did not write itself goes through
// escapeText before it lands in a message.
import { LRUCache } from 'lru-cache';

/** Invisible character that stops Slack from reading "@here" as a word, without changing how it looks. */
const WORD_JOINER = '\u2060';

/** Half an emoji (from text cut elsewhere) is not valid UTF-16 and shows as garbage: replace it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything escapeText would change; most text has none of it, and is returned as it is. */
const NEEDS_ESCAPING = /[&<>@\uD800-\uDFFF]/;

/**
 * Escapes Slack's control characters and defuses the bare broadcast words. Slack does not parse a
 * bare "@here" in API messages by default (parse=none, verbatim text objects), but a client or a
 * future default could; the word joiner keeps it inert either way.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(here|channel|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Reverses escapeText's entities (for button values, which come back to us). */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(new RegExp(WORD_JOINER, 'g'), '');
}

/** Links come from the knowledge base, a small fixed set: parse each URL once (boxed: "not safe" is undefined). */
const safeUrls = new LRUCache<string, { href: string | undefined }>({ max: 2000, memoMethod: (url) => ({ href: parseSafeUrl(url) }) });

const safeUrl = (url: string | undefined): string | undefined => (url === undefined ? undefined : safeUrls.memo(url).href);

/** Only http(s) links become clickable; anything else is shown as text. */
function parseSafeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // `|` and `>` would end Slack's <url|label> early; `&` must be an entity like everywhere else.
  return parsed.href.replace(/&/g, '&amp;').replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/ /g, '%20');
}

/** A mrkdwn link `<url|label>`, or just the escaped label when the URL is missing or not http(s). */
export function link(url: string | undefined, label: string): string {
  const href = safeUrl(url);
  // One line, and no `|`: either would end Slack's link syntax early.
  const text = escapeText(label.trim() === '' ? (url ?? 'link') : label.replace(/\s+/g, ' ').trim()).replace(/\|/g, '¦');
  return href === undefined ? text : `<${href}|${text}>`;
}
