// Reads a command word at the start of free text ("compare tpu", "recomend mobile"), so Slack's
// slash command, a mention and the terminal chat all accept the same commands. Names and aliases
// come from the command table.
import { editDistanceWithin } from '../text/edit-distance.js';
import { COMMANDS, type CommandName } from './registry.js';

export interface ParsedCommand {
  command: CommandName;
  /** What follows the command word. */
  rest: string;
}

const BY_WORD: ReadonlyMap<string, CommandName> = new Map(
  COMMANDS.flatMap((spec) => [spec.name, ...spec.aliases].map((word) => [word, spec.name] as const)),
);

/** Commands that take no argument: "help me choose..." is a question, not the help command. */
const STANDALONE: ReadonlySet<CommandName> = new Set(COMMANDS.filter((spec) => spec.argument === undefined).map((spec) => spec.name));

function commandFor(word: string): CommandName | undefined {
  const known = BY_WORD.get(word);
  if (known) return known;
  // "comapre", "recomend": one slip in a long command name is still that command.
  if (word.length >= 5) return COMMANDS.find(({ name }) => name.length >= 5 && editDistanceWithin(word, name, 1) <= 1)?.name;
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
