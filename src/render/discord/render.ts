// EngineResult -> Discord message: embeds for the answer, its checked claims and its sources;
// buttons for follow-up questions and feedback. Pure functions: no client, no I/O, so every
// layout is unit-tested and every output is forced inside Discord's limits by fitMessage().
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  escapeMarkdown,
  hyperlink,
  MessageFlags,
  quote,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { ClaimRef, EngineResult, InputNote, SourceRef } from '../../engine/types.js';
import type { Verdict } from '../../knowledge/model.js';
import { asOfLabel, LEAN_NAMES, VERDICT_LABELS, weightLabel } from '../labels.js';
import { followUpChoices, messageOf, noteText, RATED_KINDS, statsSections } from '../messages.js';
import { encodeButtonAction, encodeModalAction, MODAL_INPUT_IDS, type ButtonAction, type ModalAction } from './custom-ids.js';
import { BLANK, DISCORD_LIMITS, fitMessage, joinLinesWithin, truncateText } from './limits.js';
import { NO_MENTIONS, type ActionRow, type AutocompleteChoice, type DiscordMessage } from './payload.js';
import { slashCommand, slashUsage } from './slash-command.js';

const VERDICT_EMOJI: Record<Verdict, string> = {
  accurate: '✅',
  'partly-true': '🟡',
  outdated: '🕰️',
  unverified: '❔',
  opinion: '💬',
  anecdote: '🗣️',
};

const verdictLabel = (verdict: Verdict) => `${VERDICT_EMOJI[verdict]} ${VERDICT_LABELS[verdict]}`;

const COLORS = {
  brand: 0x5865f2,
  muted: 0x99aab5,
  pytorch: 0xee4c2c,
  tensorflow: 0xff8f00,
} as const;

const VERDICT_COLORS: Record<Verdict, number> = {
  accurate: 0x2ecc71,
  'partly-true': 0xf1c40f,
  outdated: 0xe67e22,
  unverified: 0x95a5a6,
  opinion: 0x9b59b6,
  anecdote: 0x9b59b6,
};

/** Claims shown per answer: the rest are one search away, and five already fill a screen. */
const MAX_CLAIM_FIELDS = 5;
/** Inline fields sit three to a line; a pair plus a blank keeps PyTorch and TensorFlow side by side. */
const COMPARISON_ROWS_PER_EMBED = 8;

export interface DiscordRenderOptions {
  /** The recorded answer's id: its feedback and Dispute buttons carry it. */
  answerId?: string;
}

export function renderDiscordMessage(result: EngineResult, options: DiscordRenderOptions = {}): DiscordMessage {
  const embeds = buildEmbeds(result);
  const answerId = options.answerId ?? null;
  const rows = [...followUpRows(result), ...feedbackRows(result, answerId), ...disputeRows(result, answerId)];
  return fitMessage({ embeds, components: rows, allowedMentions: NO_MENTIONS });
}

/** The claims a result shows (as fields or in its title), in order, at most MAX_CLAIM_FIELDS. */
function claimsShown(result: EngineResult): ClaimRef[] {
  const claims =
    result.kind === 'recommendation' && result.claims.length === 0 ? result.needs.flatMap((need) => need.claims) : result.claims;
  const unique = [...new Map(claims.map((claim) => [claim.id, claim])).values()];
  if (result.kind === 'answer') {
    const itself = unique.find((claim) => claim.id === result.entryId);
    return [...(itself ? [itself] : []), ...unique.filter((claim) => claim !== itself).slice(0, MAX_CLAIM_FIELDS)].slice(
      0,
      DISCORD_LIMITS.buttonsPerRow,
    );
  }
  return unique.slice(0, Math.min(MAX_CLAIM_FIELDS, DISCORD_LIMITS.buttonsPerRow));
}

