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
  const specifiers = [...code.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  const local = specifiers.filter((s) => s.startsWith('.')).map((s) => relative(src, resolve(dirname(path), s)).replace(/\.js$/, '.ts'));
  const packages = specifiers.filter((s) => !s.startsWith('.'));
  return { file: relative(src, path), code, local, packages };
});
const under = (folder: string) => files.filter((f) => f.file.startsWith(`${folder}/`));
const ENTRY_POINTS = /^(main\.ts|healthcheck\.ts|cli\/[^/]+\.ts|setup\/.+)$/;

describe('the dependency rule', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(under('engine').length).toBeGreaterThan(5);
  });

  it('keeps the engine pure: no I/O, no environment, no platform SDK', () => {
    for (const { file, local, packages, code } of under('engine')) {
      expect(
        packages.filter((p) => !['fuse.js', 'stemmer'].includes(p)),
        file,
      ).toEqual([]);
      expect(
        // releases.ts is the registry's pure wording (versions, dates, statuses), shared with the loader.
        local.filter(
          (l) => !l.startsWith('engine/') && !['knowledge/model.ts', 'knowledge/schema.ts', 'knowledge/releases.ts'].includes(l),
        ),
        file,
      ).toEqual([]);
      expect(code, file).not.toMatch(/process\.env|process\.stdout|console\./);
    }
  });

  it('keeps the knowledge loader free of the engine, renderers and adapters', () => {
    for (const { file, local } of under('knowledge'))
      expect(
        local.filter((l) => /^(engine|render|adapters)\//.test(l)),
        file,
      ).toEqual([]);
  });

  it('lets renderers depend on engine results only, never on adapters or another platform', () => {
    for (const { file, local } of under('render')) {
      const platform = file.split('/')[1];
      expect(
        local.filter((l) => l.startsWith('adapters/')),
        file,
      ).toEqual([]);
      expect(
        local.filter((l) => l.startsWith('render/') && !l.startsWith(`render/${platform}/`)),
        file,
      ).toEqual([]);
    }
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
