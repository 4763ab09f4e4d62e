// The few Block Kit shapes this bot sends, and builders that cannot produce an invalid block:
// each one cuts its text to Slack's limit and never emits an empty text object (Slack requires
// at least one character). Text given to these builders is already escaped mrkdwn, except where
// a parameter says "plain", which is escaped here.
import type { types } from '@slack/bolt';
import { cutData, cutText } from './cut.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

/** Always verbatim: Slack must not turn plain words into links or mentions. */
export type MrkdwnText = types.MrkdwnElement & { verbatim: true };
export type PlainText = types.PlainTextElement & { emoji: true };
export type ButtonElement = types.Button;
export type SectionBlock = types.SectionBlock;
export type HeaderBlock = types.HeaderBlock;
export type ContextBlock = Omit<types.ContextBlock, 'elements'> & { elements: MrkdwnText[] };
export type ActionsBlock = Omit<types.ActionsBlock, 'elements'> & { elements: ButtonElement[] };
export type DividerBlock = types.DividerBlock;

/** The blocks this bot sends (Block Kit's own types, from @slack/types through Bolt). */
export type SlackBlock = SectionBlock | HeaderBlock | ContextBlock | ActionsBlock | DividerBlock;

/** What every reply is: blocks for the message and plain text for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export type HomeView = types.HomeView & { blocks: SlackBlock[] };

const nonEmpty = (text: string) => (text.trim() === '' ? '—' : text);

export function mrkdwn(text: string, max: number = SLACK_LIMITS.textObject): MrkdwnText {
  return { type: 'mrkdwn', text: nonEmpty(cutText(text, max)), verbatim: true };
}

/** Plain text from any source: escaped here, then cut. */
export function plain(text: string, max: number = SLACK_LIMITS.textObject): PlainText {
  return { type: 'plain_text', text: nonEmpty(cutText(escapeText(text.replace(/\s+/g, ' ').trim()), max)), emoji: true };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** A section laid out as a grid: fields are shown two per row. */
export function fieldsSection(fields: string[], text?: string): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    fields: fields.slice(0, SLACK_LIMITS.fieldsPerSection).map((field) => mrkdwn(field, SLACK_LIMITS.fieldText)),
  };
  if (text !== undefined) block.text = mrkdwn(text);
  return block;
}

export function header(plainText: string): HeaderBlock {
  return { type: 'header', text: plain(plainText, SLACK_LIMITS.headerText) };
}

export function contextBlock(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, SLACK_LIMITS.elementsPerContext).map((text) => mrkdwn(text)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  /** Plain text label (escaped and cut here). */
  label: string;
  actionId: string;
  /** Data that comes back when the button is clicked (escaped here; see decodeButtonValue). */
  value: string;
  style?: 'primary' | 'danger';
}

export function button({ label, actionId, value, style }: ButtonSpec): ButtonElement {
  const element: ButtonElement = {
    type: 'button',
    text: plain(label, SLACK_LIMITS.buttonText),
    action_id: actionId.slice(0, SLACK_LIMITS.actionId),
    // Escaped like everything else, so no payload we send ever contains a live `<!here>`.
    value: nonEmpty(cutData(escapeText(value), SLACK_LIMITS.buttonValue)),
  };
  if (style !== undefined) element.style = style;
  return element;
}

export function actions(buttons: ButtonElement[]): ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, SLACK_LIMITS.elementsPerActions) };
}

/** The top-level `text`: a short plain version of the message. Input is already escaped mrkdwn. */
export function fallbackText(text: string): string {
  return nonEmpty(cutText(text.replace(/\n{3,}/g, '\n\n').trim(), SLACK_LIMITS.fallbackText));
}
