// fast-check generators for engine results with hostile content: very long text, emoji and
// other surrogate pairs, markdown, links, mentions, and far more items than Discord allows.
import fc from 'fast-check';
import { COMMANDS } from '../../../src/engine/index.js';
import type { Candidate, ClaimRef, CommandSpec, EngineResult, FollowUp, SourceRef } from '../../../src/engine/types.js';
import { LEANS, SOURCE_KINDS, VERDICTS } from '../../../src/knowledge/model.js';

const PIECES = [
  '@everyone',
  '@here',
  '<@&123456789012>',
  '<@123456789012>',
  '```',
  '[link](https://x.org/a)',
  '[',
  '](',
  '🤖',
  '🧑‍💻',
  '**',
  '\n',
  ' ',
  'é',
];

/** Short strings, or a short piece repeated into thousands of characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc
    .tuple(
      fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom(...PIECES)),
      fc.integer({ min: 1, max: 1500 }),
    )
    .map(([piece, times]) => piece.repeat(times)),
);

/** Knowledge-style ids mostly, sometimes something no id should look like. */
export const anyId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,6}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 150 }) },
);

const anyUrl = fc.option(
  fc.oneof(
    fc.webUrl(),
    fc.constant('https://en.wikipedia.org/wiki/X_(y)'),
    fc.webUrl().map((url) => `${url}/${'a'.repeat(600)}`),
  ),
  { nil: undefined },
);

export const anySource: fc.Arbitrary<SourceRef> = fc.record({
  id: anyId,
  title: anyText,
  url: anyUrl,
  kind: fc.constantFrom(...SOURCE_KINDS),
});

export const anyClaim: fc.Arbitrary<ClaimRef> = fc.record({
  id: anyId,
  topic: anyId,
  claim: anyText,
  verdict: fc.constantFrom(...VERDICTS),
  now: anyText,
  unconfirmed: fc.option(anyText, { nil: undefined }),
  checked: fc.constant('2025-01-15'),
  articles: fc.array(anySource, { maxLength: 2 }),
  sources: fc.array(anySource, { maxLength: 3 }),
});

const anyFollowUp: fc.Arbitrary<FollowUp> = fc.record({ entryId: anyId, question: anyText });

const anyCandidate: fc.Arbitrary<Candidate> = fc.record({
  entryId: anyId,
  kind: fc.constantFrom('faq' as const, 'claim' as const),
  topic: anyId,
  question: anyText,
  score: fc.double({ min: 0, max: 1, noNaN: true }),
});

const anyBase = fc.record({
  query: anyText,
  text: anyText,
  topic: fc.option(anyId, { nil: null }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  entryId: fc.option(anyId, { nil: null }),
  claims: fc.array(anyClaim, { maxLength: 12 }),
  sources: fc.array(anySource, { maxLength: 40 }),
  followUps: fc.array(anyFollowUp, { maxLength: 8 }),
  candidates: fc.array(anyCandidate, { maxLength: 15 }),
  notes: fc.array(
    fc.integer({ min: 1, max: 5000 }).map((keptCharacters) => ({ code: 'input-cut' as const, keptCharacters })),
    { maxLength: 2 },
  ),
  asOf: fc.option(fc.constantFrom('2026-11-21', '2026-12-01', '2025-02-28'), { nil: null }),
});

/** The shipped commands, or made-up ones with hostile descriptions and examples. */
const anyCommand: fc.Arbitrary<CommandSpec> = fc.oneof(
  fc.constantFrom(...COMMANDS),
  fc.record({
    name: fc.stringMatching(/^[a-z]{1,32}$/),
    aliases: fc.constant([]),
    description: anyText,
    argument: fc.option(
      fc.record({
        name: fc.constantFrom('question' as const, 'topic' as const, 'needs' as const, 'statement' as const),
        description: anyText,
        example: anyText,
        maxLength: fc.constant(1000),
      }),
      { nil: undefined },
    ),
  }),
);

export const anyEngineResult: fc.Arbitrary<EngineResult> = fc.oneof(
  fc.tuple(anyBase, anyText).map(([base, question]): EngineResult => ({ ...base, kind: 'answer', question })),
  anyBase.map((base): EngineResult => ({ ...base, kind: 'partial' })),
  fc
    .tuple(
      anyBase,
      fc.constantFrom('no-question' as const, 'out-of-scope' as const, 'unknown-entry' as const),
      fc.array(anyText, { maxLength: 10 }),
    )
    .map(([base, reason, topicTitles]): EngineResult => ({ ...base, kind: 'no-match', reason, topicTitles })),
  fc
    .tuple(anyBase, fc.constantFrom('hello' as const, 'thanks' as const))
    .map(([base, greeting]): EngineResult => ({ ...base, kind: 'greeting', greeting })),
  anyBase.map((base): EngineResult => ({ ...base, kind: 'invalid-input' })),
  fc
    .tuple(anyBase, fc.constantFrom('asked' as const, 'empty-input' as const), fc.array(anyCommand, { maxLength: 40 }))
    .map(([base, reason, commands]): EngineResult => ({ ...base, kind: 'help', reason, commands })),
  fc
    .tuple(
      anyBase,
      fc.constantFrom('asked' as const, 'compare-without-topic' as const, 'compare-unknown-topic' as const),
      fc.option(anyText, { nil: null }),
      fc.array(fc.record({ id: anyId, title: anyText, summary: anyText }), { maxLength: 40 }),
    )
    .map(([base, reason, requestedTopic, topics]): EngineResult => ({ ...base, kind: 'topics', reason, requestedTopic, topics })),
  fc
    .tuple(anyBase, fc.array(anySource, { maxLength: 400 }))
    .map(([base, sourceList]): EngineResult => ({ ...base, kind: 'sources', sourceList })),
  fc
    .tuple(anyBase, anyText, fc.array(fc.record({ aspect: anyText, pytorch: anyText, tensorflow: anyText }), { maxLength: 40 }))
    .map(([base, title, rows]): EngineResult => ({ ...base, kind: 'comparison', title, rows })),
  fc
    .tuple(
      anyBase,
      fc.option(fc.constantFrom(...LEANS), { nil: null }),
      fc.array(
        fc.record({
          criterionId: anyId,
          need: anyText,
          leans: fc.constantFrom(...LEANS),
          weight: fc.integer({ min: 1, max: 3 }),
          why: anyText,
          topic: anyId,
          claims: fc.array(anyClaim, { maxLength: 3 }),
        }),
        { maxLength: 30 },
      ),
    )
    .map(
      ([base, lean, needs]): EngineResult => ({
        ...base,
        kind: 'recommendation',
        reason: lean === null ? 'no-need-recognised' : 'recommended',
        lean,
        needs,
        points: { pytorch: needs.length, tensorflow: 1 },
        exampleNeeds: needs.map((need) => need.need),
      }),
    ),
  fc
    .tuple(anyBase, fc.constantFrom('checked' as const, 'no-statement' as const, 'no-close-claim' as const), anyText)
    .map(([base, reason, statement]): EngineResult => ({ ...base, kind: 'claim-check', reason, statement })),
);
