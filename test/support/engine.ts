// One engine over the shipped knowledge, shared by the tests of a worker. It reads its prebuilt
// index from the cache the test run's global setup filled (see compiled-src.ts) instead of
// building it in every worker; test/app/prebuilt-index.test.ts holds that the answers are the same.
import { createCachedEngine } from '../../src/app/prebuilt-index.js';
import type { Engine } from '../../src/engine/index.js';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/index.js';

let engine: Engine | undefined;

export function shippedEngine(): Engine {
  engine ??= createCachedEngine(loadKnowledge(defaultKnowledgeDir()));
  return engine;
}
