export { loadKnowledge, inspectKnowledge, formatProblem, KnowledgeError, type KnowledgeProblem, type KnowledgeInspection } from './load.js';
export { defaultKnowledgeDir } from './location.js';
export type { Knowledge, Topic, TopicFaqEntry, TopicClaim } from './model.js';
export * from './schema.js';
export {
  cacheEntryExists,
  codeFingerprint,
  defaultKnowledgeCacheDir,
  knowledgeContentKey,
  readCacheEntry,
  writeCacheEntry,
} from './validated-cache.js';
