// The answers that list what the bot knows: help, topics, sources, and the reply to a greeting.
import { emptyResult, type EngineContext } from '../context.js';
import type { EngineResult } from '../types.js';

const COMMAND_HELP: { usage: string; description: string }[] = [
  { usage: 'ask <question>', description: 'Ask anything about PyTorch vs TensorFlow (the default: just type the question).' },
  { usage: 'compare <topic>', description: 'Side-by-side table for a topic, e.g. "compare mobile deployment".' },
  { usage: 'recommend <your needs>', description: 'Which framework fits, e.g. "recommend mobile app, small team, TPUs".' },
  { usage: 'check <statement>', description: 'Fact-check a claim, e.g. "check TensorFlow only has static graphs".' },
  { usage: 'topics', description: 'List the topics I can answer about.' },
  { usage: 'sources', description: 'List the sources my answers are based on.' },
  { usage: 'help', description: 'Show this help.' },
];

/** A few questions that show the range of the bot, for help and declines. */
export function exampleQuestions(context: EngineContext, count = 3): string[] {
  const preferred = ['recommendation', 'deployment-mobile', 'computation-graph', 'hardware', 'keras'];
  const examples: string[] = [];
  for (const topic of preferred) {
    const entry = context.knowledge.faq.find((faq) => faq.topic === topic);
    if (entry) examples.push(entry.question);
    if (examples.length === count) break;
  }
  return examples;
}

export function helpResult(context: EngineContext, query: string, notes: string[], lead?: string): EngineResult {
  const intro =
    'I answer questions about choosing between PyTorch and TensorFlow, with current facts and sources. ' +
    'Ask in your own words, or use a command:';
  return {
    ...emptyResult(query, notes),
    kind: 'help',
    text: lead ? `${lead}\n\n${intro}` : intro,
    commands: COMMAND_HELP,
    followUps: exampleQuestions(context),
  };
}

export function topicsResult(context: EngineContext, query: string, notes: string[], lead?: string): EngineResult {
  const topics = context.knowledge.topics.map(({ id, title, summary }) => ({ id, title, summary }));
  return {
    ...emptyResult(query, notes),
    kind: 'topics',
    text: lead ?? `I can answer questions on ${topics.length} topics:`,
    topics,
    followUps: exampleQuestions(context),
  };
}

export function sourcesResult(context: EngineContext, query: string, notes: string[]): EngineResult {
  const all = Object.values(context.knowledge.sources);
  // The seed articles first (they are what the claim base checks), then the evidence.
  const ordered = [...all.filter((s) => s.kind === 'article'), ...all.filter((s) => s.kind !== 'article')];
  const sourceList = context.references.sources(ordered.map((s) => s.id));
  return {
    ...emptyResult(query, notes),
    kind: 'sources',
    text:
      `My answers rest on ${sourceList.length} sources: four comparison articles whose claims I fact-check, ` +
      'and the official documentation, release notes and repositories used to check them.',
    sourceList,
  };
}

const GREETING_WORDS = new Set(
  `hi hello hey heya hiya yo howdy greetings morning afternoon evening good day there all team folks everyone
  bot buddy friend sup whats up hows it going`.split(/\s+/),
);
const THANKS_WORDS = new Set(
  `thanks thank thx ty tysm cheers appreciated appreciate much so a lot lots you great awesome nice cool perfect helpful very ok okay`.split(
    /\s+/,
  ),
);

/** "hi", "thanks a lot!", "good morning team": a greeting or thanks with nothing else in it. */
export function detectGreeting(text: string): 'hello' | 'thanks' | undefined {
  const words =
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || words.length > 6) return undefined;
  if (
    words.some((w) => ['thanks', 'thank', 'thx', 'ty', 'tysm', 'cheers', 'appreciated', 'appreciate'].includes(w)) &&
    words.every((w) => THANKS_WORDS.has(w) || GREETING_WORDS.has(w))
  ) {
    return 'thanks';
  }
  if (
    words.every((w) => GREETING_WORDS.has(w)) &&
    words.some((w) =>
      ['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'howdy', 'greetings', 'morning', 'afternoon', 'evening', 'sup'].includes(w),
    )
  ) {
    return 'hello';
  }
  return undefined;
}

export function greetingResult(context: EngineContext, query: string, notes: string[], kind: 'hello' | 'thanks'): EngineResult {
  const text =
    kind === 'thanks'
      ? 'Glad it helped! Ask me anything else about PyTorch vs TensorFlow, or type `help` to see the commands.'
      : 'Hi! I help teams choose between PyTorch and TensorFlow with short, sourced, current answers. ' +
        'Ask a question in your own words, or type `help` to see the commands.';
  return { ...emptyResult(query, notes), kind: 'greeting', text, followUps: exampleQuestions(context) };
}
