// Reads a command word at the start of free text ("compare tpu", "recomend mobile"), so Slack's
// slash command, a mention and the terminal chat all accept the same commands.
import { editDistanceWithin } from '../search/damerau.js';
import { COMMANDS, type CommandName } from '../types.js';

export interface ParsedCommand {
  command: CommandName;
  /** What follows the command word. */
  rest: string;
}

const ALIASES: Record<string, CommandName> = {
  '?': 'help',
  commands: 'help',
  usage: 'help',
  topic: 'topics',
  source: 'sources',
  references: 'sources',
  recommendation: 'recommend',
  suggest: 'recommend',
  factcheck: 'check',
  'fact-check': 'check',
  verify: 'check',
};

/** Commands that take no argument: "help me choose..." is a question, not the help command. */
const STANDALONE: ReadonlySet<CommandName> = new Set(['help', 'topics', 'sources']);

function commandFor(word: string): CommandName | undefined {
  if ((COMMANDS as readonly string[]).includes(word)) return word as CommandName;
  if (ALIASES[word]) return ALIASES[word];
  // "comapre", "recomend": one slip in a long command word is still that command.
  if (word.length >= 5) return COMMANDS.find((command) => command.length >= 5 && editDistanceWithin(word, command, 1) <= 1);
  return undefined;
}

export function parseCommand(text: string): ParsedCommand | undefined {
  const match = /^\/?([\p{L}?-]+)[\s:,.!-]*([\s\S]*)$/u.exec(text.trim());
  if (!match) return undefined;
  const command = commandFor(match[1]!.toLowerCase());
  if (!command) return undefined;
  const rest = match[2]!.trim();
  if (STANDALONE.has(command) && rest.replace(/[\s!.?]|please|pls/gi, '') !== '') return undefined;
  return { command, rest };
}
