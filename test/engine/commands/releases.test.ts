import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../src/engine/context.js';
import { recogniseReleaseQuestion, releaseAnswer } from '../../../src/engine/commands/releases.js';
import type { Knowledge } from '../../../src/knowledge/model.js';
import type { ReleaseProject } from '../../../src/knowledge/schema.js';

const project = (id: string, name: string, rest: Partial<ReleaseProject>): ReleaseProject => ({
  id,
  name,
  aliases: [],
  former_names: [],
  topic: 'tools',
  latest: { version: '1.0.0', released: '2026-01-15', sources: ['notes'] },
  status: { state: 'active', sources: ['notes'] },
  support_sources: [],
  checked: '2026-12-01',
  ...rest,
});

const releases: ReleaseProject[] = [
  project('pytorch', 'PyTorch', {
    aliases: ['torch'],
    topic: 'frameworks',
    latest: { version: '2.14.0', released: '2026-09-02', sources: ['notes'] },
    next: { version: '2.15.0', stage: 'planned', date: '2026-10-28', sources: ['schedule'] },
    python: '3.10–3.14',
    cuda: '12.6, 13.0 and 13.2',
    support_sources: ['notes'],
  }),
  project('tensorflow', 'TensorFlow', {
    topic: 'frameworks',
    latest: { version: '2.21.0', released: '2026-03', sources: ['notes'] },
    next: { version: '2.22.0', stage: 'release-candidate', date: '2026-11', sources: ['notes'] },
    python: '3.10–3.13',
    support_sources: ['notes'],
  }),
  project('keras', 'Keras', { latest: { version: '3.15.1', released: '2026-07-29', sources: ['notes'] } }),
  project('torchserve', 'TorchServe', {
    latest: { version: '0.12.0', released: '2024-09-24', sources: ['notes'] },
    status: { state: 'limited-maintenance', since: '2025-02', detail: 'no planned updates', sources: ['readme'] },
  }),
  project('mxnet', 'Apache MXNet', {
    aliases: ['mxnet'],
    latest: { version: '1.9.1', released: '2022-05', sources: ['notes'] },
    status: { state: 'retired', since: '2023-09', sources: ['attic'] },
    checked: '2026-11-20',
  }),
  project('litert', 'LiteRT', {
    former_names: ['TensorFlow Lite', 'tflite'],
    status: { state: 'active', detail: 'TensorFlow Lite was renamed LiteRT in September 2024', sources: ['notes'] },
  }),
  project('tf-serving', 'TensorFlow Serving', { latest: { version: '2.21.0', sources: ['notes'] } }),
  project('transformers', 'Transformers', {
    latest: { version: '5.15.1', released_by: '2026-08-21', sources: ['notes'] },
    unconfirmed: 'A later 5.16.1 was reported but not confirmed.',
  }),
];

const source = (id: string) => ({ id, title: `Source ${id}`, url: `https://example.org/${id}`, kind: 'release-notes' as const });
const knowledge: Knowledge = {
  topics: ['frameworks', 'tools', 'platforms', 'hardware'].map((id) => ({ id, title: id, covers: id, summary: id, keywords: [] })),
  faq: [],
  claims: [],
  comparisons: {},
  sources: Object.fromEntries(['notes', 'schedule', 'readme', 'attic'].map((id) => [id, source(id)])),
  criteria: [],
  synonyms: [{ canonical: 'tfserving', variants: ['tf serving', 'tensorflow serving'] }],
  scope: {
    frameworkTerms: ['pytorch', 'tensorflow'],
    subjectTerms: [],
    contextTerms: [],
    ambiguousTerms: [],
    facetTerms: [],
    broaderTerms: {},
    frameworkFamilies: { pytorch: [], tensorflow: [] },
  },
  releases,
};
const context = createEngineContext(knowledge, []);
const ask = (question: string) => releaseAnswer(context, question, []);
const intentOf = (question: string) => {
  const read = recogniseReleaseQuestion(knowledge, question);
  return read && `${read.intent}: ${read.projects.map((p) => p.id).join(', ')}`;
};

