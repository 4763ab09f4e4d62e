// Hand-built engine results for the renderer tests of every platform: each builder fills the
// common fields so a test states only what it is about, and none depends on the knowledge base.
import type { ClaimRef, EngineResult, ResultBase, SourceRef } from '../../src/engine/types.js';

export function base(overrides: Partial<ResultBase> = {}): ResultBase {
  return {
    query: 'query',
    text: 'Some text.',
    topic: null,
    confidence: 0,
    entryId: null,
    claims: [],
    sources: [],
    followUps: [],
    candidates: [],
    notes: [],
    asOf: null,
    ...overrides,
  };
}

export function source(overrides: Partial<SourceRef> = {}): SourceRef {
  return { id: 'litert-docs', title: 'LiteRT overview', url: 'https://ai.google.dev/edge/litert', kind: 'official-docs', ...overrides };
}

export function claim(overrides: Partial<ClaimRef> = {}): ClaimRef {
  return {
    id: 'tflite-is-litert',
    topic: 'mobile',
    claim: 'TensorFlow Lite is the way to run models on phones.',
    verdict: 'outdated',
    now: 'TensorFlow Lite was renamed LiteRT in 2024.',
    unconfirmed: undefined,
    checked: '2025-01-15',
    articles: [],
    sources: [source()],
    ...overrides,
  };
}

export function answer(overrides: Partial<Extract<EngineResult, { kind: 'answer' }>> = {}): EngineResult {
  return {
    ...base({
      query: 'what about tf lite',
      text: 'TensorFlow Lite is now called LiteRT. It runs TensorFlow, PyTorch and JAX models on device.',
      topic: 'mobile',
      confidence: 0.9,
      entryId: 'tflite-litert',
      claims: [claim()],
      sources: [source()],
      followUps: [{ entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' }],
    }),
    kind: 'answer',
    question: 'What happened to TensorFlow Lite?',
    ...overrides,
  };
}

export function comparison(rows: number, overrides: Partial<Extract<EngineResult, { kind: 'comparison' }>> = {}): EngineResult {
  return {
    ...base({ text: 'How the two compare on mobile.', topic: 'mobile', confidence: 1, sources: [source()] }),
    kind: 'comparison',
    title: 'Mobile and edge',
    rows: Array.from({ length: rows }, (_, index) => ({
      aspect: `Aspect ${index + 1}`,
      pytorch: `PyTorch side ${index + 1}`,
      tensorflow: `TensorFlow side ${index + 1}`,
    })),
    ...overrides,
  };
}

/** A seed article: a source without a URL. */
export const ARTICLE: SourceRef = source({
  id: 'article-head-to-head',
  title: 'Pytorch vs. Tensorflow: A Head to Head Comparison',
  url: undefined,
  kind: 'article',
});

/** One result of every kind, sharing `overrides`, for tests that must hold for all of them. */
export function oneOfEachKind(overrides: Partial<ResultBase> = {}): EngineResult[] {
  const common = base({
    query: 'is tf lite still a thing',
    text: 'TensorFlow Lite is now called LiteRT.',
    topic: 'mobile',
    confidence: 0.9,
    entryId: 'tflite-litert',
    claims: [claim({ articles: [ARTICLE] })],
    sources: [source()],
    followUps: [
      { entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' },
      { entryId: 'executorch', question: 'What is ExecuTorch?' },
    ],
    ...overrides,
  });
  const argument = (name: 'topic' | 'statement', example: string) => ({ name, description: `The ${name}`, example, maxLength: 200 });
  return [
    { ...common, kind: 'answer', question: 'What happened to TensorFlow Lite?' },
    { ...common, kind: 'no-match', reason: 'out-of-scope', topicTitles: ['Mobile deployment', 'Hardware'], claims: [], sources: [] },
    { ...common, kind: 'greeting', greeting: 'hello', claims: [], sources: [] },
    { ...common, kind: 'invalid-input', claims: [], sources: [] },
    {
      ...common,
      kind: 'help',
      reason: 'asked',
      commands: [
        {
          name: 'compare',
          aliases: [],
          description: 'PyTorch and TensorFlow side by side on one topic',
          argument: argument('topic', 'mobile'),
        },
        { name: 'check', aliases: [], description: 'Check a claim you read somewhere', argument: argument('statement', 'TF is static') },
      ],
    },
    {
      ...common,
      kind: 'topics',
      reason: 'asked',
      requestedTopic: null,
      topics: [
        { id: 'deployment-mobile', title: 'Mobile deployment', summary: 'Phones and edge devices' },
        { id: 'hardware', title: 'Hardware', summary: 'GPUs, TPUs and Apple silicon' },
      ],
    },
    { ...common, kind: 'sources', sourceList: [source(), ARTICLE] },
    {
      ...common,
      kind: 'comparison',
      title: 'Mobile deployment',
      rows: [
        { aspect: 'Runtime', pytorch: 'ExecuTorch', tensorflow: 'LiteRT (formerly TensorFlow Lite)' },
        { aspect: 'Model format', pytorch: '.pte', tensorflow: '.tflite' },
      ],
    },
    {
      ...common,
      kind: 'recommendation',
      reason: 'recommended',
      lean: 'tensorflow',
      points: { pytorch: 0, tensorflow: 2 },
      exampleNeeds: ['mobile app', 'research'],
      needs: [
        {
          criterionId: 'mobile',
          need: 'deploy to Android and iOS',
          leans: 'tensorflow',
          weight: 2,
          why: 'LiteRT is mature on both.',
          topic: 'mobile',
          claims: [claim()],
        },
      ],
    },
    { ...common, kind: 'claim-check', reason: 'checked', statement: 'TensorFlow Lite is the way to run models on phones' },
    // The area is known but no entry answers exactly: the follow-ups are the closest questions.
    { ...common, kind: 'partial', text: '', entryId: null, claims: [], sources: [] },
    { ...common, kind: 'other-language', text: '', entryId: null, claims: [], sources: [] },
  ];
}
