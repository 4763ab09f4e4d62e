// Builds the engine with its prebuilt index (every knowledge text analysed, every word stemmed
// and counted, and the search indexes built from them) cached beside the validated knowledge,
// keyed by what the knowledge says and by the engine's code (its modules and the locked package
// versions). Building them was nearly all of building the engine. The engine itself stays pure:
// this module does the reading and writing, and the engine ignores a prebuilt index that does
// not fit the knowledge's texts.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { createEngine, type Engine, type PrebuiltIndex, prebuildIndex } from '../engine/index.js';
import {
  cacheEntryExists,
  codeFingerprint,
  defaultKnowledgeCacheDir,
  type Knowledge,
  knowledgeContentKey,
  readCacheEntry,
  writeCacheEntry,
} from '../knowledge/index.js';

/**
 * Bumped when the cached form changes. It is stored in V8's serialisation format (see
 * CacheFormat), which keeps typed arrays as their bytes in this machine's order and belongs to
 * the V8 version that wrote it: both are part of the key.
 */
const FORMAT = `prebuilt-index-4-${endianness()}-v8-${process.versions.v8}`;

let engineCode: string | undefined;
/** The engine's modules, the knowledge model they read, and the locked dependency versions (stemmer). */
const engineCodeFingerprint = () => (engineCode ??= codeFingerprint(['engine'], ['knowledge/model.ts', 'knowledge/model.js']));

export interface CachedEngineOptions {
  /** Where prebuilt indexes are kept (the validated knowledge's cache by default); false for none. */
  cacheDir?: string | false;
}

/** The cache entry's name for this knowledge's prebuilt index under the current engine code. */
function indexEntryName(knowledge: Knowledge): string {
  const key = createHash('sha256')
    .update(`${FORMAT}\0${engineCodeFingerprint()}\0${knowledgeContentKey(knowledge)}`)
    .digest('hex');
  return `index-${key}`;
}

/** createEngine(knowledge), reading its prebuilt index from the cache or storing it there. Answers are the same either way. */
export function createCachedEngine(
  knowledge: Knowledge,
  { cacheDir = defaultKnowledgeCacheDir() ?? false }: CachedEngineOptions = {},
): Engine {
  if (!cacheDir) return createEngine(knowledge);
  const name = indexEntryName(knowledge);
  let prebuilt = readCacheEntry<PrebuiltIndex>(cacheDir, name, 'v8');
  if (!prebuilt) {
    prebuilt = prebuildIndex(knowledge);
    writeCacheEntry(cacheDir, name, prebuilt, 'v8');
  }
  return createEngine(knowledge, { prebuilt });
}

/**
 * Stores the prebuilt index unless the cache already holds it, without building an engine: for a
 * caller that starts many processes at once (the test run), which would otherwise each build it.
 */
export function warmIndexCache(knowledge: Knowledge, { cacheDir = defaultKnowledgeCacheDir() ?? false }: CachedEngineOptions = {}): void {
  if (!cacheDir) return;
  const name = indexEntryName(knowledge);
  if (!cacheEntryExists(cacheDir, name, 'v8')) writeCacheEntry(cacheDir, name, prebuildIndex(knowledge), 'v8');
}
