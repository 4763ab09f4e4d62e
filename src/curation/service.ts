// What the adapters call around an answer: record it, record a vote or a dispute, and, for
// admins, read the summary. Recording never waits and never throws (see recorder.ts); adapters
// stay thin: they acknowledge, call one method here, and reply.
import { LRUCache } from 'lru-cache';
import type { CurationSummary, EngineResult } from '../engine/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { DEFAULT_ENTRY_REVIEW_DAYS } from '../knowledge/stale.js';
import type { Store } from '../store/index.js';
import { ANSWER_ID, newAnswerId, newDisputeId, newVoteId } from './ids.js';
import { commandOf, outcomeOf } from './outcome.js';
import type { Recorder } from './recorder.js';
import { summarize } from './stats.js';

export type Platform = 'slack' | 'discord';

/** Who did something, and where: raw ids, which the store keeps only as hashes. */
export interface Actor {
  userId: string;
  channelId: string;
}

export interface VoteInput {
  /** The answer voted on, from the button; null for a button that did not carry one. */
  answerId: string | null;
  entryId: string | null;
  topic: string | null;
  kind: string;
  vote: 'up' | 'down';
  /** Why (👎 only), from the reason form. */
  reason?: string | null;
}

export interface DisputeInput {
  claimId: string;
  entryId: string | null;
  reason: string;
  sourceUrl: string | null;
}

export interface CurationService {
  /** Records a question and its outcome; returns the answer's id, which its buttons carry (undefined when nothing is recorded). */
  answered(platform: Platform, asker: Actor, result: EngineResult, command?: string): string | undefined;
  voted(platform: Platform, voter: Actor, vote: VoteInput): void;
  /** Records a dispute; returns the id the disputer is told. */
  disputed(platform: Platform, disputer: Actor, dispute: DisputeInput): string;
  isAdmin(platform: Platform, userId: string): boolean;
  /** The summary of the last `days` days, or undefined while the store is unavailable. */
  summary(days?: number): Promise<CurationSummary | undefined>;
}

/** Records nothing, refuses the summary: for adapters started without a store (tests). */
export const NO_CURATION: CurationService = {
  answered: () => undefined,
  voted: () => undefined,
  disputed: () => newDisputeId(),
  isAdmin: () => false,
  summary: async () => undefined,
};

export interface CurationServiceOptions {
  recorder: Recorder;
  store: () => Store | undefined;
  /** The knowledge being served, to tell answers from entries past their review date. */
  knowledge: () => Knowledge;
  admins: Readonly<Record<Platform, readonly string[]>>;
  /** STORE_QUESTION_TEXT: keep the text of declined and partial questions and of 👎 votes. */
  keepQuestionText: boolean;
  now?: () => number;
}

/** Characters of a question's text kept at most. */
const MAX_TEXT = 500;
const MAX_REASON = 1_000;
/** Questions remembered in memory for a later 👎 (their text is stored only if one comes). */
const RECENT_ANSWERS = 5_000;
const RECENT_ANSWER_MS = 24 * 60 * 60 * 1000;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Entries and claims past their review date (checked + review_days, as `kb:stale` counts them),
 * per knowledge and day. Only the dates are compared: the full staleness report also looks for
 * contradictions, which takes seconds, far too long for the answering path.
 */
function pastReviewIds(): (knowledge: Knowledge, today: string) => ReadonlySet<string> {
  const cache = new WeakMap<Knowledge, { today: string; ids: ReadonlySet<string> }>();
  return (knowledge, today) => {
    const cached = cache.get(knowledge);
    if (cached?.today === today) return cached.ids;
    const now = Date.parse(`${today}T00:00:00Z`);
    const ids = new Set<string>();
    for (const entry of [...knowledge.faq, ...knowledge.claims]) {
      const due = Date.parse(`${entry.checked}T00:00:00Z`) + (entry.review_days ?? DEFAULT_ENTRY_REVIEW_DAYS) * DAY_MS;
      if (due <= now) ids.add(entry.id);
    }
    cache.set(knowledge, { today, ids });
    return ids;
  };
}

