// Where adapters keep the state of a conversation between messages, so that a follow-up ("and
// for mobile?", "why?") in a Slack thread, a DM or a Discord reply chain is read against the
// previous question. The engine is pure: it takes the state in and hands the next one back;
// adapters keep it here, keyed by where the conversation happens. Slack limits reading thread
// history for many apps, so the bot remembers what it needs itself, bounded and expiring.
// The in-memory implementation serves one process; a store-backed one shares it between replicas.
import { LRUCache } from 'lru-cache';
import type { ConversationState } from '../engine/index.js';

export interface ConversationMemory {
  /** The state of the conversation at `key`, or undefined when there is none or it expired. */
  get(key: string): Promise<ConversationState | undefined>;
  set(key: string, state: ConversationState): Promise<void>;
}

export interface InMemoryConversationOptions {
  /** At most this many conversations are remembered; the least recently used is forgotten first. */
  max?: number;
  /** A conversation is forgotten this long after its last message. */
  ttlMs?: number;
  /** Milliseconds; injected so tests control time. */
  now?: () => number;
}

/** Conversations older than this are over: a message an hour later is a new question. */
export const CONVERSATION_TTL_MS = 60 * 60 * 1000;
const MAX_CONVERSATIONS = 10_000;

export function createInMemoryConversations({
  max = MAX_CONVERSATIONS,
  ttlMs = CONVERSATION_TTL_MS,
  now,
}: InMemoryConversationOptions = {}): ConversationMemory {
  const states = new LRUCache<string, ConversationState>({
    max,
    ttl: ttlMs,
    ttlResolution: 0,
    updateAgeOnGet: false,
    ...(now !== undefined ? { perf: { now } } : {}),
  });
  return {
    get: async (key) => states.get(key),
    set: async (key, state) => {
      states.set(key, state);
    },
  };
}

/** Keys for the places a conversation happens, one format for every adapter. */
export const conversationKey = {
  /** A Slack thread (its root message's ts) or, outside a thread, a DM channel. */
  slack: (channel: string, threadTs: string | undefined) => `slack:${channel}:${threadTs ?? '-'}`,
  /** A Discord reply chain, by the bot message being replied to, or a DM channel. */
  discordMessage: (messageId: string) => `discord:message:${messageId}`,
  discordDm: (channelId: string) => `discord:dm:${channelId}`,
};
