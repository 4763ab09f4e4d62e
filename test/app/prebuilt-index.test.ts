import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCachedEngine } from '../../src/app/prebuilt-index.js';
import { createEngine, prebuildIndex } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { validFixture, writeFixture } from '../support/knowledge-fixture.js';

// Spelt right and wrong, in and out of scope, a command: the prebuilt index must change none of them.
const QUESTIONS = [
  'is pytorch faster than tensorflow?',
  'how do i run tensorflwo on windows with a gpu',
  'tf.function vs torch.compile',
  'what is the best pasta recipe',
  'compare deployment',
];
const answersOf = (engine: ReturnType<typeof createEngine>) => QUESTIONS.map((question) => engine.respond(question));

describe('the prebuilt index', () => {
  const knowledge = loadKnowledge(writeFixture(validFixture()), { cacheDir: false });
  const expected = answersOf(createEngine(knowledge));

  it('gives the same answers whether computed, stored or read back', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'index-cache-'));
    expect(answersOf(createCachedEngine(knowledge, { cacheDir }))).toEqual(expected);
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('index-'))).toHaveLength(1);
    expect(answersOf(createCachedEngine(knowledge, { cacheDir }))).toEqual(expected);
    // Through JSON, as a later start reads it.
    const prebuilt = JSON.parse(JSON.stringify(prebuildIndex(knowledge)));
    expect(answersOf(createEngine(knowledge, { prebuilt }))).toEqual(expected);
  });

  it('is used only when it was read from the same texts, and ignored otherwise', () => {
    const { vocabulary } = prebuildIndex(knowledge);
    const texts = vocabulary.texts.map(([text]): [string, string[]] => [text, ['bogus']]);
    // Read from these very texts: used as it is, even with nonsense terms (so the check below means something).
    expect(answersOf(createEngine(knowledge, { prebuilt: { vocabulary: { ...vocabulary, texts } } }))).not.toEqual(expected);
    // One text differs from the knowledge's: computed afresh.
    const [first, ...rest] = texts;
    const edited: [string, string[]][] = [[`${first![0]} (edited)`, first![1]], ...rest];
    expect(answersOf(createEngine(knowledge, { prebuilt: { vocabulary: { ...vocabulary, texts: edited } } }))).toEqual(expected);
    const otherSynonyms = { ...vocabulary, texts, synonyms: '[]' };
    expect(answersOf(createEngine(knowledge, { prebuilt: { vocabulary: otherSynonyms } }))).toEqual(expected);
  });
});
