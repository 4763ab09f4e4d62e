// The answer engine: pure functions over loaded knowledge. No I/O, no environment, no platform
// SDK: every adapter (Slack, Discord, terminal) gets the same answer to the same question.
import Fuse from 'fuse.js';
import type { Knowledge, TopicFaqEntry } from '../knowledge/model.js';
import { createEngineContext, emptyResult } from './context.js';
import { askResult } from './commands/ask.js';
import { detectGreeting, greetingResult, helpResult, sourcesResult, topicsResult } from './commands/catalog.js';
import { checkResult } from './commands/check.js';
import { compareResult, createTopicMatcher } from './commands/compare.js';
import { parseCommand } from './commands/parse.js';
import { createNeedsRecogniser, recommendResult } from './commands/recommend.js';
import { prepareInput } from './input.js';
import type { Engine, EngineRequest, EngineResult } from './types.js';

/** Autocomplete lists on Discord hold at most 25 choices. */
const DEFAULT_SUGGESTIONS = 25;
/** fuse.js's Bitap matcher works on patterns of at most 32 characters. */
const FUSE_PATTERN_LIMIT = 32;

export function createEngine(knowledge: Knowledge): Engine {
  const context = createEngineContext(knowledge);
  const topicMatcher = createTopicMatcher(context);
  const needsRecogniser = createNeedsRecogniser(context);
  // Built on first use: only autocomplete needs it, and it is the costliest index to build.
  let questionFuse: Fuse<TopicFaqEntry> | undefined;
  const fuzzyQuestions = () =>
    (questionFuse ??= new Fuse<TopicFaqEntry>(knowledge.faq, {
      keys: [
        { name: 'question', weight: 2 },
        { name: 'phrasings', weight: 1 },
      ],
      ignoreLocation: true,
      threshold: 0.4,
    }));

  function run(request: EngineRequest, notes: string[] = []): EngineResult {
    const prepared = prepareInput(request.text ?? '');
    const allNotes = [...notes, ...prepared.notes];
    const text = prepared.text;
    switch (request.command) {
      case 'help':
        return helpResult(context, text, allNotes);
      case 'topics':
        return topicsResult(context, text, allNotes);
      case 'sources':
        return sourcesResult(context, text, allNotes);
      case 'compare':
        return compareResult(context, topicMatcher, text, text, allNotes);
      case 'recommend':
        return recommendResult(context, needsRecogniser, text, text, allNotes);
      case 'check':
        return checkResult(context, text, text, allNotes);
      case 'ask':
        if (prepared.empty) return helpResult(context, text, allNotes, 'Ask me a question about PyTorch or TensorFlow.');
        if (!text) return invalidInput(text, allNotes);
        return askResult(context, text, allNotes);
    }
  }

  function invalidInput(query: string, notes: string[]): EngineResult {
    return {
      ...emptyResult(query, notes),
      kind: 'invalid-input',
      text: 'I could not read any words in that message. Ask a question in plain text, or type `help`.',
    };
  }

  return {
    knowledge,
    run: (request) => run(request),
    respond(input) {
      const prepared = prepareInput(input);
      if (prepared.empty) return helpResult(context, '', prepared.notes, 'Ask me a question about PyTorch or TensorFlow.');
      if (!prepared.text) return invalidInput('', prepared.notes);
      const parsed = parseCommand(prepared.text);
      if (parsed) return run({ command: parsed.command, text: parsed.rest }, prepared.notes);
      const greeting = detectGreeting(prepared.text);
      if (greeting) return greetingResult(context, prepared.text, prepared.notes, greeting);
      return askResult(context, prepared.text, prepared.notes);
    },
    suggestQuestions(partial, limit = DEFAULT_SUGGESTIONS) {
      const text = prepareInput(partial).text;
      const toSuggestion = (entry: TopicFaqEntry) => ({ entryId: entry.id, question: entry.question });
      if (!text) {
        // Nothing typed yet: one question per topic shows the range.
        const firstPerTopic = knowledge.topics.flatMap((topic) => knowledge.faq.find((e) => e.topic === topic.id) ?? []);
        return firstPerTopic.slice(0, limit).map(toSuggestion);
      }
      const ids: string[] = [];
      const { terms } = context.queryTerms(text);
      for (const entry of context.search.search(terms, { kinds: ['faq'] }).ranked) ids.push(entry.id);
      // Fuzzy matching on the typed characters catches half-typed words the term search misses.
      for (const { item } of fuzzyQuestions().search(text.slice(-FUSE_PATTERN_LIMIT), { limit })) ids.push(item.id);
      return [...new Set(ids)].slice(0, limit).map((id) => toSuggestion(context.faqById.get(id)!));
    },
    suggestTopics(partial, limit = DEFAULT_SUGGESTIONS) {
      return topicMatcher.suggest(prepareInput(partial).text, limit).map(({ id, title }) => ({ id, title }));
    },
  };
}
