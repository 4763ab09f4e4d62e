// Hand-built engine results, for rendering tests that must not depend on the knowledge base.
import type { ClaimRef, EngineResult, ResultBase, SourceRef } from '../../../src/engine/types.js';

type Base = ResultBase;

export const SOURCE_DOCS: SourceRef = {
  id: 'litert-docs',
  title: 'LiteRT overview',
  url: 'https://ai.google.dev/edge/litert',
  kind: 'official-docs',
};
export const SOURCE_ARTICLE: SourceRef = {
  id: 'article-head-to-head',
  title: 'Pytorch vs. Tensorflow: A Head to Head Comparison',
  url: undefined,
  kind: 'article',
};

export const CLAIM: ClaimRef = {
  id: 'tflite-name',
  topic: 'deployment-mobile',
  claim: 'TensorFlow Lite is how you run TensorFlow models on phones.',
  verdict: 'outdated',
  now: 'TensorFlow Lite was renamed LiteRT in 2024.',
  unconfirmed: undefined,
  checked: '2025-01-15',
  articles: [SOURCE_ARTICLE],
  sources: [SOURCE_DOCS],
};

export function base(overrides: Partial<Base> = {}): Base {
  return {
    query: 'is tf lite still a thing',
    text: 'TensorFlow Lite is now called LiteRT. It runs TensorFlow, Keras, PyTorch and JAX models on Android and iOS.',
    topic: 'deployment-mobile',
    confidence: 0.9,
    entryId: 'tflite-litert',
    claims: [CLAIM],
    sources: [SOURCE_DOCS],
    followUps: [
      { entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' },
      { entryId: 'executorch', question: 'What is ExecuTorch?' },
    ],
    candidates: [],
    notes: [],
    asOf: '2026-11-21',
    ...overrides,
  };
}

export function answer(overrides: Partial<Base> & { question?: string } = {}): EngineResult {
  const { question = 'Is TensorFlow Lite still called TensorFlow Lite?', ...rest } = overrides;
  return { ...base(rest), kind: 'answer', question };
}

/** One result of every kind, for tests that must hold for all of them. */
export function oneOfEachKind(overrides: Partial<Base> = {}): EngineResult[] {
  const common = base(overrides);
  return [
    { ...common, kind: 'answer', question: 'Is TensorFlow Lite still called TensorFlow Lite?' },
    {
      ...common,
      kind: 'ambiguous',
      candidates: [
        { entryId: 'a', kind: 'faq', topic: 'hardware', question: 'Does PyTorch run on TPUs?', score: 0.5 },
        { entryId: 'b', kind: 'faq', topic: 'deployment-mobile', question: 'What replaced TensorFlow Lite?', score: 0.48 },
      ],
    },
    {
      ...common,
      kind: 'no-match',
      reason: 'out-of-scope',
      topicTitles: ['Mobile deployment', 'Hardware'],
      claims: [],
      sources: [],
    },
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
          argument: { name: 'topic', description: 'A topic', example: 'mobile', maxLength: 200 },
        },
        {
          name: 'check',
          aliases: [],
          description: 'Check a claim you read somewhere',
          argument: { name: 'statement', description: 'A statement', example: 'TF is static', maxLength: 1000 },
        },
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
    { ...common, kind: 'sources', sourceList: [SOURCE_DOCS, SOURCE_ARTICLE] },
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
          topic: 'deployment-mobile',
          claims: [CLAIM],
        },
      ],
    },
    { ...common, kind: 'claim-check', reason: 'checked', statement: 'TensorFlow Lite is the way to run models on phones' },
  ];
}
