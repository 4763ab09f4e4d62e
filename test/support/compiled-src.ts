// The sources compiled to JavaScript once per test run, for the child processes the tests start.
//
// The integration tests run the bot and the command-line tools as real processes, about fifty
// of them per run. Under tsx each one compiled the TypeScript it imports again before doing
// anything (tsx's cache only spares the compiler, not the loader thread and the hooks on every
// import): one to two seconds of CPU per process on a busy two-core machine, most of a minute
// per run. Here vitest's global setup compiles every module of src/ once, file by file and
// folder for folder as `tsc -p tsconfig.build.json` lays out the image's dist/ (esbuild, the
// compiler tsx itself uses, in well under a second; with the test entry points that import it),
// and the processes run that. The code is the same; only when it is compiled changes.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');
/** Set for the test workers: the folder holding the compiled src/ (src/main.js, src/cli/ask.js...). */
export const COMPILED_SRC_ENV = 'PVT_COMPILED_SRC';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));
}

/**
 * Compiles src/ into a new folder under node_modules/.cache (inside the project, so that the
 * compiled modules find node_modules and the project root the way dist/ does); returns it.
 */
export async function compileSources(): Promise<string> {
  const parent = join(root, 'node_modules', '.cache', 'pytorch-vs-tf');
  mkdirSync(parent, { recursive: true });
  const outdir = mkdtempSync(join(parent, 'test-src-'));
  await build({
    // src/ and the test entry points that import it, each where it sits in the project, so their
    // relative imports hold.
    entryPoints: [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'test', 'support', 'entry-points'))],
    outdir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return outdir;
}

/** The compiled counterpart of a module ('src/cli/ask.ts'), when the setup compiled it. */
export function compiledCounterpart(script: string): string | undefined {
  const dir = process.env[COMPILED_SRC_ENV];
  if (!dir || !/^(?:src|test\/support\/entry-points)\/.+\.ts$/.test(script)) return undefined;
  return join(dir, script.replace(/\.ts$/, '.js'));
}

/**
 * Validates the shipped knowledge and builds its prebuilt index into the cache, once, for the
 * modules under `src` (the sources as the workers import them, or the compiled ones the child
 * processes run: their code differs, so their cache keys do). On a fresh clone the cache is
 * empty, and the workers and the first bot processes, starting together, would each do this
 * work (a few seconds of CPU each); later runs find it cached and this costs a cache read.
 */
async function warmShippedKnowledge(src: string): Promise<void> {
  const { defaultKnowledgeDir, loadKnowledge } = await import(pathToFileURL(join(src, 'knowledge', 'index.js')).href);
  const { warmIndexCache } = await import(pathToFileURL(join(src, 'app', 'prebuilt-index.js')).href);
  warmIndexCache(loadKnowledge(defaultKnowledgeDir()));
}

/** vitest's global setup: compile once, tell the workers where, warm the caches, remove it afterwards. */
export default async function setup(): Promise<() => void> {
  const dir = await compileSources();
  process.env[COMPILED_SRC_ENV] = dir;
  await warmShippedKnowledge(join(root, 'src'));
  await warmShippedKnowledge(join(dir, 'src'));
  return () => rmSync(dir, { recursive: true, force: true });
}
