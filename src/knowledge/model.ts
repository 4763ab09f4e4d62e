// The knowledge as the engine sees it once every file is loaded, validated and cross-linked.
// Pure data: the engine imports this module and schema.ts, never the loader.
import type { Claim, ComparisonRow, Criterion, FaqEntry, ReleaseProject, Scope, Source, SynonymGroup } from './schema.js';

export interface Topic {
  id: string;
  title: string;
  covers: string;
  summary: string;
  keywords: string[];
}

export type TopicFaqEntry = FaqEntry & { topic: string };
export type TopicClaim = Claim & { topic: string };

export interface Knowledge {
  /** In display order (knowledge/index.yaml). */
  topics: Topic[];
  faq: TopicFaqEntry[];
  claims: TopicClaim[];
  comparisons: Record<string, ComparisonRow[]>;
  sources: Record<string, Source>;
  criteria: Criterion[];
  synonyms: SynonymGroup[];
  /** What makes a question one for this bot (knowledge/scope.yaml). */
  scope: Scope;
  /** Tracked projects' latest releases and statuses (knowledge/releases.yaml); empty without the file. */
  releases: ReleaseProject[];
}
