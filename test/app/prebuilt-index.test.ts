import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { createCachedEngine, warmIndexCache } from '../../src/app/prebuilt-index.js';
import { createEngine, type PrebuiltIndex, prebuildIndex } from '../../src/engine/index.js';
import { knowledgeTexts, textsFingerprint } from '../../src/engine/text/analyzer.js';
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
    // Through V8's serialisation, as a later start reads it.
    const prebuilt = deserialize(serialize(prebuildIndex(knowledge))) as PrebuiltIndex;
    expect(answersOf(createEngine(knowledge, { prebuilt }))).toEqual(expected);
  });

  it('can be stored ahead of time, once, and is then read rather than built', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'index-cache-'));
    const indexFiles = () => readdirSync(cacheDir).filter((name) => name.startsWith('index-'));
    warmIndexCache(knowledge, { cacheDir });
    const [stored] = indexFiles();
    expect(stored).toBeDefined();
    const writtenAt = statSync(join(cacheDir, stored!)).mtimeMs;
    warmIndexCache(knowledge, { cacheDir });
    expect(indexFiles()).toEqual([stored]);
    expect(statSync(join(cacheDir, stored!)).mtimeMs).toBe(writtenAt);
    expect(answersOf(createCachedEngine(knowledge, { cacheDir }))).toEqual(expected);
    expect(indexFiles()).toEqual([stored]);
  });

  it('is used only when it was read from the same texts, and ignored otherwise', () => {
    const prebuilt = prebuildIndex(knowledge);
    const { vocabulary } = prebuilt;
    // Every word read as a nonsense term: used as it is when it fits (so the checks below mean something).
    const words = vocabulary.words.map(([word, , count]): [string, string | null, number] => [word, 'bogus', count]);
    const withVocabulary = (changed: Partial<PrebuiltIndex['vocabulary']>) => ({
      ...prebuilt,
      vocabulary: { ...vocabulary, words, ...changed },
    });
    expect(answersOf(createEngine(knowledge, { prebuilt: withVocabulary({}) }))).not.toEqual(expected);
    // Read from texts that differ by one edit, or with other synonyms: computed afresh.
    const texts = knowledgeTexts(knowledge);
    const edited = [...texts.slice(0, -1), `${texts.at(-1)} (edited)`];
    expect(answersOf(createEngine(knowledge, { prebuilt: withVocabulary({ fingerprint: textsFingerprint(edited) }) }))).toEqual(expected);
    expect(answersOf(createEngine(knowledge, { prebuilt: withVocabulary({ synonyms: '[]' }) }))).toEqual(expected);
  });

  it('uses its built indexes only for knowledge laid out the same way', () => {
    const prebuilt = prebuildIndex(knowledge);
    const { entries } = prebuilt.search;
    // Postings under other terms: every entry answers to the wrong words.
    const shuffled = { ...prebuilt.search, entries: { ...entries, terms: [...entries.terms.slice(1), entries.terms[0]!] } };
    expect(answersOf(createEngine(knowledge, { prebuilt: { ...prebuilt, search: shuffled } }))).not.toEqual(expected);
    // Built for entries arranged otherwise (a phrasing moved, a keyword renamed, an entry's topic changed): built afresh.
    const layout = prebuilt.layout.replace('"', '"moved-');
    expect(answersOf(createEngine(knowledge, { prebuilt: { ...prebuilt, layout, search: shuffled } }))).toEqual(expected);
  });
});
