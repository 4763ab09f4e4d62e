import { describe, expect, it } from 'vitest';
import { CHOICE_TERM, createTextAnalyzer } from '../../../src/engine/text/analyzer.js';

const analyzer = createTextAnalyzer([
  { canonical: 'tensorflow', variants: ['tf', 'tensor flow'] },
  { canonical: 'pytorch', variants: ['pt', 'torch'] },
  { canonical: 'litert', variants: ['tflite', 'tensorflow lite'] },
  { canonical: 'hugging face', variants: ['hf'] },
]);
// Indexing teaches the analyzer the knowledge's words; typos are corrected towards them.
analyzer.analyze('PyTorch and TensorFlow serving models on mobile');
analyzer.analyze('Distributed training with FSDP');
analyzer.buildTypoCorrector();

describe('analysing text into search terms', () => {
  it('reads abbreviations and multi-word names as one canonical term', () => {
    expect(analyzer.analyze('TF Lite? no: tflite')).toContain('litert');
    expect(analyzer.analyze('TensorFlow Lite')).toEqual(['litert']);
    expect(analyzer.analyze('tf vs tensor flow')).toEqual(['tensorflow', 'tensorflow']);
    expect(analyzer.analyze('hf hub')).toEqual(['huggingfac', 'hub']);
  });

  it('drops stopwords (but keeps question words) and stems', () => {
    expect(analyzer.analyze('What are the serving models?')).toEqual(['what', 'serv', 'model']);
  });

  it('keeps dotted API names whole as well as in parts', () => {
    expect(analyzer.analyze('tf.function')).toEqual(['tensorflowfunct', 'tensorflow', 'function']);
  });

  it('corrects typos against the learnt vocabulary, and says so', () => {
    const { terms, corrections } = analyzer.analyzeQuery('pytoch vs tensroflow distribted');
    expect(corrections).toEqual([
      { from: 'pytoch', to: 'pytorch' },
      { from: 'tensroflow', to: 'tensorflow' },
      { from: 'distribted', to: 'distributed' },
    ]);
    expect(terms).toEqual([CHOICE_TERM, 'pytorch', 'tensorflow', 'distribut']);
  });

  it('reads "X or Y" between the two frameworks as a choice, whatever the names used', () => {
    for (const choice of ['tf or torch for nlp?', 'PyTorch vs. TensorFlow', 'pt versus tensor flow']) {
      expect(analyzer.analyze(choice)).toContain(CHOICE_TERM);
    }
    expect(analyzer.analyze('pytorch and jax')).not.toContain(CHOICE_TERM);
    expect(analyzer.analyze('tensorflow or tensorflow lite')).not.toContain(CHOICE_TERM);
  });

  it('leaves words from other domains alone', () => {
    expect(analyzer.analyzeQuery('how do i cook pasta').corrections).toEqual([]);
  });
});
