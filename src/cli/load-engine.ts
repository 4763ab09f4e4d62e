// Shared start-up for the command-line tools: load the knowledge and build the engine. A broken
// knowledge base is a KnowledgeError (an OperatorError) whose message names the file, entry and field.
import { createCachedEngine } from '../app/prebuilt-index.js';
import type { Engine } from '../engine/index.js';
import { defaultKnowledgeDir, loadKnowledge } from '../knowledge/index.js';

export function loadEngine(knowledgeDir = defaultKnowledgeDir()): Engine {
  return createCachedEngine(loadKnowledge(knowledgeDir));
}