/** One "Dispute" button per claim shown, in one row: a reader who knows better can say so. */
function disputeRows(result: EngineResult, answerId: string | null): ActionRow[] {
  if (!RATED_KINDS.has(result.kind)) return [];
  const buttons = uniqueButtons(
    claimsShown(result).map((claim) => ({
      label: `Dispute: ${claim.claim}`,
      action: { type: 'dispute', claimId: claim.id, answerId } satisfies ButtonAction,
    })),
    ButtonStyle.Secondary,
  );
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function buildEmbeds(result: EngineResult): APIEmbed[] {
  const message = messageOf(result, slashCommand);
  const questions = (heading: string) =>
    bulleted(
      result.followUps.map((followUp) => followUp.question),
      heading,
    );
  switch (result.kind) {
    case 'answer': {
      // When the best match is a checked claim, the answer IS that claim: its verdict leads the
      // title instead of repeating the same text in a field below.
      const itself = result.claims.find((claim) => claim.id === result.entryId && claim.now === result.text);
      return [
        {
          color: itself ? VERDICT_COLORS[itself.verdict] : COLORS.brand,
          title: itself ? `${verdictLabel(itself.verdict)} · ${result.question}` : result.question,
          description: withNotes(message, result.notes),
          fields: [...claimFields(result.claims.filter((claim) => claim !== itself)), ...sourcesField(result.sources)],
          ...topicFooter(result.topic, result.asOf),
        },
      ];
    }
    case 'partial':
    case 'other-language':
      return [
        {
          color: COLORS.muted,
          title: result.kind === 'partial' ? 'No exact answer' : 'English only',
          description: withNotes(joinParagraphs(message, numbered(result.followUps.map((followUp) => followUp.question))), result.notes),
        },
      ];
    case 'no-match':
      return [
        {
          color: COLORS.muted,
          title: 'No answer for that one',
          description: withNotes(joinParagraphs(message, questions('You could ask:')), result.notes),
        },
      ];
    case 'greeting':
    case 'invalid-input':
      return [{ color: COLORS.muted, description: withNotes(joinParagraphs(message, questions('Try:')), result.notes) }];
    case 'help':
      return [
        {
          color: COLORS.brand,
          title: 'PyTorch vs TensorFlow: how to ask',
          description: withNotes(message, result.notes),
          fields: capFields(
            result.commands.map((command) => ({ name: slashUsage(command), value: command.description })),
            'more commands',
          ),
          footer: { text: 'You can also mention me with a question in any channel, or send me a DM.' },
        },
      ];
    case 'topics':
      return [
        {
          color: COLORS.brand,
          title: 'Topics',
          description: withNotes(message, result.notes),
          fields: capFields(
            result.topics.map((topic) => ({ name: topic.title, value: `${topic.summary}\n${slashCommand('compare', topic.id)}` })),
            'more topics',
          ),
        },
      ];
    case 'sources':
      return linesIntoEmbeds(
        { color: COLORS.brand, title: 'Sources', description: withNotes(message, result.notes) },
        result.sourceList.map((source) => `• ${sourceLine(source)}`),
        'more sources',
      );
    case 'comparison':
      return comparisonEmbeds(result);
    case 'recommendation':
      return [
        {
          color: result.lean === null ? COLORS.muted : result.lean === 'either' ? COLORS.brand : COLORS[result.lean],
          title: result.lean === null ? 'Recommendation' : `Recommendation: ${LEAN_NAMES[result.lean]}`,
          description: withNotes(message, result.notes),
          fields: [
            ...capFields(
              result.needs.map((need) => ({
                name: need.need,
                value: joinLines(
                  `Leans **${LEAN_NAMES[need.leans]}** (${weightLabel(need.weight)}). ${need.why}`,
                  ...need.claims.map((claim) => `${verdictLabel(claim.verdict)}: ${claim.now}`),
                ),
              })),
              'more needs',
              DISCORD_LIMITS.embedFields - 1,
            ),
            ...sourcesField(result.sources),
          ],
          ...topicFooter(result.topic, result.asOf),
        },
      ];
    case 'stats':
      return [
        {
          color: result.summary ? COLORS.brand : COLORS.muted,
          ...(result.summary ? { title: 'Curation summary' } : {}),
          description: message,
          fields: result.summary
            ? statsSections(result.summary).map(({ title, lines }) => ({
                name: truncateText(title, DISCORD_LIMITS.fieldName),
                value: joinLinesWithin(
                  lines.map((line) => escapeMarkdown(line)),
                  DISCORD_LIMITS.fieldValue,
                ),
              }))
            : [],
        },
      ];
    case 'claim-check': {
      const first = result.reason === 'checked' ? result.claims[0] : undefined;
      return [
        {
          color: first ? VERDICT_COLORS[first.verdict] : COLORS.muted,
          title: first ? `Claim check: ${verdictLabel(first.verdict)}` : 'Claim check',
          description: withNotes(joinParagraphs(quoteLines(result.statement), message), result.notes),
          fields: [...claimFields(result.claims), ...sourcesField(result.sources)],
          ...topicFooter(result.topic, result.asOf),
        },
      ];
    }
  }
}

function comparisonEmbeds(result: Extract<EngineResult, { kind: 'comparison' }>): APIEmbed[] {
  const rowFields = (rows: typeof result.rows): APIEmbedField[] =>
    rows.flatMap((row) => [
      { name: `PyTorch · ${row.aspect}`, value: row.pytorch, inline: true },
      { name: `TensorFlow · ${row.aspect}`, value: row.tensorflow, inline: true },
      { name: BLANK, value: BLANK, inline: true },
    ]);
  const embeds: APIEmbed[] = [];
  for (let start = 0; start === 0 || start < result.rows.length; start += COMPARISON_ROWS_PER_EMBED) {
    const chunk = result.rows.slice(start, start + COMPARISON_ROWS_PER_EMBED);
    embeds.push(
      start === 0
        ? {
            color: COLORS.brand,
            title: result.title,
            description: withNotes(messageOf(result, slashCommand), result.notes),
            fields: rowFields(chunk),
          }
        : { color: COLORS.brand, title: `${result.title} (continued)`, fields: rowFields(chunk) },
    );
  }
  const last = embeds[embeds.length - 1] as APIEmbed;
  const sources = sourcesField(result.sources);
  if (sources.length > 0) {
    // The source list needs a field slot; a chunk of eight rows leaves one of the 25 free.
    last.fields = [...(last.fields ?? []), ...sources];
  }
  Object.assign(last, topicFooter(result.topic, result.asOf));
  return embeds;
}

function claimFields(claims: ClaimRef[]): APIEmbedField[] {
  const shown = claims.slice(0, MAX_CLAIM_FIELDS).map((claim) => ({
    name: `${verdictLabel(claim.verdict)} · ${claim.claim}`,
    value: truncateText(
      joinLines(`**Now:** ${claim.now}`, claim.unconfirmed ? `**Not confirmed:** ${claim.unconfirmed}` : '', `Checked ${claim.checked}`),
      DISCORD_LIMITS.fieldValue,
    ),
  }));
  if (claims.length > MAX_CLAIM_FIELDS) {
    shown.push({ name: `…and ${claims.length - MAX_CLAIM_FIELDS} more checked claims`, value: 'Ask about one of them to see it.' });
  }
  return shown;
}

function sourcesField(sources: SourceRef[]): APIEmbedField[] {
  if (sources.length === 0) return [];
  return [
    {
      name: 'Sources',
      value: joinLinesWithin(
        sources.map((source) => `• ${sourceLine(source)}`),
        DISCORD_LIMITS.fieldValue,
        'more sources',
      ),
    },
  ];
}

/** A source as a masked link when it has a URL, as its title when it has none (seed articles). */
export function sourceLine(source: SourceRef): string {
  // Cut first: a title is short, and escapeMarkdown's cost grows with the square of the length.
  const title = truncateText(source.title, MAX_SOURCE_TITLE);
  if (source.url === undefined) return escapeMarkdown(title, MARKDOWN_OF_A_LINE);
  // Brackets in the label and parentheses in the URL would end the link early.
  const label = title.replace(/[[\]]/g, (bracket) => `\\${bracket}`);
  const url = source.url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return hyperlink(label, url);
}

const MAX_SOURCE_TITLE = 200;

/** Everything that would format a title shown on a line of its own: emphasis, code, headings, lists, links. */
const MARKDOWN_OF_A_LINE = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

function capFields(fields: APIEmbedField[], noun: string, max: number = DISCORD_LIMITS.embedFields): APIEmbedField[] {
  if (fields.length <= max) return fields;
  const kept = fields.slice(0, max - 1);
  return [
    ...kept,
    {
      name: `…and ${fields.length - kept.length} ${noun}`,
      value: fields
        .slice(max - 1)
        .map((field) => field.name)
        .join(', '),
    },
  ];
}

/** A list of lines spread over as many embeds as it takes, within the 6,000-character total. */
function linesIntoEmbeds(first: APIEmbed, lines: string[], noun: string): APIEmbed[] {
  // Room kept for the "…and N more" line, so the list can always say what it left out.
  const tailReserve = 40;
  const title = first.title ?? '';
  const continuedTitle = `${title} (continued)`;
  const descriptions: string[] = [];
  let current = truncateText(first.description ?? '', 1000);
  let currentHasLines = false;
  let used = title.length + current.length;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const separator = current === '' ? '' : currentHasLines ? '\n' : '\n\n';
    const tail = `…and ${lines.length - index} ${noun}`;
    const fitsInCurrent = current.length + separator.length + line.length + tailReserve <= DISCORD_LIMITS.embedDescription;
    const fitsInTotal = used + separator.length + line.length + tailReserve <= DISCORD_LIMITS.embedTotal;
    if (fitsInCurrent && fitsInTotal) {
      current += separator + line;
      currentHasLines = true;
      used += separator.length + line.length;
      continue;
    }
    const fitsInNext =
      descriptions.length + 2 <= DISCORD_LIMITS.embedsPerMessage &&
      used + continuedTitle.length + line.length + tailReserve <= DISCORD_LIMITS.embedTotal;
    if (!fitsInCurrent && fitsInNext) {
      descriptions.push(current);
      current = line;
      currentHasLines = true;
      used += continuedTitle.length + line.length;
      continue;
    }
    current += `${current === '' ? '' : '\n'}${tail}`;
    break;
  }
  descriptions.push(current);
  return descriptions.map((description, index) =>
    index === 0 ? { ...first, description } : { color: first.color, title: continuedTitle, description },
  );
}

