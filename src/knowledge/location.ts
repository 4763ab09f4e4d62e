// Where knowledge/ lives: next to package.json, whether the code runs from src/ (tsx) or dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultKnowledgeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Could not find the project root (no package.json above the code)');
    dir = parent;
  }
  return join(dir, 'knowledge');
}
