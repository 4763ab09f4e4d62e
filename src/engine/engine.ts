// The answer engine: pure functions over loaded knowledge. No I/O, no environment, no platform
// SDK: every adapter (Slack, Discord, terminal) gets the same answer to the same question.
// Commands are dispatched through the command table.
import Fuse from 'fuse.js';
import type { Knowledge, TopicFaqEntry } from '../knowledge/model.js';
import { askInConversation, invalidInput } from './commands/ask.js';
import { helpResult } from './commands/catalog.js';
import { asksAboutTheBot, detectGreeting, greetingResult } from './commands/greeting.js';
import { parseCommand } from './commands/parse.js';
import { COMMANDS, handlerOf } from './commands/registry.js';
import { createEngineContext, followUpOf, type PrebuiltIndex } from './context.js';
import { prepareInput } from './input.js';
import { FUSE_PATTERN_LIMIT } from './text/normalize.js';
import type { Engine, EngineRequest, EngineResult, InputNote } from './types.js';

/** Autocomplete lists on Discord hold at most 25 choices. */
const DEFAULT_SUGGESTIONS = 25;

/** `prebuilt`: what an earlier build over the same knowledge computed (see PrebuiltIndex); it changes no answer. */
export function createEngine(knowledge: Knowledge, { prebuilt }: { prebuilt?: PrebuiltIndex } = {}): Engine {
  const context = createEngineContext(knowledge, COMMANDS, prebuilt);
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

  /** `notes` say what was done to the whole message before its command word was read. */
  function run(request: EngineRequest, notes: InputNote[] = []): EngineResult {
    const prepared = prepareInput(request.text ?? '');
    return handlerOf(request.command)(context, {
      text: prepared.text,
      blank: prepared.blank,
      notes: [...notes, ...prepared.notes],
      ...(request.entryId !== undefined ? { entryId: request.entryId } : {}),
    });
  }

  return {
    knowledge,
    run: (request) => run(request),
    respond(input, conversation) {
      const prepared = prepareInput(input);
      if (prepared.blank) return helpResult(context, '', prepared.notes, 'empty-input');
      if (!prepared.text) return invalidInput('', prepared.notes);
      const parsed = parseCommand(prepared.text);
      if (parsed) return run({ command: parsed.command, text: parsed.rest }, prepared.notes);
      const greeting = detectGreeting(prepared.text);
      if (greeting) return greetingResult(context, prepared.text, prepared.notes, greeting);
      if (asksAboutTheBot(prepared.text)) return helpResult(context, prepared.text, prepared.notes, 'asked');
      return askInConversation(context, prepared.text, prepared.notes, conversation);
    },
    suggestQuestions(partial, limit = DEFAULT_SUGGESTIONS) {
      const text = prepareInput(partial).text;
      if (!text) {
        // Nothing typed yet: one question per topic shows the range.
        const firstPerTopic = knowledge.topics.flatMap((topic) => context.faqByTopic.get(topic.id)?.slice(0, 1) ?? []);
        return firstPerTopic.slice(0, limit).map(followUpOf);
      }
      const ids: string[] = [];
      const { terms } = context.queryTerms(text);
      for (const entry of context.search.search(terms, { kinds: ['faq'] }).ranked) ids.push(entry.id);
      // Fuzzy matching on the typed characters catches half-typed words the term search misses.
      for (const { item } of fuzzyQuestions().search(text.slice(-FUSE_PATTERN_LIMIT), { limit })) ids.push(item.id);
      return [...new Set(ids)].slice(0, limit).map((id) => followUpOf(context.faqById.get(id)!));
    },
    suggestTopics(partial, limit = DEFAULT_SUGGESTIONS) {
      return context.topicMatcher.suggest(prepareInput(partial).text, limit).map(({ id, title }) => ({ id, title }));
    },
  };
}
