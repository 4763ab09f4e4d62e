// EngineResult -> Slack message. Pure: no Bolt, no I/O. The layout is the same for every kind:
// an optional attribution line, the kind's own content, the claims it rests on, its sources,
// then buttons (ask next, feedback, share). When a huge result does not fit Slack's 50 blocks,
// content is dropped from the end of the middle, never the buttons.
import type { ClaimRef, EngineResult, SourceRef } from '../../engine/types.js';
import { asOfLabel, LEAN_NAMES, leanHeadline, SLASH_COMMAND_NAME, weightLabel } from '../labels.js';
import { type CommandFormat, followUpChoices, messageOf, noteText, RATED_KINDS, statsSections, usageOf } from '../messages.js';
import { ACTION_IDS, askActionId, disputeActionId, encodeDisputeValue, encodeFeedbackValue, encodeFollowUpValue } from './actions.js';
import {
  actions,
  button,
  contextBlock,
  divider,
  fallbackText,
  fieldsSection,
  header,
  section,
  type ButtonElement,
  type SlackBlock,
  type SlackMessage,
} from './blocks.js';
import { packLines, splitText } from './cut.js';
import { escapeText, link } from './escape.js';
import { verdictLabel } from './labels.js';
import { SLACK_LIMITS } from './limits.js';

/** The slash command as users type it; shown in hints. */
export const SLASH_COMMAND = `/${SLASH_COMMAND_NAME}`;

/** A command as Slack users type it anywhere: after the slash command. */
const slashCommand: CommandFormat = (name, value) => `\`${SLASH_COMMAND} ${name}${value === undefined ? '' : ` ${value}`}\``;

export interface RenderOptions {
  /**
   * private: an ephemeral reply only the asker sees (slash command), which gets a Share button.
   * public: a message everyone in the conversation sees (thread, DM, shared answer).
   */
  audience: 'private' | 'public';
  /** The input that produced this result; the Share button carries it so a click can answer it again. */
  shareInput?: string;
  /** Who asked, as plain text (a name, never a mention); shown on answers shared in a channel. */
  askedBy?: string;
  /** The recorded answer's id: its feedback and Dispute buttons carry it, so a vote or a dispute joins its answer. */
  answerId?: string;
}

const MAX_CLAIMS = 3;
const MAX_CLAIMS_FOR_CHECK = 5;
const MAX_ASK_BUTTONS = 5;
// A curation summary may quote questions: it stays with the admin who asked for it.
const KINDS_WITHOUT_SHARE = new Set<EngineResult['kind']>(['invalid-input', 'stats']);

export function renderResult(result: EngineResult, options: RenderOptions): SlackMessage {
  const attribution = options.askedBy !== undefined ? [attributionBlock(options.askedBy, result.query)] : [];
  const content = [...attribution, ...contentBlocks(result), ...claimBlocks(result, options)];
  const tail = [...notesBlocks(result), ...sourcesBlocks(result), ...asOfBlocks(result), ...buttonBlocks(result, options)];
  return { text: fallbackFor(result, options), blocks: fitBlocks(content, tail, SLACK_LIMITS.blocksPerMessage) };
}

/** Keeps every tail block and as much content as fits, saying so when something was dropped. */
export function fitBlocks(content: SlackBlock[], tail: SlackBlock[], max: number): SlackBlock[] {
  if (content.length + tail.length <= max) return [...content, ...tail];
  const room = Math.max(0, max - tail.length - 1);
  const dropped = content.length - room;
  const note = contextBlock([
    `_${dropped} more part${dropped === 1 ? '' : 's'} did not fit in one Slack message. Try a narrower question._`,
  ]);
  return [...content.slice(0, room), note, ...tail].slice(0, max);
}

/** Long text becomes several sections, each within Slack's per-section limit. */
function sections(mrkdwnText: string): SlackBlock[] {
  return splitText(mrkdwnText, SLACK_LIMITS.textObject).map((chunk) => section(chunk));
}

/** Lines joined into as few sections as the per-section limit allows. */
export function listSections(lines: string[]): SlackBlock[] {
  return packLines(lines, SLACK_LIMITS.textObject).map((chunk) => section(chunk));
}

function attributionBlock(askedBy: string, query: string): SlackBlock {
  const question = query.trim() === '' ? '' : `: “${escapeText(query.trim())}”`;
  return contextBlock([`*${escapeText(askedBy)}* asked${question}`]);
}