function followUpRows(result: EngineResult): ActionRow[] {
  const actions = followUpChoices(result).map(({ entryId, question }) => ({
    label: question,
    action: { type: 'ask', entryId } satisfies ButtonAction,
  }));
  const buttons = uniqueButtons(actions, ButtonStyle.Secondary);
  const rows: ActionRow[] = [];
  // One row of follow-ups.
  for (let index = 0; index < buttons.length && rows.length < 1; index += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(index, index + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

function uniqueButtons(
  actions: { label: string; action: ButtonAction }[],
  style: ButtonStyle.Secondary | ButtonStyle.Primary,
): APIButtonComponentWithCustomId[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const { label, action } of actions) {
    const customId = encodeButtonAction(action);
    if (customId === undefined || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({ type: ComponentType.Button, style, label: truncateText(label, DISCORD_LIMITS.buttonLabel), custom_id: customId });
  }
  return buttons;
}

function feedbackRows(result: EngineResult, answerId: string | null): ActionRow[] {
  if (!RATED_KINDS.has(result.kind)) return [];
  const vote = (direction: 'up' | 'down') =>
    encodeButtonAction({ type: 'feedback', vote: direction, kind: result.kind, entryId: result.entryId, topic: result.topic, answerId });
  const up = vote('up');
  const down = vote('down');
  if (up === undefined || down === undefined) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Helpful', emoji: { name: '👍' }, custom_id: up },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Not helpful', emoji: { name: '👎' }, custom_id: down },
      ],
    },
  ];
}

