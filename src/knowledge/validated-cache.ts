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
import { deserialize, serialize } from 'node:v8';
import type { Knowledge } from './model.js';

/** Bumped when the cached form itself changes. */
const FORMAT = 'validated-knowledge-1';
/** Older entries of a kind beyond this many are removed when one is written (test fixtures make many). */
const KEEP_ENTRIES = 16;
/** An entry's file name after its kind: the key, then .json or .v8 (see CacheFormat). */
const ENTRY = /^[0-9a-f]{64}\.(?:json|v8)$/;

/**
 * How an entry is stored. JSON reads plain records and strings fastest (the validated knowledge:
 * V8's format took 20 to 40 ms longer for it). V8's serialisation format (node:v8, the
 * structured-clone format) keeps typed arrays as their bytes and reads them back several times
 * faster than JSON with base64 (the 2.7 MB prebuilt index: about 10 ms against 100 ms and more).
 * A V8 entry belongs to the V8 version that wrote it: a caller storing one keys it by that version.
 */
const CODECS = {
  json: { encode: (value: unknown) => JSON.stringify(value), decode: (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown },
  v8: { encode: serialize, decode: deserialize },
} satisfies Record<string, { encode(value: unknown): string | Buffer; decode(bytes: Buffer): unknown }>;
export type CacheFormat = keyof typeof CODECS;
const fileOf = (cacheDir: string, name: string, format: CacheFormat) => join(cacheDir, `${name}.${format}`);

/** The knowledge files the loader reads, by path relative to the knowledge directory, with their text. */
export type KnowledgeFiles = ReadonlyMap<string, string>;

/** The source root (src/ or dist/): the folder above this one. */
const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module below `dir`, in a stable order. */
function modulesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? modulesUnder(path) : /\.(ts|js|mjs)$/.test(name) ? [path] : [];
    });
}

/**
 * A hash of the code a cached result was computed with: the modules below the given folders of
 * the source root (and any single modules named), their names and bytes, and the locked package
 * versions. Any change to them makes every older entry a miss.
 */
export function codeFingerprint(folders: readonly string[], modules: readonly string[] = []): string {
  const hash = createHash('sha256');
  const files = [
    ...folders.flatMap((folder) => modulesUnder(join(SOURCE_ROOT, folder))),
    ...modules.map((module) => join(SOURCE_ROOT, module)),
  ];
  for (const file of files.filter(existsSync)) {
    hash
      .update(`${file.slice(SOURCE_ROOT.length)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.update(lockedVersions()).digest('hex');
}

let lockDigest: string | undefined;
/** A hash of package-lock.json, read once: every fingerprint of a start includes it. */
function lockedVersions(): string {
  if (lockDigest === undefined) {
    const lock = join(projectRoot(SOURCE_ROOT) ?? SOURCE_ROOT, 'package-lock.json');
    lockDigest = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : '';
  }
  return lockDigest;
}

let loaderCode: string | undefined;
/** The loader's code: this folder's modules and the locked versions of zod and js-yaml. */
const loaderCodeFingerprint = () => (loaderCode ??= codeFingerprint(['knowledge']));

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

/** The content key of knowledge that loadKnowledge returned, so later caches need not hash it again. */
const keysOfLoaded = new WeakMap<Knowledge, string>();

export function rememberKnowledgeKey(knowledge: Knowledge, key: string): void {
  keysOfLoaded.set(knowledge, key);
}

/** A hash of what the knowledge says: its files' key when loadKnowledge returned it, its JSON otherwise. */
export function knowledgeContentKey(knowledge: Knowledge): string {
  return keysOfLoaded.get(knowledge) ?? createHash('sha256').update(JSON.stringify(knowledge)).digest('hex');
}

export function readCachedKnowledge(cacheDir: string, key: string): Knowledge | undefined {
  return readCacheEntry<Knowledge>(cacheDir, `knowledge-${key}`);
}

export function writeCachedKnowledge(cacheDir: string, key: string, knowledge: Knowledge): void {
  writeCacheEntry(cacheDir, `knowledge-${key}`, knowledge);
}

/** A cached value by name (a kind, a hyphen, a hex key), or undefined when missing or unreadable. */
export function readCacheEntry<T>(cacheDir: string, name: string, format: CacheFormat = 'json'): T | undefined {
  try {
    return CODECS[format].decode(readFileSync(fileOf(cacheDir, name, format))) as T;
  } catch {
    return undefined;
  }
}

/** Whether the cache holds an entry by this name (a cheap check; reading it may still fail). */
export function cacheEntryExists(cacheDir: string, name: string, format: CacheFormat = 'json'): boolean {
  return existsSync(fileOf(cacheDir, name, format));
}

/** Stores a value (see CacheFormat); keeps the newest few of its kind. Failures are ignored (best effort). */
export function writeCacheEntry(cacheDir: string, name: string, value: unknown, format: CacheFormat = 'json'): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = fileOf(cacheDir, name, format);
    // Written under a temporary name, then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, CODECS[format].encode(value));
    renameSync(partial, file);
    const kind = name.slice(0, name.lastIndexOf('-') + 1);
    const entries = readdirSync(cacheDir)
      .filter((entry) => entry.startsWith(kind) && ENTRY.test(entry.slice(kind.length)))
      .map((entry) => ({ entry, modified: statSync(join(cacheDir, entry)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const { entry } of entries.slice(KEEP_ENTRIES)) unlinkSync(join(cacheDir, entry));
  } catch {
    // A read-only or full disk only costs the next start the full work.
  }
}
