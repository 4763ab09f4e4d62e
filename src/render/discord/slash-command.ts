// The names of the bot's one slash command and its subcommand options. The adapter registers
// them; the renderer uses them to show usage the way Discord users type it.
export const SLASH_COMMAND_NAME = 'pytorch-vs-tf';

/** The single text option of each subcommand that takes one. */
export const SUBCOMMAND_OPTIONS = {
  ask: 'question',
  compare: 'topic',
  recommend: 'needs',
  check: 'statement',
} as const;

/**
 * The engine writes usage for typed text ("ask <question>"); on Discord the same command is
 * "/pytorch-vs-tf ask question:<question>". Usage it does not recognise is shown unchanged.
 */
export function slashUsage(usage: string): string {
  const match = /^(\w+)(?:\s+(<[^>]+>))?$/.exec(usage.trim());
  if (!match) return usage;
  const [, command = '', placeholder] = match;
  const option = (SUBCOMMAND_OPTIONS as Record<string, string>)[command];
  if (placeholder === undefined) return `/${SLASH_COMMAND_NAME} ${command}`;
  return option ? `/${SLASH_COMMAND_NAME} ${command} ${option}:${placeholder}` : usage;
}
