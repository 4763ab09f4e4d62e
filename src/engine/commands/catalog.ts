// The answers that list what the bot knows: help, topics and sources, and the example questions
// that help, greetings and declines offer.
import { emptyResult, type EngineContext, followUpOf } from '../context.js';
import type { EngineResult, FollowUp, InputNote, ResultOf } from '../types.js';
import type { CommandHandler } from './registry.js';

/** Topics whose first question shows the range of the bot, in this order, when the knowledge has them. */
const EXAMPLE_TOPICS = ['recommendation', 'deployment-mobile', 'computation-graph', 'hardware', 'keras'];

/** A few questions that show the range of the bot, for help, greetings and declines. */
export function exampleQuestions(context: EngineContext, count = 3): FollowUp[] {
  const examples: FollowUp[] = [];
  for (const topic of EXAMPLE_TOPICS) {
    const entry = context.faqByTopic.get(topic)?.[0];
    if (entry) examples.push(followUpOf(entry));
    if (examples.length === count) break;
  }
  return examples;
}

export function helpResult(context: EngineContext, query: string, notes: InputNote[], reason: ResultOf<'help'>['reason']): EngineResult {
  return { ...emptyResult(query, notes), kind: 'help', reason, commands: context.commands, followUps: exampleQuestions(context) };
}

export const helpCommand: CommandHandler = (context, { text, notes }) => helpResult(context, text, notes, 'asked');

export function topicsResult(
  context: EngineContext,
  query: string,
  notes: InputNote[],
  reason: ResultOf<'topics'>['reason'] = 'asked',
  requestedTopic: string | null = null,
): EngineResult {
  return {
    ...emptyResult(query, notes),
    kind: 'topics',
    reason,
    requestedTopic,
    topics: context.knowledge.topics.map(({ id, title, summary }) => ({ id, title, summary })),
    followUps: exampleQuestions(context),
  };
}

export const topicsCommand: CommandHandler = (context, { text, notes }) => topicsResult(context, text, notes);

export const sourcesCommand: CommandHandler = (context, { text, notes }) => {
  const all = Object.values(context.knowledge.sources);
  // The seed articles first (they are what the claim base checks), then the evidence.
  const ordered = [...all.filter((s) => s.kind === 'article'), ...all.filter((s) => s.kind !== 'article')];
  return { ...emptyResult(text, notes), kind: 'sources', sourceList: context.references.sources(ordered.map((s) => s.id)) };
};

/** Curators' summary: the engine has no store, so it answers with no access; the app layer fills it in for admins. */
export const statsCommand: CommandHandler = (_context, { text, notes }) => ({
  ...emptyResult(text, notes),
  kind: 'stats',
  access: 'refused',
  summary: null,
});
