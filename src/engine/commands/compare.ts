// `compare <topic>`: the side-by-side table of a topic, found from loose or misspelt names.
import Fuse from 'fuse.js';
import type { Topic } from '../../knowledge/model.js';
import { emptyResult, followUpOf, type SearchContext } from '../context.js';
import { FUSE_PATTERN_LIMIT } from '../text/normalize.js';
import { topicsResult } from './catalog.js';
import type { CommandHandler } from './registry.js';

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
const MAX_SOURCES = 5;
const MAX_FOLLOW_UPS = 3;

export function createTopicMatcher(context: SearchContext): TopicMatcher {
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

export const compareCommand: CommandHandler = (context, { text: topicName, notes }) => {
  if (!topicName.trim()) return topicsResult(context, topicName, notes, 'compare-without-topic');
  const topic = context.topicMatcher.match(topicName);
  if (!topic) return topicsResult(context, topicName, notes, 'compare-unknown-topic', topicName.trim());
  const faq = context.faqByTopic.get(topic.id) ?? [];
  return {
    ...emptyResult(topicName, notes),
    kind: 'comparison',
    title: topic.title,
    text: topic.summary,
    topic: topic.id,
    confidence: 1,
    rows: context.knowledge.comparisons[topic.id] ?? [],
    sources: context.references.sources(faq.flatMap((entry) => entry.sources)).slice(0, MAX_SOURCES),
    followUps: faq.slice(0, MAX_FOLLOW_UPS).map(followUpOf),
  };
};
