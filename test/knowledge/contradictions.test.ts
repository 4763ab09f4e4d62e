import { describe, expect, it } from 'vitest';
import { contradictionsInSentence, sentences } from '../../src/knowledge/contradictions.js';
import type { ReleaseProject } from '../../src/knowledge/schema.js';

const entry = (id: string, name: string, rest: Partial<ReleaseProject>): ReleaseProject => ({
  id,
  name,
  aliases: [],
  former_names: [],
  topic: 'overview',
  latest: { version: '1.0.0', released: '2026-01', sources: ['s'] },
  status: { state: 'active', sources: ['s'] },
  support_sources: [],
  checked: '2026-12-01',
  ...rest,
});

const projects = new Map(
  [
    entry('pytorch', 'PyTorch', {
      aliases: ['torch'],
      latest: { version: '2.14.0', released: '2026-09-02', sources: ['s'] },
      next: { version: '2.15.0', stage: 'planned', date: '2026-10-28', sources: ['s'] },
    }),
    entry('tensorflow', 'TensorFlow', {
      aliases: ['tf'],
      latest: { version: '2.21.0', released: '2026-03', sources: ['s'] },
      next: { version: '2.22.0', stage: 'release-candidate', sources: ['s'] },
    }),
    entry('keras', 'Keras', { latest: { version: '3.15.1', released: '2026-07-29', sources: ['s'] } }),
    entry('executorch', 'ExecuTorch', { latest: { version: '1.5.1', released: '2026-09', sources: ['s'] } }),
    entry('torchserve', 'TorchServe', { status: { state: 'limited-maintenance', since: '2025-02', sources: ['s'] } }),
    entry('mxnet', 'Apache MXNet', { aliases: ['mxnet'], status: { state: 'retired', since: '2023-09', sources: ['s'] } }),
    entry('tfjs', 'TensorFlow.js', { aliases: ['tf.js'], status: { state: 'dormant', sources: ['s'] } }),
    entry('litert', 'LiteRT', { former_names: ['TensorFlow Lite'] }),
  ].map((p) => [p.id, p]),
);

const flagged = (sentence: string) => contradictionsInSentence(sentence, projects).map((c) => `${c.projectId} ${c.kind}: ${c.stated}`);

describe('kb:check flags a current version the registry contradicts', () => {
  it.each([
    ['The latest PyTorch is 2.13.', 'pytorch version: 2.13'],
    ['PyTorch 2.13 is the newest release.', 'pytorch version: 2.13'],
    ['PyTorch is now at 2.13.0.', 'pytorch version: 2.13.0'],
    ["PyTorch's latest release, 2.13.0, added FlexAttention.", 'pytorch version: 2.13.0'],
    ['The current Keras release is 3.14, so upgrade.', 'keras version: 3.14'],
    ['The latest TensorFlow is 2.22.0rc0.', 'tensorflow version: 2.22.0rc0'],
    ['2.13 is the latest PyTorch release.', 'pytorch version: 2.13'],
  ])('%s', (sentence, expected) => {
    expect(flagged(sentence)).toEqual([expected]);
  });
});

describe('kb:check leaves alone what agrees with the registry, history and other things’ versions', () => {
  it.each([
    'The latest PyTorch is 2.14.0 (September 2026).',
    'Keras 3.15.x is the current line.',
    'PyTorch 2.0 introduced torch.compile in March 2023.',
    'TF 2.10 was the last release with native Windows GPU support.',
    '2.13.0 came out in July 2026.',
    'In July 2026 the latest PyTorch was 2.13.',
    'The latest PyTorch supports CUDA 13.2 and Python 3.14.',
    'The latest PyTorch, 2.14.0, supports Python 3.10–3.14, and the latest TensorFlow, 2.21.0, supports Python 3.10–3.13.',
    'TensorFlow 2.22.0rc0 is the current release candidate.',
    'PyTorch 2.15 is planned for 28 October; the latest is 2.14.',
    'The next PyTorch, 2.15, is planned for October.',
    'ExecuTorch reached beta with v0.4 in October 2024 and 1.0 in October 2025 (latest release 1.5.1).',
    'Its builds target TensorFlow 2.15, so current TensorFlow releases lack a supported GPU path.',
    'The newest TensorFlow that AMD builds for ROCm is 2.14.',
    'torch.compile is the current way to speed up PyTorch 2.13 code.',
    'TensorFlow: 2.0 in September 2019, Keras 3 as the default Keras from 2.16 (2024), latest 2.21.0 (March 2026).',
    'Keras 3 (released November 2023; the latest is 3.15.1) supports JAX, TensorFlow and PyTorch backends.',
  ])('%s', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });
});

describe('kb:check flags a status the registry contradicts', () => {
  it.each([
    ['TorchServe is actively maintained.', 'torchserve status: actively maintained'],
    ['TorchServe is still maintained by Meta and AWS.', 'torchserve status: maintained'],
    ['MXNet is still maintained.', 'mxnet status: maintained'],
    ['MXNet is not deprecated.', 'mxnet status: not deprecated'],
    ['PyTorch is deprecated.', 'pytorch status: deprecated'],
    ['TensorFlow.js is actively developed.', 'tfjs status: actively developed'],
  ])('%s', (sentence, expected) => {
    expect(flagged(sentence)).toEqual([expected]);
  });

  it.each([
    'TorchServe is in limited maintenance since February 2025.',
    'TorchServe was actively developed until 2024.',
    'MXNet was retired in September 2023.',
    'TensorFlow.js is not deprecated, but has had no release since 2024.',
    'PyTorch Mobile is deprecated; use ExecuTorch.',
    'TensorFlow Lite is deprecated in name only: it is now LiteRT.',
    'tf.lite is deprecated in TensorFlow 2.20.',
  ])('not: %s', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });
});

describe('sentences', () => {
  it('splits prose without cutting version numbers', () => {
    expect(sentences('PyTorch 2.14.0 is out. TF 2.21.0 too; Keras 3.15.1 as well.')).toEqual([
      'PyTorch 2.14.0 is out.',
      'TF 2.21.0 too;',
      'Keras 3.15.1 as well.',
    ]);
  });
});
