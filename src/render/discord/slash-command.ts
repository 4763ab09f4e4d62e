// How commands are written on Discord: `/pytorch-vs-tf compare topic:<topic>`. The subcommands
// and their option names are the command table's; the adapter registers them from the same table.
import { COMMANDS, type CommandName, type CommandSpec } from '../../engine/index.js';
import { SLASH_COMMAND_NAME } from '../labels.js';
import type { CommandFormat } from '../messages.js';

const optionOf = (name: CommandName) => COMMANDS.find((spec) => spec.name === name)?.argument?.name;

/** A command's usage as Discord users type it: "/pytorch-vs-tf ask question:<question>". */
export function slashUsage(spec: CommandSpec): string {
  const option = spec.argument ? ` ${spec.argument.name}:<${spec.argument.name}>` : '';
  return `/${SLASH_COMMAND_NAME} ${spec.name}${option}`;
}

/** A command to type, in code markup: `/pytorch-vs-tf compare topic:mobile`. */
export const slashCommand: CommandFormat = (name, value) => {
  const option = optionOf(name);
  const argument = value === undefined ? '' : option === undefined ? ` ${value}` : ` ${option}:${value}`;
  return `\`/${SLASH_COMMAND_NAME} ${name}${argument}\``;
};
