import { writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, inspectKnowledge, loadKnowledge } from '../../src/knowledge/index.js';
import { resolvePlaceholders, statusPhrase } from '../../src/knowledge/releases.js';
import type { ReleaseProject } from '../../src/knowledge/schema.js';
import { validFixture, writeFixture, type FixtureFiles } from '../support/knowledge-fixture.js';

const project = (overrides: Partial<ReleaseProject> = {}): ReleaseProject => ({
  id: 'pytorch',
  name: 'PyTorch',
  aliases: ['torch'],
  former_names: [],
  topic: 'alpha',
  latest: { version: '2.14.0', released: '2026-09-02', sources: ['official-docs'] },
  next: { version: '2.15.0', stage: 'planned', date: '2026-10-28', sources: ['official-docs'] },
  status: { state: 'active', sources: ['official-docs'] },
  python: '3.10–3.14',
  support_sources: ['official-docs'],
  checked: '2026-12-01',
  ...overrides,
});

const registry = (...projects: ReleaseProject[]) => new Map(projects.map((p) => [p.id, p]));

describe('placeholders resolve from the registry', () => {
  const projects = registry(project());

  it('replaces every field with the registry value, written for prose', () => {
    const { text, problems } = resolvePlaceholders(
      '{{pytorch.name}} {{pytorch.latest}} came out in {{pytorch.latest_date}}; next: {{pytorch.next}}. It is {{pytorch.status}}; Python {{pytorch.python}}; checked {{pytorch.checked}}.',
      projects,
    );
    expect(problems).toEqual([]);
    expect(text).toBe(
      'PyTorch 2.14.0 came out in September 2026; next: 2.15.0, planned for 28 October 2026 (release not confirmed as of 1 December 2026). ' +
        'It is actively developed; Python 3.10–3.14; checked 1 December 2026.',
    );
  });

  it('names an unknown project, an unknown field and a field the entry does not give', () => {
    const { problems } = resolvePlaceholders('{{pytorh.latest}} {{pytorch.newest}} {{pytorch.cuda}}', projects);
    expect(problems).toEqual([
      expect.stringMatching(/^\{\{pytorh\.latest\}\}: unknown project "pytorh"/),
      expect.stringMatching(/^\{\{pytorch\.newest\}\}: unknown field "newest"/),
      expect.stringMatching(/^\{\{pytorch\.cuda\}\}: knowledge\/releases\.yaml has no cuda for "pytorch"/),
    ]);
  });

  it('reports malformed braces instead of printing them to users', () => {
    expect(resolvePlaceholders('see {{ pytorch latest }}', projects).problems).toEqual([expect.stringMatching(/not a placeholder/)]);
  });

  it('says a release candidate is not the final release, and a dormant project since when', () => {
    const tf = project({
      id: 'tensorflow',
      name: 'TensorFlow',
      latest: { version: '2.21.0', released: '2026-03', sources: ['x'] },
      next: { version: '2.22.0', stage: 'release-candidate', date: '2026-11', sources: ['x'] },
    });
    expect(resolvePlaceholders('{{tensorflow.next}}', registry(tf)).text).toBe(
      '2.22.0, in release candidates since November 2026 (final release not confirmed as of 1 December 2026)',
    );
    expect(statusPhrase(project({ status: { state: 'dormant', sources: ['x'] } }))).toBe(
      'not formally deprecated, but without a release since September 2026',
    );
    expect(statusPhrase(project({ status: { state: 'limited-maintenance', since: '2025-02', sources: ['x'] } }))).toBe(
      'in limited maintenance since February 2025',
    );
    expect(statusPhrase(project({ status: { state: 'renamed', successor: 'LiteRT', since: '2024-09', sources: ['x'] } }))).toBe(
      'renamed to LiteRT (September 2024)',
    );
  });

  it('writes "by <month>" when a source only shows the release existed by a date', () => {
    const jax = project({ id: 'jax', latest: { version: '0.11.1', released_by: '2026-08-25', sources: ['x'] } });
    expect(resolvePlaceholders('{{jax.latest_date}}', registry(jax)).text).toBe('by August 2026');
  });
});

type Topic = { faq: Record<string, unknown>[]; claims: Record<string, unknown>[] };
const topicOf = (files: FixtureFiles, id: string) => files.topics[id] as Topic;

