// The shape of the files in knowledge/. Every type the rest of the code uses for knowledge is
// derived from these schemas, so a field added here is checked on load and typed everywhere.
import { z } from 'zod';
import { LEANS, SOURCE_KINDS, VERDICTS } from './model.js';

export { CHECKABLE_VERDICTS, FRAMEWORKS, LEANS, SOURCE_KINDS, VERDICTS } from './model.js';
export type { Framework, Lean, SourceKind, Verdict } from './model.js';

/** Lower-case words joined by single hyphens: stable ids that survive in URLs and button values. */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (like "tpu-support")');

const text = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1, 'must not be empty'));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' });

/** ISO calendar date, kept as a string (YAML would otherwise be free to read it differently). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real calendar date');

export const sourceSchema = z
  .strictObject({
    id,
    title: text,
    url: httpUrl.optional(),
    kind: z.enum(SOURCE_KINDS),
    /** For the four seed articles: the file in the seed set the article came from. */
    seed: z.string().optional(),
    author: z.string().optional(),
  })
  .refine((source) => source.kind === 'article' || source.url !== undefined, {
    message: 'every source except a seed article needs a url',
    path: ['url'],
  });

/** How a curator records when an entry was last checked against its sources, and against what. */
const reviewFields = {
  /** Days after `checked` when the entry is due for another check (kb:stale); default 90. */
  review_days: z.number().int().min(1).max(730).optional(),
  /** Versions of tracked projects (ids in releases) the entry was checked against, e.g. {pytorch: "2.14"}. */
  versions: z.record(id, z.string().min(1)).optional(),
};

export const claimSchema = z.strictObject({
  id,
  /** What the article(s) asserted, in our own words. */
  claim: text,
  /** Source ids of the seed articles that made the claim; empty for facts the articles missed. */
  articles: z.array(id).default([]),
  verdict: z.enum(VERDICTS),
  /** What is true now, with versions and dates. */
  now: text,
  /** Source ids that back `now` (official docs, release notes, repositories first). */
  sources: z.array(id).default([]),
  checked: isoDate,
  /** What could not be confirmed, said plainly so the bot can flag it. */
  unconfirmed: text.optional(),
  /** Extra words people use for this claim, to help `check` find it. */
  keywords: z.array(text).default([]),
  ...reviewFields,
});

export const faqEntrySchema = z.strictObject({
  id,
  question: text,
  phrasings: z.array(text).min(3, 'needs at least 3 alternate phrasings'),
  answer: text.pipe(z.string().max(650, 'must be at most 650 characters (aim for about 600)')),
  sources: z.array(id).min(1, 'needs at least one source id'),
  claims: z.array(id).default([]),
  related: z.array(id).default([]),
  /** Extra search terms that are not natural in a question (product names, API names). */
  keywords: z.array(text).default([]),
  /** The date the answer was last checked against its sources (YYYY-MM-DD); every entry has one. */
  checked: isoDate,
  ...reviewFields,
});

export const comparisonRowSchema = z.strictObject({
  aspect: text,
  pytorch: text,
  tensorflow: text,
});

export const topicFileSchema = z.strictObject({
  id,
  title: text,
  /** What belongs in this topic, as the topic contract (index.yaml) draws the boundaries. */
  covers: text,
  summary: text,
  /** Words that signal the topic, used by search and by `compare` to find it. */
  keywords: z.array(text).default([]),
  faq: z.array(faqEntrySchema).min(3, 'every topic needs at least 3 FAQ entries'),
  claims: z.array(claimSchema).default([]),
  comparison: z.array(comparisonRowSchema).min(2, 'every topic needs a comparison of at least 2 rows'),
  /** Sources cited only in this topic may be declared here instead of in sources.yaml. */
  sources: z.array(sourceSchema).default([]),
});

export const sourcesFileSchema = z.strictObject({
  sources: z.array(sourceSchema).min(1),
});

export const criterionSchema = z.strictObject({
  id,
  /** The need as a team states it, e.g. "deploy to Android and iOS". */
  need: text,
  /** How people phrase this need; matched fuzzily by `recommend`. */
  phrasings: z.array(text).min(2, 'needs at least 2 phrasings'),
  leans: z.enum(LEANS),
  /** 1 = slight preference, 2 = clear, 3 = decisive. */
  weight: z.number().int().min(1).max(3),
  why: text,
  claims: z.array(id).default([]),
  topic: id,
});

export const recommendationsFileSchema = z.strictObject({
  criteria: z.array(criterionSchema).min(1),
});

export const synonymGroupSchema = z.strictObject({
  /** The word the search indexes; every variant in a query is read as this. */
  canonical: text,
  variants: z.array(text).min(1),
});

export const synonymsFileSchema = z.strictObject({
  synonyms: z.array(synonymGroupSchema).min(1),
});

