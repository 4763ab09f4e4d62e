// Slack text arrives escaped and full of markup: `<@U123>` for a mention, `<!here>` for a
// broadcast, `<https://x|label>` for a link, `&lt;` for a typed "<". The engine wants the words
// the person typed, so markup becomes its readable form and entities are decoded. The renderer
// escapes everything again on the way out, which is what keeps a typed `<!here>` inert.

const SPECIAL_MENTIONS: Record<string, string> = { here: '@here', channel: '@channel', everyone: '@everyone' };

function readableMarkup(inner: string): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) return label !== undefined ? `@${label.replace(/^@/, '')}` : `@${target.slice(1)}`;
  if (target.startsWith('#')) return label !== undefined ? `#${label.replace(/^#/, '')}` : `#${target.slice(1)}`;
  if (target.startsWith('!')) {
    const name = target.slice(1);
    if (name in SPECIAL_MENTIONS) return SPECIAL_MENTIONS[name]!;
    // <!subteam^S123|@team>, <!date^...|fallback>: the label is what people saw.
    return label ?? '';
  }
  return label ?? target;
}

/** Slack message or command text -> the plain text the person typed. */
export function slackTextToPlain(text: string | undefined): string {
  if (text === undefined) return '';
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => readableMarkup(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes mentions of the bot itself ("@bot what is XLA?" -> "what is XLA?"), before slackTextToPlain. */
export function withoutMentionOf(botUserId: string | undefined, text: string | undefined): string {
  if (text === undefined) return '';
  if (botUserId === undefined) return text;
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^<>]*)?>`, 'g'), ' ');
}
