// The engine's contract: what goes in (free text, or a request whose command a platform already
// parsed) and what comes out. Results are platform-neutral data: kinds, codes, knowledge text and
// references. Every sentence a user reads that the knowledge does not hold (a decline, a hint to
// type `help`, a verdict's label) is worded by the renderers, which know how each platform writes
// a command. Expected outcomes (no match, ambiguous, bad input) are kinds of result, never
// exceptions.
import type { ComparisonRow, Framework, Knowledge, Lean, SourceKind, Verdict } from '../knowledge/model.js';
import type { CommandName } from './commands/registry.js';
import type { ConversationState } from './conversation.js';

export type { CommandName } from './commands/registry.js';

/** The one text a command takes, as every platform asks for it. */
export interface ArgumentSpec {
  /** What the text is, in one lower-case word: Discord's option name and the `<placeholder>` of help. */
  readonly name: string;
  /** What to write, in a few words (at most 100 characters: Discord's limit for descriptions). */
  readonly description: string;
  /** A value that shows how it is used, e.g. "mobile deployment". */
  readonly example: string;
  readonly maxLength: number;
  /** What to offer while the text is typed, where the platform has autocomplete. */
  readonly suggests?: 'questions' | 'topics';
}

/** One command as users see it on every platform: help, Discord's subcommands and the Slack manifest derive from these. */
export interface CommandSpec<Name extends string = string> {
  readonly name: Name;
  /** Other words that run the command when typed first ("verify", "fact-check"). */
  readonly aliases: readonly string[];
  /** What the command does (at most 100 characters: Discord's limit). */
  readonly description: string;
  /** Absent for a command that takes no text: then "help me choose..." is a question, not `help`. */
  readonly argument?: ArgumentSpec;
}

/** A structured request, as Discord subcommands and buttons deliver it; free text goes through `respond`. */
export interface EngineRequest {
  command: CommandName;
  /** The question, topic, needs or statement; ignored by commands that take no text. */
  text?: string;
  /**
   * `ask` only: the FAQ entry or claim the user picked (a follow-up or closest-question button).
   * It is answered directly; `text` is asked instead when the knowledge no longer has the entry.
   */
  entryId?: string;
}

/** A question the user could ask next, and the entry that answers it: what every follow-up button carries. */
export interface FollowUp {
  entryId: string;
  question: string;
}

/** Something the user should know about how their input was read. */
export type InputNote =
  | { code: 'input-cut'; keptCharacters: number }
  /** A short follow-up ("and for mobile?") was read together with the previous question, as `question`. */
  | { code: 'read-as-follow-up'; question: string };

export interface SourceRef {
  id: string;
  title: string;
  url: string | undefined;
  kind: SourceKind;
}

export interface ClaimRef {
  id: string;
  topic: string;
  /** What the seed article(s) said, in our words. */
  claim: string;
  verdict: Verdict;
  /** What is true now. */
  now: string;
  unconfirmed: string | undefined;
  checked: string;
  /** The seed articles that made the claim. */
  articles: SourceRef[];
  sources: SourceRef[];
}

/** A scored search hit; `score` is the engine's confidence that it answers the query (0..1). */
export interface Candidate extends FollowUp {
  kind: 'faq' | 'claim';
  topic: string;
  score: number;
}

export interface RecommendationNeed {
  criterionId: string;
  need: string;
  leans: Lean;
  weight: number;
  why: string;
  topic: string;
  claims: ClaimRef[];
}

/** The fields every result has. */
export interface ResultBase {
  /** The text the user sent, after generic cleanup (links, emoji, control characters). */
  query: string;
  /**
   * The knowledge's own text that the result rests on: an answer, what a claim says now, a
   * topic's summary; '' when there is none. Everything else is worded by the renderers.
   */
  text: string;
  topic: string | null;
  confidence: number;
  entryId: string | null;
  claims: ClaimRef[];
  sources: SourceRef[];
  /** Two or three questions the user could ask next. */
  followUps: FollowUp[];
  candidates: Candidate[];
  notes: InputNote[];
  /**
   * The day (YYYY-MM-DD) the facts in this result were last checked against their sources: the
   * entry's or the release registry's `checked`. Renderers show it as "as of <date>"; null when
   * the result states no checked facts (help, topics, no match) or the entry has no date yet.
   */
  asOf: string | null;
  /**
   * The state to send with the next message of this conversation (see conversation.ts); absent
   * when the result gives nothing to follow up on (help, topics...).
   */
  conversation?: ConversationState;
}

/** 👍 and 👎 counts for one entry (null: answers that had no entry, such as a comparison). */
export interface EntryVotes {
  entryId: string | null;
  up: number;
  down: number;
}

/** Answers served from one entry or claim past its review date. */
export interface StaleServed {
  entryId: string;
  count: number;
}

/** Declined or partial questions grouped by similarity (see curation/clusters.ts). */
export interface UnansweredCluster {
  /** What `npm run curate resolve` takes. */
  id: string;
  text: string;
  count: number;
  /** Other wordings of the same question. */
  variants: string[];
  /** The ids of the questions in the cluster. */
  questionIds: string[];
  partial: number;
  declined: number;
}

