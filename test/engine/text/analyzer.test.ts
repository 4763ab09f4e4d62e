import { describe, expect, it } from 'vitest';
import { CHOICE_TERM, createTextAnalyzer, NAMESAKE_TERM, textsFingerprint } from '../../../src/engine/text/analyzer.js';

const SYNONYMS = [
  { canonical: 'tensorflow', variants: ['tf', 'tensor flow'] },
  { canonical: 'pytorch', variants: ['pt', 'torch'] },
  { canonical: 'litert', variants: ['tflite', 'tensorflow lite'] },
  { canonical: 'hugging face', variants: ['hf'] },
];
// The knowledge's words: typos are corrected towards them.
const analyzer = createTextAnalyzer(SYNONYMS, ['PyTorch and TensorFlow serving models on mobile', 'Distributed training with FSDP']);
const { analyze } = analyzer;

describe('analysing text into search terms', () => {
  it('reads abbreviations and multi-word names as one canonical term', () => {
    expect(analyze('TF Lite? no: tflite')).toContain(analyze('litert')[0]);
    expect(analyze('TensorFlow Lite')).toEqual(analyze('LiteRT'));
    expect(analyze('tf serving, tensor flow serving')).toEqual(analyze('tensorflow serving tensorflow serving'));
    expect(analyze('hf hub')).toEqual(analyze('huggingface hub'));
  });

  it('drops stopwords (but keeps question words) and reads inflections as one term', () => {
    expect(analyze('What are the serving models?')).toEqual(analyze('what serve model'));
    expect(analyze('the of and')).toEqual([]);
    // "Want" frames a wish as "wanna" does; it is not what the question is about.
    expect(analyze('we want to move from torch to tf')).toEqual(analyze('move from torch to tf'));
  });

  it('reads "pytorch or tensorflow" as a choice, but not "both pytorch and tensorflow"', () => {
    const real = createTextAnalyzer(SYNONYMS, ['PyTorch and TensorFlow']);
    expect(real.analyze('pytorch or tensorflow for vision')).toContain(CHOICE_TERM);
    expect(real.analyze('differences between pytorch and tensorflow')).toContain(CHOICE_TERM);
    expect(real.analyze('can I use both pytorch and tensorflow in one project')).not.toContain(CHOICE_TERM);
  });

  it('reads two names of one thing set side by side as a question about the names', () => {
    // Synonyms make "torch vs pytorch" read "pytorch pytorch"; the framing is kept as a term.
    expect(analyze('torch vs pytorch')).toContain(NAMESAKE_TERM);
    expect(analyze('is TensorFlow Lite the same thing as LiteRT?')).toContain(NAMESAKE_TERM);
    expect(analyze('do I install torch or pytorch')).toContain(NAMESAKE_TERM);
    // Not the same name twice, not a name and its abbreviation, not a joined API name, not far apart.
    expect(analyze('pytorch vs pytorch lightning')).not.toContain(NAMESAKE_TERM);
    expect(analyze('TensorFlow Lite (TFLite) on Android')).not.toContain(NAMESAKE_TERM);
    expect(analyze('PyTorch: torch.compile or eager')).not.toContain(NAMESAKE_TERM);
    expect(analyze('torch models deploy to mobile phones with pytorch tools')).not.toContain(NAMESAKE_TERM);
  });

  it('tells C++ from C# (both would otherwise be the letter c)', () => {
    expect(analyze('LibTorch in C++')).toContain('cpp');
    expect(analyze('ONNX Runtime from C#')).toContain('csharp');
    expect(analyze('the TensorFlow C API')).toContain('c');
    expect(analyze('c++ or c#')).toEqual(analyze('cpp or csharp'));
  });

  it('reads a version written with a "v" as the version itself, but not a GPU such as the V100', () => {
    expect(analyze('Keras v3 on TF v2.16')).toEqual(analyze('Keras 3 on TF 2.16'));
    expect(analyze('transformers v5')).toEqual(analyze('transformers 5'));
    expect(analyze('training on a V100')).toContain('v100');
    expect(analyze('tpu v5e')).toContain('v5e');
  });

  it('keeps dotted API names whole as well as in parts', () => {
    expect(analyze('tf.function')).toEqual([...analyze('tensorflowfunction'), ...analyze('tensorflow function')]);
  });

  it('corrects typos against the knowledge’s vocabulary, and says so', () => {
    const { terms, corrections } = analyzer.analyzeQuery('pytoch vs tensroflow distribted');
    expect(corrections).toEqual([
      { from: 'pytoch', to: 'pytorch' },
      { from: 'tensroflow', to: 'tensorflow' },
      { from: 'distribted', to: 'distributed' },
    ]);
    expect(terms).toEqual([CHOICE_TERM, ...analyze('pytorch tensorflow distributed')]);
  });

  it('knows every word of the vocabulary, in whatever order its texts were given', () => {
    const texts = ['Hiring and recruiting engineers', 'Deploying on mobile phones'];
    for (const vocabulary of [texts, [...texts].reverse()]) {
      const corrected = createTextAnalyzer(SYNONYMS, vocabulary).analyzeQuery('rercuiting moblie');
      expect(corrected.corrections).toEqual([
        { from: 'rercuiting', to: 'recruiting' },
        { from: 'moblie', to: 'mobile' },
      ]);
    }
  });

  it('does not change after it is built: analysing text teaches it nothing', () => {
    const fresh = createTextAnalyzer(SYNONYMS, ['training']);
    const before = fresh.analyzeQuery('quantisaton');
    fresh.analyze('quantisation quantisation quantisation');
    expect(fresh.analyzeQuery('quantisaton')).toEqual(before);
  });

  it('reads "X or Y" between the two frameworks as a choice, whatever the names used', () => {
    for (const choice of ['tf or torch for nlp?', 'PyTorch vs. TensorFlow', 'pt versus tensor flow']) {
      expect(analyze(choice)).toContain(CHOICE_TERM);
    }
    expect(analyze('pytorch and jax')).not.toContain(CHOICE_TERM);
    expect(analyze('tensorflow or tensorflow lite')).not.toContain(CHOICE_TERM);
  });

  it('leaves words from other domains alone', () => {
    expect(analyzer.analyzeQuery('how do i cook pasta').corrections).toEqual([]);
  });
});

describe('the fingerprint of the texts a vocabulary was read from', () => {
  const texts = ['Is TF Lite dead?', 'tflite', 'LiteRT is TF Lite renamed.'];

  it('is the same for the same texts in the same order', () => {
    expect(textsFingerprint([...texts])).toBe(textsFingerprint(texts));
  });

  it('changes with an edited, added, dropped or reordered text, or one split differently', () => {
    const fingerprint = textsFingerprint(texts);
    const variants = [
      ['Is TF Lite dead!', 'tflite', 'LiteRT is TF Lite renamed.'],
      [...texts, ''],
      texts.slice(1),
      [texts[1]!, texts[0]!, texts[2]!],
      ['Is TF Lite dead?tflite', '', 'LiteRT is TF Lite renamed.'],
    ];
    for (const variant of variants) expect(textsFingerprint(variant)).not.toBe(fingerprint);
    expect(new Set(variants.map(textsFingerprint)).size).toBe(variants.length);
  });
});
