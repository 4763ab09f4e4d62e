// The dependency rule, read from the import statements: the engine is pure, the core never
// imports adapters, adapters never import each other, and only entry points read the environment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|mts|mjs)$/.test(name) ? [path] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const files = filesUnder(src).map((path) => {
  const code = withoutComments(readFileSync(path, 'utf8'));
  const imports = [...code.matchAll(/(import|export)\s([^'"]*?)from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
    specifier: m[3] ?? m[4]!,
    // `import type` and `export type` are erased: they load nothing at run time.
    typeOnly: /^type\s/.test(m[2] ?? ''),
  }));
  const toLocal = (s: string) => relative(src, resolve(dirname(path), s)).replace(/\.js$/, '.ts');
  const specifiers = imports.map((i) => i.specifier);
  const local = specifiers.filter((s) => s.startsWith('.')).map(toLocal);
  const packages = specifiers.filter((s) => !s.startsWith('.'));
  const runtime = imports.filter((i) => !i.typeOnly).map((i) => i.specifier);
  return {
    file: relative(src, path),
    code,
    local,
    packages,
    runtimeLocal: runtime.filter((s) => s.startsWith('.')).map(toLocal),
    runtimePackages: runtime.filter((s) => !s.startsWith('.')),
  };
});
const byFile = new Map(files.map((f) => [f.file, f]));

/** Every package a file loads at run time, through its own imports and those of the files it imports. */
function packagesLoadedBy(file: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const found = byFile.get(name);
    if (!found) return;
    for (const p of found.runtimePackages) packages.add(p);
    for (const l of found.runtimeLocal) visit(l);
  };
  visit(file);
  return packages;
}
const under = (folder: string) => files.filter((f) => f.file.startsWith(`${folder}/`));
const ENTRY_POINTS = /^(main\.ts|healthcheck\.ts|cli\/[^/]+\.ts|setup\/.+)$/;

describe('the dependency rule', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(under('engine').length).toBeGreaterThan(5);
  });

  it('keeps the engine pure: no I/O, no environment, no platform SDK', () => {
    for (const { file, local, runtimeLocal, packages, code } of under('engine')) {
      expect(
        packages.filter((p) => !['fuse.js', 'stemmer', 'lru-cache'].includes(p)),
        file,
      ).toEqual([]);
      // The knowledge as data; the schema's types are erased, the schema itself is never loaded.
      // releases.ts is the registry's pure wording (versions, dates, statuses), shared with the loader.
      const knowledge = ['knowledge/model.ts', 'knowledge/releases.ts'];
      expect(
        local.filter((l) => !l.startsWith('engine/') && ![...knowledge, 'knowledge/schema.ts'].includes(l)),
        file,
      ).toEqual([]);
      expect(
        runtimeLocal.filter((l) => !l.startsWith('engine/') && !knowledge.includes(l)),
        file,
      ).toEqual([]);
      expect(code, file).not.toMatch(/process\.env|process\.stdout|console\./);
      // Each adapter turns its platform's markup into plain words; the engine knows no platform.
      expect(code, file).not.toMatch(/slack|discord|[/'"`]<[@#!:]/i);
    }
  });

  it('loads no validation library with the engine or a renderer', () => {
    for (const { file } of [...under('engine'), ...under('render')]) expect([...packagesLoadedBy(file)], file).not.toContain('zod');
  });

  it('keeps the knowledge loader free of the engine, renderers and adapters', () => {
    for (const { file, local } of under('knowledge'))
      expect(
        local.filter((l) => /^(engine|render|adapters)\//.test(l)),
        file,
      ).toEqual([]);
  });

  it("lets renderers depend on the engine's contract and the shared words only, never on adapters or another platform", () => {
    const shared = ['render/labels.ts', 'render/messages.ts'];
    const contract = ['engine/index.ts', 'engine/types.ts', 'knowledge/model.ts', 'knowledge/releases.ts'];
    for (const { file, local } of under('render')) {
      const platform = file.split('/')[1];
      const allowed = (l: string) => l.startsWith(`render/${platform}/`) || shared.includes(l) || contract.includes(l);
      expect(
        local.filter((l) => !allowed(l)),
        file,
      ).toEqual([]);
    }
  });

  it("imports the engine, a renderer or a platform's adapter from outside only through its front door", () => {
    // The engine's contract is engine/types.ts; its index adds the factory and the command table.
    const doors: [string, (l: string) => boolean][] = [
      ['engine/', (l) => l === 'engine/index.ts' || l === 'engine/types.ts'],
      ...['render/slack/', 'render/discord/', 'render/text/'].map((folder): [string, (l: string) => boolean] => [
        folder,
        (l) => l === `${folder}index.ts`,
      ]),
      // A platform's markup reader is SDK-free: the terminal reads pasted chat text with it
      // without loading Bolt or discord.js.
      ...['adapters/slack/', 'adapters/discord/'].map((folder): [string, (l: string) => boolean] => [
        folder,
        (l) => l === `${folder}index.ts` || l === `${folder}incoming-text.ts`,
      ]),
    ];
    for (const { file, local } of files) {
      for (const [folder, isDoor] of doors) {
        if (file.startsWith(folder)) continue;
        expect(
          local.filter((l) => l.startsWith(folder) && !isDoor(l)),
          file,
        ).toEqual([]);
      }
    }
  });

  it('reads pasted chat text in the terminal without loading a platform SDK', () => {
    expect([...packagesLoadedBy('adapters/pasted-text.ts')]).toEqual([]);
  });

  it('keeps adapters apart: Slack never imports Discord and vice versa', () => {
    for (const [platform, other] of [
      ['slack', 'discord'],
      ['discord', 'slack'],
    ]) {
      for (const { file, local, packages } of under(`adapters/${platform}`)) {
        expect(
          local.filter((l) => l.includes(`/${other}/`)),
          file,
        ).toEqual([]);
        expect(
          packages.filter((p) => p.includes(other === 'slack' ? '@slack' : 'discord.js')),
          file,
        ).toEqual([]);
      }
    }
  });

  it("imports a platform's SDK only in that platform's adapter and renderer (and its scripts)", () => {
    const sdkOf = { slack: (p: string) => p.startsWith('@slack/'), discord: (p: string) => p.startsWith('discord.js') };
    for (const { file, packages } of files) {
      for (const [platform, isSdk] of Object.entries(sdkOf)) {
        const allowed =
          file.startsWith(`adapters/${platform}/`) || file.startsWith(`render/${platform}/`) || file === 'cli/discord-register.ts';
        if (!allowed) expect(packages.filter(isSdk), file).toEqual([]);
      }
    }
  });

  it('never imports tests, benchmarks or evaluation sets, so the build and the image need only src', () => {
    for (const { file, local, code } of files) {
      expect(
        local.filter((l) => l.startsWith('..')),
        file,
      ).toEqual([]);
      // Nor reads their folders by path: only the evaluation command takes its default sets from eval/.
      expect(code, file).not.toMatch(/['"`/](test|bench|fixtures)['"`/]/);
      if (file !== 'cli/eval.ts') expect(code, file).not.toMatch(/['"`]eval['"`]/);
    }
  });

  it('reads the environment and .env only in entry points', () => {
    for (const { file, code, packages } of files) {
      if (ENTRY_POINTS.test(file)) continue;
      expect(code, file).not.toMatch(/process\.env/);
      expect(packages, file).not.toContain('dotenv');
    }
  });
});