/** A 👎 with a reason or the question's text, not yet resolved. */
export interface DownVote {
  id: string;
  at: number;
  platform: string;
  entryId: string | null;
  topic: string | null;
  reason: string | null;
  text: string | null;
}

/** A reader's dispute of one claim, and how curators resolved it. */
export interface Dispute {
  id: string;
  at: number;
  platform: string;
  claimId: string;
  entryId: string | null;
  reason: string;
  sourceUrl: string | null;
  status: 'open' | 'resolved';
  resolvedAt: number | null;
  resolution: string | null;
}

/**
 * What curators see with `stats`: questions, outcomes, votes, unanswered questions grouped by
 * similarity, open disputes. The engine has no store: it answers `stats` with access 'refused'
 * and no summary, and the app layer, which knows who asks and reads the store, fills it in.
 * The store and `npm run stats` use these same types.
 */
export interface CurationSummary {
  days: number;
  /** The start of the period (ISO 8601). */
  since: string;
  questions: number;
  answered: number;
  partial: number;
  declined: number;
  /** Shares of `questions`, 0..1 (0 when there were none). */
  rates: { answered: number; partial: number; declined: number };
  votes: { up: number; down: number; byEntry: EntryVotes[] };
  /** The top unanswered questions, grouped by similarity. */
  unanswered: UnansweredCluster[];
  /** 👎 votes with a reason or a question, not yet resolved. */
  downVotes: DownVote[];
  disputes: { open: number; items: Dispute[] };
  /** Answers served from FAQ entries or claims past their review date. */
  stale: { served: number; byEntry: StaleServed[] };
}

export type EngineResult =
  /**
   * `detail` when a follow-up asked for more of the previous answer: every claim in full, with why
   * it holds or when it was last checked.
   */
  | (ResultBase & { kind: 'answer'; question: string; detail?: 'more' | 'why' | 'still-true' })
  /** The area is covered, but no entry answers the exact question: `followUps` are the closest ones. */
  | (ResultBase & { kind: 'partial' })
  /** Not written in English: `followUps` holds the best match only when the engine is sure of it. */
  | (ResultBase & { kind: 'other-language' })
  /** The question fits two topics about equally: `followUps` are the choices. */
  | (ResultBase & {
      kind: 'no-match';
      /** no-question: no searchable word; out-of-scope: nothing close enough; unknown-entry: a picked entry is gone. */
      reason: 'no-question' | 'out-of-scope' | 'unknown-entry';
      /** A few topic titles that show what the bot does know. */
      topicTitles: string[];
    })
  | (ResultBase & { kind: 'greeting'; greeting: 'hello' | 'thanks' })
  | (ResultBase & { kind: 'invalid-input' })
  | (ResultBase & { kind: 'help'; reason: 'asked' | 'empty-input'; commands: readonly CommandSpec[] })
  | (ResultBase & {
      kind: 'topics';
      /** Why the list is shown: asked for, or `compare` without a topic or with one it does not know. */
      reason: 'asked' | 'compare-without-topic' | 'compare-unknown-topic';
      /** The name `compare` did not recognise (compare-unknown-topic), else null. */
      requestedTopic: string | null;
      topics: { id: string; title: string; summary: string }[];
    })
  | (ResultBase & { kind: 'sources'; sourceList: SourceRef[] })
  | (ResultBase & {
      kind: 'stats';
      /**
       * granted: `summary` is set; refused: the asker is not an admin; unavailable: the store cannot
       * be read now; ask-privately: an admin asked where others would see it.
       */
      access: 'granted' | 'refused' | 'unavailable' | 'ask-privately';
      summary: CurationSummary | null;
    })
  | (ResultBase & { kind: 'comparison'; title: string; rows: ComparisonRow[] })
  | (ResultBase & {
      kind: 'recommendation';
      /** recommended: needs were recognised (then `lean` is set); otherwise none were given or recognised. */
      reason: 'recommended' | 'no-needs-given' | 'no-need-recognised';
      lean: Lean | null;
      needs: RecommendationNeed[];
      /** Weight of the recognised needs that lean each way. */
      points: Record<Framework, number>;
      /** Needs the knowledge recognises, for the prompt when none was recognised. */
      exampleNeeds: string[];
    })
  | (ResultBase & {
      kind: 'claim-check';
      /** checked: `claims` are the closest recorded claims, the first one the verdict. */
      reason: 'checked' | 'no-statement' | 'no-close-claim';
      statement: string;
    });

export type ResultOf<K extends EngineResult['kind']> = Extract<EngineResult, { kind: K }>;

export interface Engine {
  readonly knowledge: Knowledge;
  /**
   * Free text as a user types it: "compare tpu", "help", or just a question. With the state of a
   * conversation (the previous result's `conversation`), a follow-up such as "and for mobile?" or
   * "why?" is read against the previous question.
   */
  respond(input: string, conversation?: ConversationState): EngineResult;
  /** A command whose name the platform already parsed (Discord subcommands, buttons). */
  run(request: EngineRequest): EngineResult;
  /** FAQ questions matching what the user has typed so far (Discord autocomplete). */
  suggestQuestions(partial: string, limit?: number): FollowUp[];
  /** Topics matching a partial name (compare autocomplete). */
  suggestTopics(partial: string, limit?: number): { id: string; title: string }[];
}
