// A cache of validated knowledge, keyed by a hash of everything the result depends on: the bytes
// of every file the loader reads, and the loader's own code (this directory's modules and the
// locked package versions, so a changed schema or parser never reads an old result). Reading
// YAML and checking it with zod was about a third of start-up; JSON of the same data reads in a
// few milliseconds. Only a knowledge base with no problems is stored, so a hit is exactly what
// loading and validating the same bytes gives; any change to a file is a miss, validated in full.
// Best effort: a cache that cannot be read or written is the same as no cache.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from './model.js';

/** Bumped when the cached form itself changes. */
const FORMAT = 'validated-knowledge-1';
/** Older entries beyond this many are removed when one is written (test fixtures make many). */
const KEEP_ENTRIES = 16;
const ENTRY = /^knowledge-[0-9a-f]{64}\.json$/;

/** The knowledge files the loader reads, by path relative to the knowledge directory, with their text. */
export type KnowledgeFiles = ReadonlyMap<string, string>;

let codeFingerprint: string | undefined;

/** The loader's code: the modules beside this one and the locked dependency versions (zod, js-yaml). */
function loaderCodeFingerprint(): string {
  if (codeFingerprint !== undefined) return codeFingerprint;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (!/\.(ts|js|mjs)$/.test(name)) continue;
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(here, name)))
      .update('\0');
  }
  const lock = join(projectRoot(here) ?? here, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  codeFingerprint = hash.digest('hex');
  return codeFingerprint;
}

function projectRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** node_modules/.cache/pytorch-vs-tf in the project, where build tools keep their caches. */
export function defaultKnowledgeCacheDir(): string | undefined {
  const root = projectRoot(dirname(fileURLToPath(import.meta.url)));
  return root ? join(root, 'node_modules', '.cache', 'pytorch-vs-tf') : undefined;
}

/** The key of a set of knowledge files: their paths and bytes, in order, and the loader's code. */
export function knowledgeKey(files: KnowledgeFiles): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${loaderCodeFingerprint()}\0`);
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${path}\0${text.length}\0`).update(text).update('\0');
  }
  return hash.digest('hex');
}

export function readCachedKnowledge(cacheDir: string, key: string): Knowledge | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, `knowledge-${key}.json`), 'utf8')) as Knowledge;
  } catch {
    return undefined;
  }
}

export function writeCachedKnowledge(cacheDir: string, key: string, knowledge: Knowledge): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `knowledge-${key}.json`);
    // Written under a temporary name, then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(knowledge));
    renameSync(partial, file);
    const entries = readdirSync(cacheDir)
      .filter((name) => ENTRY.test(name))
      .map((name) => ({ name, modified: statSync(join(cacheDir, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const { name } of entries.slice(KEEP_ENTRIES)) unlinkSync(join(cacheDir, name));
  } catch {
    // A read-only or full disk only costs the next start the full validation.
  }
}
