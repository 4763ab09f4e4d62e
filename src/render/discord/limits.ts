// Discord's hard limits on what a message may carry, and the functions that make any payload fit
// them. Discord rejects a whole message (HTTP 400) when one field is a character too long, so
// every payload passes through fitMessage() before it leaves the renderer: an answer that is cut
// is better than no answer at all.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { type ActionRow, type DiscordMessage, NO_MENTIONS } from './payload.js';

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits and friends. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author, summed over every embed. */
  embedTotal: 6000,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';
/** Discord refuses empty field names and values; a zero-width space is its accepted blank. */
export const BLANK = '\u200b';

/**
 * Cuts `text` to at most `max` UTF-16 code units (never more than Discord's character count),
 * ending in an ellipsis. It prefers a word boundary near the end, never splits a surrogate pair
 * (half an emoji renders as garbage), and never leaves half a markdown link or an open code fence.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);

  let cut = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  let head = text.slice(0, cut);

  // Back up to a word boundary, unless that would throw away more than a fifth of the text.
  const boundary = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  if (boundary >= Math.floor(cut * 0.8)) head = head.slice(0, boundary);

  head = dropOpenLink(head);
  head = head.trimEnd();

  // An odd number of ``` fences means the cut landed inside a code block: close it so the rest
  // of the message does not render as code. The closing fence must fit too.
  if (countFences(head) % 2 === 1) {
    const closing = '\n```';
    if (head.length + closing.length + ELLIPSIS.length > max) head = head.slice(0, max - closing.length - ELLIPSIS.length);
    if (isHighSurrogate(head.charCodeAt(head.length - 1))) head = head.slice(0, -1);
    if (countFences(head) % 2 === 1) return `${head}${ELLIPSIS}${closing}`;
  }
  return `${head}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function countFences(text: string): number {
  return text.split('```').length - 1;
}

/** If the text ends inside `[label](url)`, drops the unfinished link. */
function dropOpenLink(text: string): string {
  const open = text.lastIndexOf('[');
  if (open === -1) return text;
  const rest = text.slice(open);
  // A finished link, or a bracket that is not a link at all, is left alone.
  if (/^\[[^\]\n]*\]\([^)\s]*\)/.test(rest)) return text;
  if (/^\[[^\]\n]*$/.test(rest) || /^\[[^\]\n]*\]\([^)\s]*$/.test(rest)) return text.slice(0, open);
  return text;
}

/**
 * Joins whole lines under `max` characters; lines that do not fit are summarised as
 * "…and N more" so a list is never cut mid-entry (a half link is worse than a missing one).
 */
export function joinLinesWithin(lines: string[], max: number, noun = 'more'): string {
  const kept: string[] = [];
  let length = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const remaining = lines.length - index - 1;
    const tail = remaining > 0 ? `\n…and ${remaining} ${noun}` : '';
    const separator = kept.length > 0 ? 1 : 0;
    if (length + separator + line.length + tail.length <= max) {
      kept.push(line);
      length += separator + line.length;
      continue;
    }
    const summary = `…and ${lines.length - index} ${noun}`;
    if (kept.length === 0) return truncateText(line, max);
    if (length + 1 + summary.length <= max) kept.push(summary);
    break;
  }
  return kept.join('\n');
}

/**
 * Makes any message satisfy every Discord limit: content, embed count, per-embed and total
 * embed characters, field counts, rows, buttons, labels and custom ids. Builders lay content out
 * sensibly first; this is the last line of defence and is property-tested on arbitrary input.
 */
export function fitMessage(message: DiscordMessage): DiscordMessage {
  const fitted: DiscordMessage = {
    embeds: fitEmbeds(message.embeds),
    components: fitComponents(message.components),
    allowedMentions: NO_MENTIONS,
  };
  if (message.content !== undefined && message.content !== '') fitted.content = truncateText(message.content, DISCORD_LIMITS.content);
  if (message.flags !== undefined) fitted.flags = message.flags;
  return fitted;
}

function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  let budget: number = DISCORD_LIMITS.embedTotal;
  const fitted: APIEmbed[] = [];
  for (const original of embeds.slice(0, DISCORD_LIMITS.embedsPerMessage)) {
    if (budget <= 0) break;
    const embed: APIEmbed = {};
    if (original.color !== undefined) embed.color = original.color;
    if (original.url !== undefined) embed.url = original.url;

    const take = (text: string | undefined, max: number): string | undefined => {
      if (text === undefined || text === '') return undefined;
      const cut = truncateText(text, Math.min(max, budget));
      budget -= cut.length;
      return cut === '' ? undefined : cut;
    };

    const title = take(original.title, DISCORD_LIMITS.embedTitle);
    if (title !== undefined) embed.title = title;
    // The footer is small and says where the answer comes from: reserve it before the body.
    const footerText = original.footer?.text;
    const footerReserve = Math.min(footerText?.length ?? 0, DISCORD_LIMITS.footerText, 120);
    budget -= footerReserve;
    const description = take(original.description, DISCORD_LIMITS.embedDescription);
    if (description !== undefined) embed.description = description;

    const fields: APIEmbedField[] = [];
    for (const field of (original.fields ?? []).slice(0, DISCORD_LIMITS.embedFields)) {
      // A field needs a name and a value; stop when not even a short pair fits any more.
      if (budget < 8) break;
      const name = take(field.name === '' ? BLANK : field.name, DISCORD_LIMITS.fieldName) ?? BLANK;
      const value = take(field.value === '' ? BLANK : field.value, DISCORD_LIMITS.fieldValue);
      if (value === undefined) break;
      fields.push(field.inline === undefined ? { name, value } : { name, value, inline: field.inline });
    }
    if (fields.length > 0) embed.fields = fields;

    budget += footerReserve;
    const footer = take(footerText, DISCORD_LIMITS.footerText);
    if (footer !== undefined) embed.footer = { text: footer };

    if (embed.title === undefined && embed.description === undefined && embed.fields === undefined) continue;
    fitted.push(embed);
  }
  return fitted;
}

function fitComponents(rows: ActionRow[]): ActionRow[] {
  const seen = new Set<string>();
  const fitted: ActionRow[] = [];
  for (const row of rows) {
    if (fitted.length === DISCORD_LIMITS.rowsPerMessage) break;
    const buttons: ActionRow['components'] = [];
    for (const button of row.components) {
      if (buttons.length === DISCORD_LIMITS.buttonsPerRow) break;
      // Discord rejects duplicate custom ids within one message, and ids over 100 characters.
      const id = button.custom_id;
      if (id.length === 0 || id.length > DISCORD_LIMITS.customId || seen.has(id)) continue;
      seen.add(id);
      const label = truncateText(button.label ?? '', DISCORD_LIMITS.buttonLabel);
      buttons.push({ ...button, label: label === '' ? '…' : label });
    }
    if (buttons.length > 0) fitted.push({ ...row, components: buttons });
  }
  return fitted;
}
