// What the engine returns: platform-neutral values that every renderer (text, Slack, Discord)
// turns into its own format. Expected outcomes (no match, ambiguous, bad input) are kinds of
// result, never exceptions.
import type { Knowledge } from '../knowledge/model.js';
import type { ComparisonRow, Lean, SourceKind, Verdict } from '../knowledge/schema.js';

export const COMMANDS = ['ask', 'compare', 'recommend', 'check', 'topics', 'sources', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** A structured request, as Discord subcommands deliver it; free text goes through `respond`. */
export interface EngineRequest {
  command: CommandName;
  /** The question, topic, needs or statement; ignored by topics, sources and help. */
  text?: string;
}

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
export interface Candidate {
  entryId: string;
  kind: 'faq' | 'claim';
  topic: string;
  /** The FAQ question, or the claim text. */
  question: string;
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

interface ResultBase {
  /** The text the user sent, after the platform noise was stripped. */
  query: string;
  /** The main message, as plain text (renderers add structure around it). */
  text: string;
  topic: string | null;
  confidence: number;
  entryId: string | null;
  claims: ClaimRef[];
  sources: SourceRef[];
  /** Two or three questions the user could ask next. */
  followUps: string[];
  candidates: Candidate[];
  /** Things the user should know about how their input was read (e.g. it was cut). */
  notes: string[];
  /**
   * The day (YYYY-MM-DD) the facts in this result were last checked against their sources: the
   * entry's or the release registry's `checked`. Renderers show it as "as of <date>"; null when
   * the result states no checked facts (help, topics, no match) or the entry has no date yet.
   */
  asOf: string | null;
}

export type EngineResult =
  | (ResultBase & { kind: 'answer'; question: string })
  | (ResultBase & { kind: 'ambiguous' })
  | (ResultBase & { kind: 'no-match' })
  | (ResultBase & { kind: 'greeting' })
  | (ResultBase & { kind: 'invalid-input' })
  | (ResultBase & { kind: 'help'; commands: { usage: string; description: string }[] })
  | (ResultBase & { kind: 'topics'; topics: { id: string; title: string; summary: string }[] })
  | (ResultBase & { kind: 'sources'; sourceList: SourceRef[] })
  | (ResultBase & { kind: 'comparison'; title: string; rows: ComparisonRow[] })
  | (ResultBase & { kind: 'recommendation'; lean: Lean | null; needs: RecommendationNeed[] })
  | (ResultBase & { kind: 'claim-check'; statement: string });

export interface Engine {
  readonly knowledge: Knowledge;
  /** Free text as a user types it: "compare tpu", "help", or just a question. */
  respond(input: string): EngineResult;
  /** A command whose name the platform already parsed (Discord subcommands, Slack subcommands). */
  run(request: EngineRequest): EngineResult;
  /** FAQ questions matching what the user has typed so far (Discord autocomplete). */
  suggestQuestions(partial: string, limit?: number): { entryId: string; question: string }[];
  /** Topics matching a partial name (compare autocomplete). */
  suggestTopics(partial: string, limit?: number): { id: string; title: string }[];
}