/** Each command as typed after the slash command, with what it does. */
export function commandLines(commands: Extract<EngineResult, { kind: 'help' }>['commands']): string[] {
  return commands.map((command) => `\`${escapeText(usageOf(command))}\` — ${escapeText(command.description)}`);
}

function contentBlocks(result: EngineResult): SlackBlock[] {
  const text = escapeText(messageOf(result, slashCommand));
  switch (result.kind) {
    case 'answer':
      return sections(`*${escapeText(result.question)}*\n${text}`);
    case 'partial':
    case 'other-language':
    case 'greeting':
    case 'invalid-input':
    case 'no-match':
      return sections(text);
    case 'help':
      return [
        ...sections(text),
        ...listSections(commandLines(result.commands)),
        contextBlock([`Type these after \`${SLASH_COMMAND}\`, in a direct message to me, or after mentioning me in a channel.`]),
      ];
    case 'topics':
      return [
        header('Topics I can answer'),
        ...sections(text),
        ...listSections(
          result.topics.map((topic) => `• *${escapeText(topic.title)}* (\`${escapeText(topic.id)}\`) — ${escapeText(topic.summary)}`),
        ),
        contextBlock([`Compare one side by side: \`${SLASH_COMMAND} compare &lt;topic&gt;\``]),
      ];
    case 'sources':
      return [
        header('Sources'),
        ...sections(text),
        ...listSections(result.sourceList.map((source) => `• ${link(source.url, source.title)} _(${escapeText(source.kind)})_`)),
      ];
    case 'comparison':
      return [
        header(`PyTorch vs TensorFlow: ${result.title}`),
        ...(result.text.trim() === '' ? [] : sections(text)),
        fieldsSection(['*PyTorch*', '*TensorFlow*']),
        ...result.rows.map((row) => fieldsSection([escapeText(row.pytorch), escapeText(row.tensorflow)], `*${escapeText(row.aspect)}*`)),
      ];
    case 'recommendation':
      return [
        header(leanHeadline(result.lean)),
        ...sections(text),
        ...listSections(
          result.needs.map(
            (need) => `• *${escapeText(need.need)}* → ${LEAN_NAMES[need.leans]} (${weightLabel(need.weight)})\n    ${escapeText(need.why)}`,
          ),
        ),
      ];
    case 'stats':
      return statsBlocks(result);
    case 'claim-check': {
      const top = result.reason === 'checked' ? result.claims[0] : undefined;
      const verdict = top === undefined ? '' : `\n*Verdict:* ${verdictLabel(top.verdict)}`;
      const statement = result.statement.trim() === '' ? '' : `_“${escapeText(result.statement)}”_`;
      return sections([`${statement}${verdict}`, text].filter((part) => part !== '').join('\n'));
    }
  }
}

/** The curation summary (admins), or why there is none. */
export function statsBlocks(result: Extract<EngineResult, { kind: 'stats' }>): SlackBlock[] {
  const text = escapeText(messageOf(result, slashCommand));
  if (!result.summary) return sections(text);
  return [
    header('Curation summary'),
    ...sections(text),
    ...statsSections(result.summary).flatMap(({ title, lines }) =>
      listSections([`*${escapeText(title)}*`, ...lines.map((line) => `• ${escapeText(line)}`)]),
    ),
  ];
}

function claimText(claim: ClaimRef): string {
  const lines = [`${verdictLabel(claim.verdict)} — ${escapeText(claim.claim)}`, `*Now:* ${escapeText(claim.now)}`];
  if (claim.unconfirmed !== undefined) lines.push(`_Not confirmed:_ ${escapeText(claim.unconfirmed)}`);
  const cited = claim.sources.map((source) => link(source.url, source.title));
  lines.push(`_Checked ${escapeText(claim.checked)}_${cited.length > 0 ? ` · ${cited.join(' · ')}` : ''}`);
  return lines.join('\n');
}

/** Each claim shown gets a Dispute button beside it: a reader who knows better can say so. */
function disputable(blocks: SlackBlock[], claim: ClaimRef, index: number, result: EngineResult, options: RenderOptions): SlackBlock[] {
  const [first, ...rest] = blocks;
  if (first === undefined || first.type !== 'section') return blocks;
  const value = encodeDisputeValue({ claimId: claim.id, entryId: result.entryId, answerId: options.answerId ?? null });
  return [{ ...first, accessory: button({ label: 'Dispute', actionId: disputeActionId(index), value }) }, ...rest];
}

