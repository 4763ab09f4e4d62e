// One engine over the shipped knowledge, shared by the tests of a file.
import { createEngine, type Engine } from '../../src/engine/index.js';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/index.js';

let engine: Engine | undefined;

export function shippedEngine(): Engine {
  engine ??= createEngine(loadKnowledge(defaultKnowledgeDir()));
  return engine;
}