export const scopeFileSchema = z.strictObject({
  /** Names that on their own put a question in scope. */
  frameworkTerms: z.array(text).min(10, 'needs at least 10 terms'),
  /** Words for the subject itself ("framework", "deep learning"): in scope, but naming nothing in particular. */
  subjectTerms: z.array(text).default([]),
  /** Words that put a question in scope only together with a strong match. */
  contextTerms: z.array(text).default([]),
  /** Framework names that are also everyday words; alone they count only as context. */
  ambiguousTerms: z.array(text).default([]),
  /**
   * Things a question can name that are not frameworks (an operating system, a device, a
   * company, a language): an answer must mention each thing the question names.
   */
  facetTerms: z.array(text).default([]),
  /**
   * A named thing that is a kind of a broader one (Ubuntu of Linux): an answer
   * about the broader thing mentions the narrower one well enough, though not as well as by name.
   */
  broaderTerms: z.record(text, text).default({}),
  /**
   * Names that belong to one framework's family (TensorFlow.js, LiteRT, torchvision): a question
   * that names one is about that framework even when it never writes the framework's name.
   */
  frameworkFamilies: z
    .strictObject({ pytorch: z.array(text).default([]), tensorflow: z.array(text).default([]) })
    .default({ pytorch: [], tensorflow: [] }),
});

export type Source = z.infer<typeof sourceSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;
export type TopicFile = z.infer<typeof topicFileSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;
export type Scope = z.infer<typeof scopeFileSchema>;

// ---------------------------------------------------------------------------------------------
// The release registry (knowledge/releases.yaml): one place for every version, date and status
// of a tracked project. Answers refer to it with {{project.field}} placeholders (releases.ts).

/** A release date as precise as the source: a day (2026-09-02) or only a month (2026-09). */
const releaseDate = z
  .string()
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known')
  .refine((value) => !Number.isNaN(Date.parse(value.length === 7 ? `${value}-01` : value)), 'must be a real calendar date');

export const MAINTENANCE_STATES = [
  'active',
  /** No formal notice, but no release for a long time. */
  'dormant',
  'limited-maintenance',
  /** Announced to be replaced by a successor that is not generally available yet. */
  'being-replaced',
  'deprecated',
  'superseded',
  'archived',
  'retired',
  'renamed',
] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

export const NEXT_STAGES = ['planned', 'in-development', 'release-candidate'] as const;
export type NextStage = (typeof NEXT_STAGES)[number];

const sourceIds = z.array(id).min(1, 'needs at least one source id');

export const releaseProjectSchema = z.strictObject({
  id,
  /** Display name, as answers write it. */
  name: text,
  /** Other names people use (matched as whole words, case-insensitive), e.g. ["torch"]. */
  aliases: z.array(text).default([]),
  /**
   * Names the project had before a rename (e.g. "TensorFlow Lite" for LiteRT). Questions that use
   * them are answered from this entry, but a status said of the old name is not checked against it.
   */
  former_names: z.array(text).default([]),
  /** The topic (knowledge/index.yaml id) that covers the project; answers about it are filed there. */
  topic: id,
  /** The newest stable (non-pre-release) release that official sources confirm. */
  latest: z
    .strictObject({
      version: text,
      /** The release date, when a source gives it. */
      released: releaseDate.optional(),
      /** Otherwise the date by which a source shows the release existed. */
      released_by: releaseDate.optional(),
      sources: sourceIds,
      /** What was seen, e.g. "release tracker gives release day 2 Sep 2026". */
      evidence: text.optional(),
    })
    .refine((latest) => latest.released === undefined || latest.released_by === undefined, {
      message: 'give released or released_by, not both',
      path: ['released_by'],
    }),
  /** The next release as far as it is known: planned, in development, or in release candidates. */
  next: z
    .strictObject({
      version: text,
      stage: z.enum(NEXT_STAGES),
      /** A release candidate's or a planned release's date, when a source gives one. */
      date: releaseDate.optional(),
      sources: sourceIds,
      evidence: text.optional(),
    })
    .optional(),
  status: z
    .strictObject({
      state: z.enum(MAINTENANCE_STATES),
      since: releaseDate.optional(),
      /** For renamed/superseded projects: what to use instead. */
      successor: text.optional(),
      /** A short clause that completes the status, e.g. "no updates or security fixes". */
      detail: text.optional(),
      sources: sourceIds,
    })
    .refine((status) => !['renamed', 'superseded', 'being-replaced'].includes(status.state) || status.successor !== undefined, {
      message: 'a renamed, superseded or being-replaced project must name its successor',
      path: ['successor'],
    }),
  /** Python versions the latest release supports, e.g. "3.10–3.14". */
  python: text.optional(),
  /** CUDA versions of the latest release's GPU builds, e.g. "12.6, 13.0 and 13.2". */
  cuda: text.optional(),
  /** A sentence that completes `python` in answers, e.g. which Python has no wheels yet. */
  python_note: text.optional(),
  /** A sentence that completes `cuda` in answers, e.g. the default build or what the next release drops. */
  cuda_note: text.optional(),
  /** Sources for python and cuda. */
  support_sources: z.array(id).default([]),
  /** What could not be confirmed, said plainly ("a 2.15.0 release not confirmed as of 2026-12-01"). */
  unconfirmed: text.optional(),
  /** When every fact of this entry was last checked against its sources. */
  checked: isoDate,
  /** Days after `checked` when the entry is due for another check (kb:stale); default 30. */
  review_days: z.number().int().min(1).max(365).optional(),
});

export const releasesFileSchema = z.strictObject({
  /** Sources the registry cites; they join the knowledge's sources, so answers may cite them too. */
  sources: z.array(sourceSchema).default([]),
  projects: z.array(releaseProjectSchema).min(1),
});

export type ReleaseProject = z.infer<typeof releaseProjectSchema>;
export type ReleasesFile = z.infer<typeof releasesFileSchema>;