function claimBlocks(result: EngineResult, options: RenderOptions): SlackBlock[] {
  const claims =
    result.kind === 'recommendation' && result.claims.length === 0 ? result.needs.flatMap((need) => need.claims) : result.claims;
  const unique = [...new Map(claims.map((claim) => [claim.id, claim])).values()];
  if (unique.length === 0) return [];
  const max = result.kind === 'claim-check' ? MAX_CLAIMS_FOR_CHECK : MAX_CLAIMS;
  const shown = unique.slice(0, max);
  const more = unique.length - shown.length;
  return [
    divider(),
    section(result.kind === 'claim-check' ? '*Matching claims*' : '*Related claims, checked*'),
    ...shown.flatMap((claim, index) => disputable(sections(claimText(claim)), claim, index, result, options)),
    ...(more > 0 ? [contextBlock([`_and ${more} more related claim${more === 1 ? '' : 's'}_`])] : []),
  ];
}

function notesBlocks(result: EngineResult): SlackBlock[] {
  return result.notes.length === 0 ? [] : [contextBlock([result.notes.map((note) => `_${escapeText(noteText(note))}_`).join('\n')])];
}

/** "As of <date>": the day the facts in the answer were last checked. */
function asOfBlocks(result: EngineResult): SlackBlock[] {
  return result.asOf ? [contextBlock([`_${asOfLabel(result.asOf)}_`])] : [];
}

function sourcesBlocks(result: EngineResult): SlackBlock[] {
  if (result.kind === 'sources') return [];
  const unique = [...new Map(result.sources.map((source: SourceRef) => [source.id, source])).values()];
  if (unique.length === 0) return [];
  return [contextBlock([`*Sources:* ${unique.map((source) => link(source.url, source.title)).join(' · ')}`])];
}

function askButtons(result: EngineResult): ButtonElement[] {
  return followUpChoices(result)
    .slice(0, MAX_ASK_BUTTONS)
    .map((followUp, index) => button({ label: followUp.question, actionId: askActionId(index), value: encodeFollowUpValue(followUp) }));
}

function buttonBlocks(result: EngineResult, options: RenderOptions): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const asks = askButtons(result);
  if (asks.length > 0) {
    blocks.push(section(result.kind === 'partial' ? '*Closest questions:*' : '*Ask next:*'), actions(asks));
  }
  const controls: ButtonElement[] = [];
  if (options.audience === 'private' && !KINDS_WITHOUT_SHARE.has(result.kind)) {
    controls.push(
      button({ label: 'Share in channel', actionId: ACTION_IDS.share, value: options.shareInput ?? result.query, style: 'primary' }),
    );
  }
  if (RATED_KINDS.has(result.kind)) {
    const value = encodeFeedbackValue({
      entryId: result.entryId,
      topic: result.topic,
      kind: result.kind,
      ...(options.answerId !== undefined ? { answerId: options.answerId } : {}),
    });
    controls.push(
      button({ label: '👍 Helpful', actionId: ACTION_IDS.feedbackUp, value }),
      button({ label: '👎 Not helpful', actionId: ACTION_IDS.feedbackDown, value }),
    );
  }
  if (controls.length > 0) blocks.push(actions(controls));
  return blocks;
}

function fallbackFor(result: EngineResult, options: RenderOptions): string {
  const lead = options.askedBy !== undefined ? `${escapeText(options.askedBy)} asked: ${escapeText(result.query)}\n` : '';
  const title =
    result.kind === 'answer'
      ? `${escapeText(result.question)}: `
      : result.kind === 'comparison'
        ? `PyTorch vs TensorFlow: ${escapeText(result.title)}. `
        : result.kind === 'recommendation'
          ? `${leanHeadline(result.lean)}. `
          : '';
  return fallbackText(`${lead}${title}${escapeText(messageOf(result, slashCommand))}`);
}

/** A short ephemeral note (thanks, errors): plain text, escaped, in one section. */
export function renderNotice(plainText: string): SlackMessage {
  const text = escapeText(plainText);
  return { text: fallbackText(text), blocks: [section(text)] };
}
