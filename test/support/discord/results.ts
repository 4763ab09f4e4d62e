// Hand-built engine results for renderer tests: each builder fills the common fields so a test
// states only what it is about.
import type { ClaimRef, EngineResult, ResultBase, SourceRef } from '../../../src/engine/types.js';

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