export function createCurationService({
  recorder,
  store,
  knowledge,
  admins,
  keepQuestionText,
  now = Date.now,
}: CurationServiceOptions): CurationService {
  const recentQuestions = new LRUCache<string, string>({ max: RECENT_ANSWERS, ttl: RECENT_ANSWER_MS });
  const pastReview = pastReviewIds();
  const adminSets = { slack: new Set(admins.slack), discord: new Set(admins.discord) };

  return {
    answered(platform, asker, result, command) {
      const id = newAnswerId();
      const at = now();
      const outcome = outcomeOf(result);
      const text = cut(result.query.trim(), MAX_TEXT);
      const keepText = keepQuestionText && outcome !== 'answered' && text !== '';
      if (keepQuestionText && text !== '') recentQuestions.set(id, text);
      let stale = false;
      if (result.entryId !== null) {
        try {
          stale = pastReview(knowledge(), new Date(at).toISOString().slice(0, 10)).has(result.entryId);
        } catch {
          // Staleness is a detail of the record; never a reason to lose it.
        }
      }
      recorder.record({
        type: 'question',
        id,
        at,
        platform,
        userId: asker.userId,
        channelId: asker.channelId,
        command: commandOf(result, command),
        kind: result.kind,
        outcome,
        entryId: result.entryId,
        topic: result.topic,
        confidence: Math.round(result.confidence * 1000) / 1000,
        stale,
        text: keepText ? text : null,
      });
      return id;
    },

    voted(platform, voter, vote) {
      const answerId = vote.answerId !== null && ANSWER_ID.test(vote.answerId) ? vote.answerId : null;
      const down = vote.vote === 'down';
      const reason = down && vote.reason ? cut(vote.reason.trim(), MAX_REASON) || null : null;
      const text = down && keepQuestionText && answerId !== null ? (recentQuestions.get(answerId) ?? null) : null;
      recorder.record({
        type: 'vote',
        id: newVoteId(),
        at: now(),
        platform,
        userId: voter.userId,
        answerId,
        entryId: vote.entryId,
        topic: vote.topic,
        kind: vote.kind,
        vote: vote.vote,
        reason,
        text,
      });
    },

    disputed(platform, disputer, dispute) {
      const id = newDisputeId();
      recorder.record({
        type: 'dispute',
        id,
        at: now(),
        platform,
        userId: disputer.userId,
        claimId: dispute.claimId,
        entryId: dispute.entryId,
        reason: cut(dispute.reason.trim(), MAX_REASON),
        sourceUrl: dispute.sourceUrl,
      });
      return id;
    },

    isAdmin: (platform, userId) => adminSets[platform].has(userId),

    async summary(days = 30) {
      const current = store();
      if (!current) return undefined;
      // What is still buffered belongs in the summary too.
      await recorder.flush();
      try {
        return await summarize(current, { days, now: now() });
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The `stats` result for this asker: the summary for an admin asking privately, a polite
 * refusal for everyone else. Other results pass through unchanged.
 */
export async function withStats(
  curation: CurationService,
  platform: Platform,
  result: EngineResult,
  asker: Actor | undefined,
  isPrivate: boolean,
): Promise<EngineResult> {
  if (result.kind !== 'stats' || asker === undefined || !curation.isAdmin(platform, asker.userId)) return result;
  if (!isPrivate) return { ...result, access: 'ask-privately', summary: null };
  const summary = await curation.summary();
  return { ...result, access: summary ? 'granted' : 'unavailable', summary: summary ?? null };
}

/** A source URL as a dispute may carry it: http(s) only, or null. */
export function sourceUrlOf(raw: string | null | undefined): string | null | 'invalid' {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? cut(url.toString(), 1_000) : 'invalid';
  } catch {
    return 'invalid';
  }
}
