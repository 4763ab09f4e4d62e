import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/index.js';
import { validFixture, writeFixture } from '../support/knowledge-fixture.js';

const emptyCacheDir = () => mkdtempSync(join(tmpdir(), 'kb-cache-'));
const cachedFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('the cache of validated knowledge', () => {
  it('gives exactly what loading and validating the same files gives', () => {
    const dir = writeFixture(validFixture());
    const cacheDir = emptyCacheDir();
    const validated = loadKnowledge(dir, { cacheDir: false });
    expect(loadKnowledge(dir, { cacheDir })).toStrictEqual(validated);
    expect(cachedFiles(cacheDir)).toHaveLength(1);
    expect(loadKnowledge(dir, { cacheDir })).toStrictEqual(validated);
  });

  it('reads a changed file afresh, never the old result', () => {
    const files = validFixture();
    const cacheDir = emptyCacheDir();
    const dir = writeFixture(files);
    loadKnowledge(dir, { cacheDir });
    const topic = files.topics.alpha as { faq: { answer: string }[] };
    topic.faq[0]!.answer = 'A different answer, written after the first load.';
    const changed = writeFixture(files);
    const file = join(changed, 'topics', 'alpha.yaml');
    // The same directory, one file rewritten.
    writeFileSync(join(dir, 'topics', 'alpha.yaml'), readFileSync(file, 'utf8'));
    expect(loadKnowledge(dir, { cacheDir }).faq[0]!.answer).toBe('A different answer, written after the first load.');
    expect(cachedFiles(cacheDir)).toHaveLength(2);
  });

  it('never stores a knowledge base with problems: every load reports them', () => {
    const files = validFixture();
    (files.topics.alpha as { faq: { answer: string }[] }).faq[0]!.answer = '';
    const dir = writeFixture(files);
    const cacheDir = emptyCacheDir();
    expect(() => loadKnowledge(dir, { cacheDir })).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir, { cacheDir })).toThrow(KnowledgeError);
    expect(cachedFiles(cacheDir)).toEqual([]);
  });

  it('treats an unreadable entry as no entry', () => {
    const dir = writeFixture(validFixture());
    const cacheDir = emptyCacheDir();
    const validated = loadKnowledge(dir, { cacheDir });
    const [entry] = cachedFiles(cacheDir);
    writeFileSync(join(cacheDir, entry!), '{"topics": [');
    expect(loadKnowledge(dir, { cacheDir })).toStrictEqual(validated);
    expect(JSON.parse(readFileSync(join(cacheDir, entry!), 'utf8'))).toStrictEqual(validated);
  });
});
