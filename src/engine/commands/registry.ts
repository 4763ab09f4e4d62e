// The one table of commands. Parsing (names and aliases), dispatch, help, Discord's subcommand
// definitions, the Slack manifest check and the tests all read it; adding a command is one entry
// here and one handler.
import type { EngineContext } from '../context.js';
import { MAX_INPUT_LENGTH } from '../input.js';
import type { CommandSpec, EngineResult, InputNote } from '../types.js';
import { askCommand } from './ask.js';
import { helpCommand, sourcesCommand, statsCommand, topicsCommand } from './catalog.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { recommendCommand } from './recommend.js';

/** What a handler gets: the text after the command word, cleaned, and what was done to it. */
export interface CommandInput {
  text: string;
  /** True when the raw text was blank (nothing but white space). */
  blank: boolean;
  notes: InputNote[];
  /** A FAQ entry or claim the user picked (buttons); see EngineRequest. */
  entryId?: string;
}

export type CommandHandler = (context: EngineContext, input: CommandInput) => EngineResult;

interface CommandEntry<Name extends string> extends Omit<CommandSpec, 'name'> {
  readonly name: Name;
  readonly run: CommandHandler;
}

const command = <const Name extends string>(entry: CommandEntry<Name>) => entry;

/** Long enough for a topic name with a typo or two. */
const TOPIC_NAME_LENGTH = 200;

const COMMAND_TABLE = [
  command({
    name: 'ask',
    aliases: [],
    description: 'Ask anything about PyTorch vs TensorFlow (the default: just type the question)',
    argument: {
      name: 'question',
      description: 'Your question in your own words',
      example: 'can PyTorch train on TPUs?',
      maxLength: MAX_INPUT_LENGTH,
      suggests: 'questions',
    },
    run: askCommand,
  }),
  command({
    name: 'compare',
    aliases: [],
    description: 'PyTorch and TensorFlow side by side on one topic',
    argument: {
      name: 'topic',
      description: 'A topic, e.g. mobile deployment',
      example: 'mobile deployment',
      maxLength: TOPIC_NAME_LENGTH,
      suggests: 'topics',
    },
    run: compareCommand,
  }),
  command({
    name: 'recommend',
    aliases: ['recommendation', 'suggest'],
    description: 'Which framework fits your project and team',
    argument: {
      name: 'needs',
      description: 'What you need, separated by commas',
      example: 'mobile app, small team, TPUs',
      maxLength: MAX_INPUT_LENGTH,
    },
    run: recommendCommand,
  }),
  command({
    name: 'check',
    aliases: ['factcheck', 'fact-check', 'verify'],
    description: 'Fact-check a statement about PyTorch or TensorFlow',
    argument: {
      name: 'statement',
      description: 'The statement to check',
      example: 'TensorFlow only has static graphs',
      maxLength: MAX_INPUT_LENGTH,
    },
    run: checkCommand,
  }),
  command({ name: 'topics', aliases: ['topic'], description: 'List the topics I can answer about', run: topicsCommand }),
  command({
    name: 'sources',
    aliases: ['source', 'references'],
    description: 'List the sources my answers rest on',
    run: sourcesCommand,
  }),
  command({
    name: 'stats',
    aliases: ['statistics'],
    description: 'For curators: questions, feedback, unanswered questions and disputes (admins only)',
    run: statsCommand,
  }),
  command({ name: 'help', aliases: ['?', 'commands', 'usage'], description: 'Show how to use this bot', run: helpCommand }),
];

export type CommandName = (typeof COMMAND_TABLE)[number]['name'];

const HANDLERS: ReadonlyMap<string, CommandHandler> = new Map(COMMAND_TABLE.map((entry) => [entry.name, entry.run]));

/** Every command as users see it, in the order help lists them. */
export const COMMANDS: readonly CommandSpec<CommandName>[] = COMMAND_TABLE.map(({ run: _handler, ...spec }) => spec);

export function handlerOf(name: CommandName): CommandHandler {
  return HANDLERS.get(name)!;
}