describe('recognising a version or status question', () => {
  it.each([
    ['latest keras', 'latest: keras'],
    ["what's the newest pytorch", 'latest: pytorch'],
    ['current torch version?', 'latest: pytorch'],
    ['keras version', 'latest: keras'],
    ['what is the latest version of pytorch', 'latest: pytorch'],
    ['whats the keras version', 'latest: keras'],
    ['latest pytorch and tensorflow versions', 'latest: pytorch, tensorflow'],
    ['is tf serving still maintained', 'status: tf-serving'],
    ['is mxnet dead', 'status: mxnet'],
    ['is torchserve deprecated?', 'status: torchserve'],
    ['which python does tensorflow support', 'python: tensorflow'],
    ['does pytorch support python 3.14', 'python: pytorch'],
    ['which cuda versions does pytorch ship', 'cuda: pytorch'],
    ['is tensorflow 2.22 out', 'released: tensorflow'],
    ['when is the next pytorch release', 'next: pytorch'],
    ['when does the next pytorch come out', 'next: pytorch'],
    // The date of the next release is the registry's to give, as the latest one's is.
    ['when will pytorch 2.15 come out', 'released: pytorch'],
    ['when is tensorflow 2.22 coming out', 'released: tensorflow'],
  ])('%s → %s', (question, expected) => {
    expect(intentOf(question)).toBe(expected);
  });

  it.each([
    'Why is TorchServe no longer actively maintained?',
    'how do I upgrade to the latest pytorch',
    'pytorch version mismatch error with torchvision',
    'what version of keras do I have installed',
    'pytorch vs tensorflow which is better',
    // Stability compared between frameworks, not the latest stable release.
    'which is more stable, pytorch or tensorflow',
    'is keras stabler than pytorch',
    'is tensorflow dead',
    'is pytorch still maintained',
    'is tflite deprecated',
    'latest pytorch geometric version',
    'which python version does keras support',
    'tell me about keras',
    'is pytorch more intuitive for python developers',
    'what version of python is suggested with pytorch 1.9',
    'is cuda the only realistic option with pytorch',
    'Tensorflow seems to be a dead end. Any plans to move to Torch or JAX?',
    'what are the latest features in keras 3 for training large language models on many gpus at once',
    // A TensorFlow version *of* another project, not TensorFlow's own version.
    'yolo tensorflow version',
    // A framework's counterpart of an API, not a release.
    "what's the pytorch version of model.summary()",
    'tensorflow version of torch.no_grad',
    // The date of an older release is history, not the registry's latest release.
    'when was tensorflow 2.0 released',
    // The version a hosted notebook or platform ships, not the project's latest release.
    'what version of tensorflow does colab have',
    'which pytorch version is preinstalled on kaggle',
    'which pytorch versions are in the vertex ai prebuilt containers',
    // The version some code needs, or the one that works on some hardware or system.
    'which tensorflow version does this repo need?',
    'what pytorch version did you use for this code',
    'which tf version is required to run the notebook',
    'i want tensorflow gpu on windows 11 without wsl, which version',
    'can I run a pytorch cu121 wheel when nvidia-smi shows cuda 11.4',
    // A pasted warning that happens to say "last", not a question about the latest release.
    'WARNING:tensorflow:5 out of the last 5 calls to <function train_step> triggered tf.function retracing',
    // A pasted exception or warning that says "deprecated": the argument is, not the project.
    'ValueError: The `save_format` argument is deprecated in Keras 3. Please remove this argument',
    'FutureWarning: torch.cuda.amp.GradScaler(args...) is deprecated in pytorch',
  ])('not a registry question: %s', (question) => {
    expect(intentOf(question)).toBeUndefined();
  });
});

describe('answering from the registry', () => {
  it('gives the latest release with its date, the next one, the sources and the check date', () => {
    const result = ask('latest pytorch version')!;
    expect(result).toMatchObject({ kind: 'answer', topic: 'frameworks', entryId: 'releases-pytorch', asOf: '2026-12-01' });
    expect(result.text).toBe(
      'The latest stable PyTorch release is 2.14.0, released on 2 September 2026. ' +
        'Next: 2.15.0, planned for 28 October 2026 (release not confirmed as of 1 December 2026).',
    );
    expect(result.sources.map((s) => s.id)).toEqual(['notes', 'schedule']);
  });

  it('opens with the status in words, never a bare yes or no: "is it dead", "still maintained", and a limited project with the status itself', () => {
    expect(ask('is mxnet dead')!.text).toMatch(
      /^Apache MXNet is no longer maintained: it is retired since September 2023\. Its latest release is 1\.9\.1, released in May 2022\./,
    );
    expect(ask('is mxnet still maintained')!.text).toMatch(/^Apache MXNet is no longer maintained: it is retired/);
    expect(ask('is keras dead')!.text).toMatch(/^Keras is not dead: it is actively developed/);
    expect(ask('is torchserve still maintained')!.text).toMatch(
      /^TorchServe is in limited maintenance since February 2025 \(no planned updates\)\. Its latest release is 0\.12\.0/,
    );
    expect(ask('is tf serving still maintained')!.text).toMatch(
      /^TensorFlow Serving is still maintained: it is actively developed\. Its latest release is 2\.21\.0, its release date not confirmed\./,
    );
  });

  it('calls the latest release "confirmed" when a later one was reported but not confirmed, and says so', () => {
    expect(ask('latest transformers version')!.text).toBe(
      'The latest Transformers release confirmed from its sources is 5.15.1, out by 21 August 2026. ' +
        'A later 5.16.1 was reported but not confirmed.',
    );
  });

  it('asked by a former name for the latest release, leads with the rename', () => {
    expect(ask('latest tflite version')!.text).toMatch(
      /^TensorFlow Lite was renamed LiteRT in September 2024\. The latest stable LiteRT release is 1\.0\.0/,
    );
  });

  it('says a version in release candidates is not out yet, and a released one is', () => {
    expect(ask('is tensorflow 2.22 out')!.text).toMatch(
      /^Only as release candidates so far: 2\.22\.0, in release candidates since November 2026 \(final release not confirmed as of 1 December 2026\)\. The latest stable TensorFlow release is 2\.21\.0, released in March 2026\./,
    );
    expect(ask('is pytorch 2.14 out')!.text).toMatch(/^PyTorch 2\.14 is out\./);
    expect(ask('is pytorch 2.16 released')!.text).toMatch(/^Not that I can confirm as of 1 December 2026\./);
  });

  it('answers supported Python and CUDA, filed under platforms and hardware', () => {
    expect(ask('which python does tensorflow support')).toMatchObject({
      text: 'TensorFlow 2.21.0 supports Python 3.10–3.13.',
      topic: 'platforms',
    });
    expect(ask('which cuda versions does pytorch ship')).toMatchObject({
      text: 'PyTorch 2.14.0 publishes builds for CUDA 12.6, 13.0 and 13.2.',
      topic: 'hardware',
    });
  });

  it('uses the oldest check date of the projects it answers about', () => {
    expect(ask('latest keras and mxnet')!.asOf).toBe('2026-11-20');
  });

  it('leaves every other question to the search', () => {
    expect(ask('how does torch.compile work')).toBeUndefined();
  });
});
