// Shared start-up for the command-line tools: load the knowledge and build the engine, or stop
// with the loader's message (which names the file, entry and field) instead of a stack trace.
import { createEngine, type Engine } from '../engine/index.js';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { fail } from './environment.js';

export function loadEngineOrExit(knowledgeDir = defaultKnowledgeDir()): Engine {
  return createEngine(loadKnowledgeOrExit(knowledgeDir));
}

export function loadKnowledgeOrExit(knowledgeDir = defaultKnowledgeDir()): Knowledge {
  try {
    return loadKnowledge(knowledgeDir);
  } catch (error) {
    if (error instanceof KnowledgeError) fail(`${error.message}\nRun \`npm run kb:check\` for the full report.`);
    throw error;
  }
}