function withRegistry(mutate: (files: FixtureFiles, releases: Record<string, unknown>) => void) {
  const files = validFixture();
  const releases: Record<string, unknown> = { projects: [{ ...project(), next: undefined }] };
  mutate(files, releases);
  const dir = writeFixture(files);
  writeFileSync(`${dir}/releases.yaml`, yaml.dump(JSON.parse(JSON.stringify(releases))));
  return dir;
}

describe('loading the registry with the knowledge', () => {
  it('resolves placeholders in answers and claims when the knowledge loads', () => {
    const dir = withRegistry((files) => {
      topicOf(files, 'alpha').faq[0]!.answer = 'The latest PyTorch is {{pytorch.latest}} ({{pytorch.latest_date}}).';
      topicOf(files, 'alpha').claims[0]!.now = 'PyTorch is {{pytorch.status}}.';
    });
    const knowledge = loadKnowledge(dir);
    expect(knowledge.faq[0]!.answer).toBe('The latest PyTorch is 2.14.0 (September 2026).');
    expect(knowledge.claims[0]!.now).toBe('PyTorch is actively developed.');
    expect(knowledge.releases.map((p) => p.id)).toEqual(['pytorch']);
  });

  it('an unknown project or field is a load error naming the file, the entry and the field', () => {
    const dir = withRegistry((files) => {
      topicOf(files, 'beta').faq[1]!.answer = 'Now at {{pytorch.newest}}.';
      topicOf(files, 'beta').claims[0]!.now = 'Now at {{keras.latest}}.';
    });
    const problems = inspectKnowledge(dir).problems.map((p) => `${p.file}: ${p.where}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/topics\/beta\.yaml: faq\[1\] "beta-q2" > answer: \{\{pytorch\.newest\}\}: unknown field/),
      expect.stringMatching(/topics\/beta\.yaml: claims\[0\] "beta-claim" > now: \{\{keras\.latest\}\}: unknown project "keras"/),
    ]);
  });

  it('an FAQ entry without a check date is a load error', () => {
    const dir = withRegistry((files) => {
      delete topicOf(files, 'alpha').faq[0]!.checked;
    });
    expect(inspectKnowledge(dir).problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      expect.stringMatching(/faq\[0\] "alpha-q1" > checked/),
    ]);
  });

  it('applies the answer length limit to the resolved text', () => {
    const dir = withRegistry((files, releases) => {
      const long = 'x'.repeat(640);
      (releases.projects as ReleaseProject[])[0]!.status = { state: 'active', sources: ['official-docs'] };
      topicOf(files, 'alpha').faq[0]!.answer = `${long} {{pytorch.status}}`;
    });
    expect(inspectKnowledge(dir).problems.map((p) => p.message)).toEqual([expect.stringMatching(/at most 650 characters/)]);
  });

  it('a registry entry citing an unknown source is a problem of releases.yaml', () => {
    const dir = withRegistry((_files, releases) => {
      (releases.projects as ReleaseProject[])[0]!.latest.sources = ['nowhere'];
    });
    expect(inspectKnowledge(dir).problems.map((p) => `${p.file}: ${p.where}: ${p.message}`)).toEqual([
      expect.stringMatching(/releases\.yaml: projects "pytorch" > latest > sources: unknown source id "nowhere"/),
    ]);
  });

  it('the shipped registry tracks every project the issue names, each checked and sourced', () => {
    const knowledge = loadKnowledge(defaultKnowledgeDir());
    const ids = knowledge.releases.map((p) => p.id);
    for (const required of [
      'pytorch',
      'tensorflow',
      'keras',
      'jax',
      'transformers',
      'transformers-js',
      'executorch',
      'litert',
      'tfjs',
      'onnxruntime',
      'torchserve',
      'tf-serving',
      'pytorch-xla',
    ]) {
      expect(ids).toContain(required);
    }
    for (const entry of knowledge.releases) {
      expect(entry.checked, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.latest.sources.length, entry.id).toBeGreaterThan(0);
    }
  });
});

describe('the shipped knowledge agrees with the registry', () => {
  it('no answer, claim, comparison or reason states a current version or status the registry contradicts', async () => {
    const { findContradictions } = await import('../../src/knowledge/contradictions.js');
    const found = findContradictions(loadKnowledge(defaultKnowledgeDir())).map((c) => `${c.file}: ${c.where}: ${c.message}`);
    expect(found).toEqual([]);
  });
});
