// Slack text arrives escaped and full of markup: `<@U123>` for a mention, `<!here>` for a
// broadcast, `<https://x|label>` for a link, `:tada:` for an emoji, `&lt;` for a typed "<". The
// engine wants only the words of the question, so this is where Slack's markup ends: mentions of
// people, groups and channels and broadcasts address someone and are removed (the bot's own
// mention among them), a link keeps its label (people paste "<https://pytorch.org|PyTorch docs>"
// and mean the words) or its address, a date keeps the text people saw, emoji shortcodes go, and
// entities are decoded. The renderer escapes everything again on the way out, which is what
// keeps a typed `<!here>` inert.

import { cutIncomingText } from '../input-limit.js';

/** `:thumbsup:`, `:+1:`, `:speaking_head_in_silhouette:`: Slack draws the emoji from the name. Not inside "10:30:45". */
const EMOJI_SHORTCODE = /(?<!\w):[a-z0-9_+-]+:(?!\w)/gi;

function wordsOfMarkup(inner: string): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  // <@U123>, <@U123|name>, <#C123|general>: someone or somewhere addressed, not a word of the question.
  if (target.startsWith('@') || target.startsWith('#')) return ' ';
  // <!date^…|Feb 18>: the fallback is what people saw. <!here>, <!subteam^S1|@team>: broadcasts.
  if (target.startsWith('!')) return target.startsWith('!date^') ? ` ${label ?? ''} ` : ' ';
  // <https://pytorch.org|the docs>, <https://jax.dev>, <mailto:a@b.c|write us>.
  return ` ${label ?? target} `;
}

/** Slack message or command text -> the plain words of the question. */
export function slackTextToPlain(text: string | undefined): string {
  if (text === undefined) return '';
  return cutIncomingText(text)
    .replace(/<([^<>]*)>/g, (_match, inner: string) => wordsOfMarkup(inner))
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
