import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../../../src/engine/text/analyzer.js';

const analyzer = createTextAnalyzer([
  { canonical: 'tensorflow', variants: ['tf', 'tensor flow'] },
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
    expect(terms).toEqual(['pytorch', 'tensorflow', 'distribut']);
  });

  it('leaves words from other domains alone', () => {
    expect(analyzer.analyzeQuery('how do i cook pasta').corrections).toEqual([]);
  });
});
