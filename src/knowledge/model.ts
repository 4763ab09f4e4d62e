// The knowledge as the engine sees it once every file is loaded, validated and cross-linked,
// and the fixed vocabularies (frameworks, verdicts, leans, source kinds) the schema checks
// against. Pure data: the engine and the renderers import this module, never the loader or the
// schema, so they load no validation library at run time (the schema's types are erased).
import type { Claim, ComparisonRow, Criterion, FaqEntry, ReleaseProject, Scope, Source, SynonymGroup } from './schema.js';

export type { Claim, ComparisonRow, Criterion, FaqEntry, ReleaseProject, Scope, Source, SynonymGroup } from './schema.js';

export const FRAMEWORKS = ['pytorch', 'tensorflow'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const SOURCE_KINDS = [
  'article',
  'official-docs',
  'release-notes',
  'repository',
  'official-blog',
  'paper',
  'survey',
  'package-index',
  'secondary',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const VERDICTS = ['accurate', 'partly-true', 'outdated', 'unverified', 'opinion', 'anecdote'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** Verdicts that assert something checkable, and so must cite at least one non-article source. */
export const CHECKABLE_VERDICTS: readonly Verdict[] = ['accurate', 'partly-true', 'outdated'];

/** Which way a recommendation criterion leans: one framework, or neither. */
export const LEANS = [...FRAMEWORKS, 'either'] as const;
export type Lean = (typeof LEANS)[number];

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