function withNotes(text: string, notes: InputNote[]): string {
  return joinParagraphs(text, ...notes.map((note) => `ℹ️ ${noteText(note)}`));
}

function joinParagraphs(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n\n');
}

function joinLines(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n');
}

function numbered(items: string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}

function bulleted(items: string[], heading: string): string {
  return items.length === 0 ? '' : `${heading}\n${items.map((item) => `• ${item}`).join('\n')}`;
}

/** Quotes what the user wrote, line by line (a bare newline would end the quote; a block quote would never end). */
function quoteLines(text: string): string {
  return text.trim() === '' ? '' : text.split('\n').map(quote).join('\n');
}

/** The topic and the day the facts were checked ("As of 1 December 2026"), when known. */
function topicFooter(topic: string | null, asOf: string | null): Pick<APIEmbed, 'footer'> {
  const parts = [topic ? `Topic: ${topic}` : '', asOf ? asOfLabel(asOf) : ''].filter((part) => part !== '');
  return parts.length > 0 ? { footer: { text: parts.join(' · ') } } : {};
}

// ---- Small payloads the adapter sends around the answers ----

/** Autocomplete choices: at most 25, names and values within 100 characters, no duplicate values. */
export function renderChoices(items: { value: string; name: string }[]): AutocompleteChoice[] {
  const seen = new Set<string>();
  const choices: AutocompleteChoice[] = [];
  for (const item of items) {
    if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
    if (item.value === '' || item.value.length > DISCORD_LIMITS.choiceValue || seen.has(item.value)) continue;
    const name = truncateText(item.name.replace(/\s+/g, ' ').trim(), DISCORD_LIMITS.choiceName);
    if (name === '') continue;
    seen.add(item.value);
    choices.push({ name, value: item.value });
  }
  return choices;
}

