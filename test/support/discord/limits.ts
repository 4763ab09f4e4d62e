// Discord's documented limits, restated independently of the renderer's constants so a wrong
// constant in src/ cannot make its own test pass; the embed total is counted by discord.js's own
// embedLength. Returns every violation as readable text.
import { type APIEmbed, embedLength } from 'discord.js';

interface MessageLike {
  content?: string | undefined;
  embeds?: APIEmbed[] | undefined;
  components?: { type: number; components: { type: number; label?: string; custom_id?: string }[] }[] | undefined;
}

export function discordLimitViolations(message: MessageLike): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((message.content ?? '').length <= 2000, `content is ${message.content?.length} chars`);
  const embeds = message.embeds ?? [];
  check(embeds.length <= 10, `${embeds.length} embeds`);
  let total = 0;
  for (const [index, embed] of embeds.entries()) {
    const at = `embed ${index}`;
    check((embed.title ?? '').length <= 256, `${at} title is ${embed.title?.length} chars`);
    check((embed.description ?? '').length <= 4096, `${at} description is ${embed.description?.length} chars`);
    check((embed.footer?.text ?? '').length <= 2048, `${at} footer is too long`);
    check((embed.author?.name ?? '').length <= 256, `${at} author is too long`);
    const fields = embed.fields ?? [];
    check(fields.length <= 25, `${at} has ${fields.length} fields`);
    for (const field of fields) {
      check(field.name.length >= 1 && field.name.length <= 256, `${at} field name is ${field.name.length} chars`);
      check(field.value.length >= 1 && field.value.length <= 1024, `${at} field value is ${field.value.length} chars`);
    }
    total += embedLength(embed);
    check(embed.title !== undefined || embed.description !== undefined || fields.length > 0, `${at} is empty`);
  }
  check(total <= 6000, `embeds total ${total} chars`);
  const rows = message.components ?? [];
  check(rows.length <= 5, `${rows.length} rows`);
  const customIds = new Set<string>();
  for (const row of rows) {
    check(row.components.length >= 1 && row.components.length <= 5, `a row has ${row.components.length} buttons`);
    for (const button of row.components) {
      check((button.label ?? '').length >= 1 && (button.label ?? '').length <= 80, `button label is ${button.label?.length} chars`);
      const id = button.custom_id ?? '';
      check(id.length >= 1 && id.length <= 100, `custom_id is ${id.length} chars`);
      check(!customIds.has(id), `duplicate custom_id ${id}`);
      customIds.add(id);
    }
  }
  return problems;
}

/** True when a string holds half a surrogate pair (half an emoji, which renders as garbage). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
