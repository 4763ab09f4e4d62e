// Shared start-up for the command-line tools: load the knowledge and build the engine, or stop
// with the loader's message (which names the file, entry and field) instead of a stack trace.
import { createEngine, type Engine } from '../engine/index.js';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge, type Knowledge } from '../knowledge/index.js';

export function loadEngineOrExit(knowledgeDir = defaultKnowledgeDir()): Engine {
  return createEngine(loadKnowledgeOrExit(knowledgeDir));
}

export function loadKnowledgeOrExit(knowledgeDir = defaultKnowledgeDir()): Knowledge {
  try {
    return loadKnowledge(knowledgeDir);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\nRun \`npm run kb:check\` for the full report.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Prints a usage error the way CLI users expect: the problem, then how to get help. */
export function exitWithUsageError(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