/** A short message only the clicker sees (feedback thanks, errors). */
export function renderEphemeralNotice(text: string): DiscordMessage {
  return fitMessage({ content: text, embeds: [], components: [], allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
}

export function renderFeedbackThanks(vote: 'up' | 'down'): DiscordMessage {
  return renderEphemeralNotice(
    vote === 'up' ? 'Thanks! Glad that helped.' : 'Thanks for telling us. The maintainers review answers marked not helpful.',
  );
}

// ---- The curation forms (modals) ----

/** A form as `interaction.showModal` takes it: a title and text inputs, each in its own row. */
export interface DiscordModal {
  custom_id: string;
  title: string;
  components: {
    type: ComponentType.ActionRow;
    components: {
      type: ComponentType.TextInput;
      custom_id: string;
      label: string;
      style: TextInputStyle;
      required: boolean;
      max_length: number;
      min_length?: number;
      placeholder?: string;
    }[];
  }[];
}

const REASON_MAX_LENGTH = 1_000;

/** Why a 👎: optional, so closing the form is fine (the vote is already counted). */
export function renderFeedbackReasonModal(action: Extract<ModalAction, { type: 'feedback-reason' }>): DiscordModal | undefined {
  const customId = encodeModalAction(action);
  if (customId === undefined) return undefined;
  return {
    custom_id: customId,
    title: 'Not helpful: what was wrong?',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: MODAL_INPUT_IDS.reason,
            label: 'What was wrong or missing? (optional)',
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: REASON_MAX_LENGTH,
          },
        ],
      },
    ],
  };
}

export function renderDisputeModal(action: Extract<ModalAction, { type: 'dispute' }>): DiscordModal | undefined {
  const customId = encodeModalAction(action);
  if (customId === undefined) return undefined;
  const row = (input: DiscordModal['components'][number]['components'][number]) => ({
    type: ComponentType.ActionRow as const,
    components: [input],
  });
  return {
    custom_id: customId,
    title: 'Dispute a claim',
    components: [
      row({
        type: ComponentType.TextInput,
        custom_id: MODAL_INPUT_IDS.reason,
        label: 'What is wrong with this claim?',
        style: TextInputStyle.Paragraph,
        required: true,
        min_length: 3,
        max_length: REASON_MAX_LENGTH,
      }),
      row({
        type: ComponentType.TextInput,
        custom_id: MODAL_INPUT_IDS.sourceUrl,
        label: 'A source that shows it (optional)',
        style: TextInputStyle.Short,
        required: false,
        max_length: 1_000,
        placeholder: 'https://...',
      }),
    ],
  };
}

export function renderDisputeRecorded(id: string): DiscordMessage {
  return renderEphemeralNotice(
    `Thanks: your dispute is recorded as ${id}. A curator will check the claim against its sources; quote ${id} if you follow up.`,
  );
}

export const INVALID_SOURCE_URL_NOTICE =
  'That source is not a web address (it must start with http:// or https://). Please dispute again with a link, or leave it empty.';
