// Slack's documented Block Kit limits. Slack rejects a whole message (invalid_blocks) when one
// block breaks one of these, so every builder in this folder enforces them instead of hoping.
export const SLACK_LIMITS = {
  /** Characters in a section's text, a context element or any other text object. */
  textObject: 3000,
  /** Fields in one section block. */
  fieldsPerSection: 10,
  /** Characters in one section field. */
  fieldText: 2000,
  /** Characters in a header block's plain text. */
  headerText: 150,
  /** Blocks in one message (chat.postMessage, ack, respond). */
  blocksPerMessage: 50,
  /** Blocks in a Home tab view. */
  blocksPerHomeView: 100,
  /** Elements in one actions block. */
  elementsPerActions: 25,
  /** Elements in one context block. */
  elementsPerContext: 10,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in an action_id or block_id. */
  actionId: 255,
  /**
   * Characters we allow in a message's top-level `text`. Slack truncates at 40,000, but the text is
   * only the notification and screen-reader fallback when blocks are present, so we keep it short.
   */
  fallbackText: 3000,
} as const;
