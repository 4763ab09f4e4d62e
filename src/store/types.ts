// The storage port: what the bot keeps between messages and between restarts, and what several
// replicas share. Two implementations sit behind it, SQLite in a file (the default, nothing to set
// up) and PostgreSQL (when DATABASE_URL is set), over one set of typed queries (kysely-store.ts).
//
// Three groups of things live here:
// - curation records: questions, votes and review items (disputes), what `npm run stats`,
//   `npm run curate` and the admins' summary read. Person and channel ids arrive raw and are
//   stored only as keyed hashes (`hashId`); text arrives only where it may be kept.
// - shared state for replicas: keys claimed once with an expiry (event dedupe, replay
//   protection, cooldowns) and per-conversation state with an expiry.
// - housekeeping: retention, forgetting a person, expiry.
//
// Every method may reject when the database is unreachable, locked, full or corrupt: callers on
// the answering path decide what to do without it (see src/curation/recorder.ts for records).
// Times are milliseconds since the epoch, from the store's clock (injectable for tests).
import type { Dispute, DownVote, EntryVotes, StaleServed } from '../engine/index.js';

// What the store reads back for curators is what the engine's `stats` result carries.
export type { Dispute, DownVote, EntryVotes, StaleServed };

export type StoreDialect = 'sqlite' | 'postgres';

/** How a question ended: the engine's result kinds fold into these three (see outcomeOf). */
export type Outcome = 'answered' | 'partial' | 'declined';

export type VoteDirection = 'up' | 'down';

/** One question or command the bot answered (or declined). */
export interface QuestionRecord {
  /** Made by the caller, so a record written late (after an outage) or twice is still one record. */
  id: string;
  at: number;
  platform: string;
  /** The person and the channel, raw: the store keeps only their keyed hashes. */
  userId: string;
  channelId: string;
  /** The command that ran: ask, compare, recommend, check, help, topics, sources, greeting... */
  command: string;
  /** The engine's result kind (answer, partial, no-match, ...). */
  kind: string;
  outcome: Outcome;
  entryId: string | null;
  topic: string | null;
  confidence: number;
  /** The answer came from an FAQ entry or claim past its review date. */
  stale: boolean;
  /** The question's text: only for declined and partial outcomes, and only when text is kept at all. */
  text: string | null;
}

/** A 👍 or 👎 on an answer. One per person per answer: a second click replaces the first. */
export interface VoteRecord {
  id: string;
  at: number;
  platform: string;
  userId: string;
  /** The QuestionRecord id of the answer voted on, when the button carried it. */
  answerId: string | null;
  entryId: string | null;
  topic: string | null;
  kind: string;
  vote: VoteDirection;
  /** Why it fell short (👎 only, optional). */
  reason: string | null;
  /** The question's text (👎 only, when known and when text is kept). */
  text: string | null;
}

/** A reader's dispute of one claim: a review item until a curator resolves it. */
export interface DisputeRecord {
  /** The id the disputer is told, e.g. D-7K2M9QXA. */
  id: string;
  at: number;
  platform: string;
  userId: string;
  claimId: string;
  /** The answer the claim was shown with, when known. */
  entryId: string | null;
  reason: string;
  sourceUrl: string | null;
}

/** What the recorder writes, in batches: each kind is idempotent by its id. */
export type CurationRecord =
  | ({ type: 'question' } & QuestionRecord)
  | ({ type: 'vote' } & VoteRecord)
  | ({ type: 'dispute' } & DisputeRecord);

export interface OutcomeCounts {
  questions: number;
  answered: number;
  partial: number;
  declined: number;
}

/** A declined or partial question whose text was kept, not yet resolved by a curator. */
export interface UnansweredQuestion {
  id: string;
  at: number;
  text: string;
  outcome: Outcome;
}

/** Which kind of record `resolve` closed. */
export type ResolvedKind = 'dispute' | 'vote';

