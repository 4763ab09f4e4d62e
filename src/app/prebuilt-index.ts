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
  codeFingerprint,
  defaultKnowledgeCacheDir,
  type Knowledge,
  knowledgeContentKey,
  readCacheEntry,
  writeCacheEntry,
} from '../knowledge/index.js';

/** Bumped when the cached form changes. Typed arrays are stored as their bytes, in this machine's order. */
const FORMAT = `prebuilt-index-3-${endianness()}`;

let engineCode: string | undefined;
/** The engine's modules, the knowledge model they read, and the locked dependency versions (stemmer). */
const engineCodeFingerprint = () => (engineCode ??= codeFingerprint(['engine'], ['knowledge/model.ts', 'knowledge/model.js']));

export interface CachedEngineOptions {
  /** Where prebuilt indexes are kept (the validated knowledge's cache by default); false for none. */
  cacheDir?: string | false;
}

/** createEngine(knowledge), reading its prebuilt index from the cache or storing it there. Answers are the same either way. */
export function createCachedEngine(
  knowledge: Knowledge,
  { cacheDir = defaultKnowledgeCacheDir() ?? false }: CachedEngineOptions = {},
): Engine {
  if (!cacheDir) return createEngine(knowledge);
  const key = createHash('sha256')
    .update(`${FORMAT}\0${engineCodeFingerprint()}\0${knowledgeContentKey(knowledge)}`)
    .digest('hex');
  const name = `index-${key}`;
  const stored = readCacheEntry<unknown>(cacheDir, name);
  let prebuilt = stored === undefined ? undefined : (fromStorable(stored) as PrebuiltIndex);
  if (!prebuilt) {
    prebuilt = prebuildIndex(knowledge);
    writeCacheEntry(cacheDir, name, toStorable(prebuilt));
  }
  return createEngine(knowledge, { prebuilt });
}

const TYPED_ARRAYS = { Int32Array, Float64Array };
type TypedArrayName = keyof typeof TYPED_ARRAYS;
/** A typed array in JSON: its kind and its bytes in base64 (a number each in JSON would be several times larger and slower to read). */
interface StoredTypedArray {
  typedArray: TypedArrayName;
  base64: string;
}

const isStoredTypedArray = (value: object): value is StoredTypedArray =>
  typeof (value as StoredTypedArray).typedArray === 'string' && typeof (value as StoredTypedArray).base64 === 'string';

/** A copy of `value` that JSON can hold: its Int32Arrays and Float64Arrays as StoredTypedArrays. */
export function toStorable(value: unknown): unknown {
  if (value instanceof Int32Array || value instanceof Float64Array) {
    const typedArray: TypedArrayName = value instanceof Int32Array ? 'Int32Array' : 'Float64Array';
    return { typedArray, base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (Array.isArray(value)) return value.map(toStorable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toStorable(item)]));
  return value;
}

/** The value toStorable was given, read back from JSON (the typed arrays restored in place). */
export function fromStorable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object') value[i] = fromStorable(value[i]);
    return value;
  }
  if (isStoredTypedArray(value)) {
    const bytes = Buffer.from(value.base64, 'base64');
    const Kind = TYPED_ARRAYS[value.typedArray];
    // A new, aligned buffer: the decoded bytes may sit at any offset of a shared pool.
    const array = new Kind(bytes.byteLength / Kind.BYTES_PER_ELEMENT);
    new Uint8Array(array.buffer).set(bytes);
    return array;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = fromStorable(record[key]);
  return record;
}
