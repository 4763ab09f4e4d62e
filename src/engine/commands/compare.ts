// `compare <topic>`: the side-by-side table of a topic, found from loose or misspelt names.
import Fuse from 'fuse.js';
import type { Topic } from '../../knowledge/model.js';
import { emptyResult, type EngineContext } from '../context.js';
import type { EngineResult } from '../types.js';
import { topicsResult } from './catalog.js';

export interface TopicMatcher {
  /** The topic a user means by a loose name, or undefined when nothing fits. */
  match(name: string): Topic | undefined;
  /** Topics whose names fit a partial name, best first (autocomplete). */
  suggest(partial: string, limit: number): Topic[];
}

/** Minimum share of the name's information a topic must cover to count as meant. */
const MIN_TOPIC_RELEVANCE = 0.3;
/** Share of the name's words the knowledge must know (a corrected word counts half) before its meaning is searched. */
const MIN_KNOWN_SHARE = 0.75;
/** fuse.js score (0 = same spelling) up to which a name is read as a misspelt topic name. */
const MAX_SPELLING_DISTANCE = 0.3;
/** fuse.js's Bitap matcher works on patterns of at most 32 characters. */
const FUSE_PATTERN_LIMIT = 32;

export function createTopicMatcher(context: EngineContext): TopicMatcher {
  const topics = context.knowledge.topics;
  const fuse = new Fuse(topics, {
    keys: [
      { name: 'id', weight: 2 },
      { name: 'title', weight: 2 },
      { name: 'keywords', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.35,
  });
  const byExactName = new Map<string, Topic>();
  for (const topic of topics) {
    byExactName.set(topic.id, topic);
    byExactName.set(topic.title.toLowerCase(), topic);
  }

  const match = (name: string): Topic | undefined => {
    const trimmed = name.trim().toLowerCase();
    if (!trimmed) return undefined;
    const exact = byExactName.get(trimmed) ?? byExactName.get(trimmed.replace(/\s+/g, '-'));
    if (exact) return exact;
    // Search by meaning first (synonyms, stems), then by spelling for what is left.
    const { terms } = context.queryTerms(trimmed);
    const outcome = context.search.search(terms);
    // A name made mostly of words the knowledge does not use ("pizza toppings") is no topic.
    if (outcome.knownShare >= MIN_KNOWN_SHARE) {
      const bestEntry = outcome.ranked[0];
      const bestTopic = outcome.topics[0];
      if (bestEntry && bestEntry.coverage >= 0.6) return context.topicById.get(bestEntry.topic);
      if (bestTopic && bestTopic.relevance >= MIN_TOPIC_RELEVANCE) return context.topicById.get(bestTopic.topic);
    }
    if (trimmed.length > FUSE_PATTERN_LIMIT) return undefined;
    const [spelledLike] = fuse.search(trimmed, { limit: 1 });
    return spelledLike && (spelledLike.score ?? 1) <= MAX_SPELLING_DISTANCE ? spelledLike.item : undefined;
  };

  return {
    match,
    suggest(partial, limit) {
      const trimmed = partial.trim().toLowerCase();
      if (!trimmed) return topics.slice(0, limit);
      const found = fuse.search(trimmed.slice(0, FUSE_PATTERN_LIMIT), { limit }).map((r) => r.item);
      const matched = match(trimmed);
      return matched && !found.includes(matched) ? [matched, ...found].slice(0, limit) : found;
    },
  };
}

export function compareResult(
  context: EngineContext,
  matcher: TopicMatcher,
  query: string,
  topicName: string,
  notes: string[],
): EngineResult {
  if (!topicName.trim()) {
    return topicsResult(context, query, notes, 'Which topic should I compare? Pick one, e.g. `compare deployment-mobile`:');
  }
  const topic = matcher.match(topicName);
  if (!topic) {
    return topicsResult(context, query, notes, `I have no comparison for "${topicName.trim()}". These are the topics I can compare:`);
  }
  const faq = context.knowledge.faq.filter((entry) => entry.topic === topic.id);
  return {
    ...emptyResult(query, notes),
    kind: 'comparison',
    title: topic.title,
    text: topic.summary,
    topic: topic.id,
    confidence: 1,
    rows: context.knowledge.comparisons[topic.id] ?? [],
    sources: context.references.sources(faq.flatMap((entry) => entry.sources)).slice(0, 5),
    followUps: faq.slice(0, 3).map((entry) => entry.question),
  };
}