export interface CurationStore {
  /** Writes a batch in one transaction; a record already written (same id) is left as it is. */
  write(records: readonly CurationRecord[]): Promise<void>;
  /** Outcome counts of the questions asked since `since`. */
  outcomes(since: number): Promise<OutcomeCounts>;
  /** 👍 and 👎 per entry since `since`, most votes first. */
  votesByEntry(since: number): Promise<EntryVotes[]>;
  /** Answers served since `since` from entries past their review date, per entry, most first. */
  staleServed(since: number): Promise<StaleServed[]>;
  /** Unresolved declined and partial questions with text since `since`, newest first, at most `limit`. */
  unanswered(since: number, limit: number): Promise<UnansweredQuestion[]>;
  /** Unresolved 👎 votes with a reason or text since `since`, newest first, at most `limit`. */
  downVotes(since: number, limit: number): Promise<DownVote[]>;
  /** Open disputes, oldest first, at most `limit`. */
  openDisputes(limit: number): Promise<Dispute[]>;
  countOpenDisputes(): Promise<number>;
  dispute(id: string): Promise<Dispute | undefined>;
  /** Closes a dispute or a 👎 with a note; undefined when no open item has that id. */
  resolve(id: string, note: string): Promise<ResolvedKind | undefined>;
  /** Marks these unanswered questions as dealt with (a curator resolved their cluster). */
  resolveQuestions(ids: readonly string[], note: string): Promise<number>;
}

/**
 * Keys claimed for a while, shared by every replica. `claim` is the atomic "do this once": of
 * any number of concurrent callers, on any replica, exactly one gets true until the key expires.
 * Uses: Slack event ids (dedupe for the retry window, with no count limit), signatures of
 * requests already served (replay protection), cooldowns (a user and a channel at once).
 * Prefix keys with what they are for (`slack-event:Ev123`), so uses never collide.
 */
export interface Claims {
  /**
   * True when the key was free (never claimed, or expired) and is now held for `ttlMs`.
   * `holder` (a token unique to one decision, default a new one) makes the claim safe to repeat:
   * the same holder claiming again gets true, so a call whose answer was lost (a timeout, a
   * dropped connection) can be retried without ever granting the key to two holders.
   */
  claim(key: string, ttlMs: number, holder?: string): Promise<boolean>;
  /**
   * All or nothing: true when none of the keys is held (by another holder), and then every one
   * is held for `ttlMs`; false (and nothing changes) when any is. For a cooldown on a user and a
   * channel together. `holder` as for `claim`.
   */
  claimAll(keys: readonly string[], ttlMs: number, holder?: string): Promise<boolean>;
  /** Frees a key before it expires (work that failed and may be retried). */
  release(key: string): Promise<void>;
  /** Whether the key is held now (for tests and diagnostics; decide with `claim`, never with this). */
  isHeld(key: string): Promise<boolean>;
}

/**
 * Per-conversation state as JSON with an expiry, e.g. the engine's ConversationState keyed by
 * `slack:C123:1712345678.000100`. Values must survive JSON.stringify/parse.
 */
export interface ConversationStates {
  get(key: string): Promise<unknown>;
  /** Stores the state; it is forgotten `ttlMs` after this write. */
  set(key: string, state: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface PurgeCounts {
  questions: number;
  votes: number;
  disputes: number;
}

export interface Store {
  readonly dialect: StoreDialect;
  /** Where the data lives, for logs: the file, or the database URL without its password. */
  readonly location: string;
  readonly curation: CurationStore;
  readonly claims: Claims;
  readonly conversations: ConversationStates;
  /** The keyed hash under which a person's or a channel's id is stored (stable per database). */
  hashId(platform: string, id: string): string;
  /** Deletes curation records older than `before` (resolved disputes included; open ones stay). */
  purgeOlderThan(before: number): Promise<PurgeCounts>;
  /** Deletes expired claims and conversations; returns how many rows went. */
  purgeExpired(): Promise<number>;
  /** Deletes everything recorded about one person on one platform. */
  forgetUser(platform: string, userId: string): Promise<PurgeCounts>;
  /** A cheap round trip: resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
