import { writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { staleReport } from '../../src/knowledge/stale.js';
import { runScript } from '../support/run-script.js';
import { validFixture, writeFixture, type FixtureFiles } from '../support/knowledge-fixture.js';

type Topic = { faq: Record<string, unknown>[]; claims: Record<string, unknown>[] };
const topicOf = (files: FixtureFiles, id: string) => files.topics[id] as Topic;

const registry = {
  projects: [
    {
      id: 'pytorch',
      name: 'PyTorch',
      topic: 'alpha',
      latest: { version: '2.14.0', released: '2026-09-02', sources: ['official-docs'] },
      status: { state: 'active', sources: ['official-docs'] },
      checked: '2026-11-01',
    },
    {
      id: 'torchserve',
      name: 'TorchServe',
      topic: 'beta',
      latest: { version: '0.12.0', released: '2024-09-24', sources: ['official-docs'] },
      status: { state: 'limited-maintenance', since: '2025-02', sources: ['official-docs'] },
      checked: '2026-11-25',
      review_days: 60,
    },
  ],
};

/** A knowledge directory with the fixture topics, a registry, and the changes a test needs. */
function knowledgeDir(mutate: (files: FixtureFiles) => void = () => {}): string {
  const files = validFixture();
  mutate(files);
  const dir = writeFixture(files);
  writeFileSync(`${dir}/releases.yaml`, yaml.dump(registry));
  return dir;
}

function datedDir() {
  return knowledgeDir((files) => {
    const alpha = topicOf(files, 'alpha');
    alpha.faq[0]!.checked = '2026-11-30';
    alpha.faq[1]!.checked = '2026-08-01';
    alpha.faq[2]!.checked = '2026-11-30';
    alpha.faq[2]!.review_days = 10;
    alpha.faq[2]!.versions = { pytorch: '2.13' };
    alpha.claims[0]!.versions = { pytorch: '2.14', keras: '3.15.1' };
    topicOf(files, 'beta').faq[0]!.answer = 'TorchServe is actively maintained and the latest PyTorch is 2.13.';
  });
}

describe('the staleness report', () => {
  const report = staleReport(loadKnowledge(datedDir()), '2026-12-20');

  it('lists entries past their review interval (90 days unless the entry says otherwise), most overdue first', () => {
    expect(report.due.map((d) => [d.id, d.due, d.daysOverdue])).toEqual([
      ['alpha-q2', '2026-10-30', 51],
      ['alpha-q3', '2026-12-10', 10],
    ]);
  });

  it('lists entries checked against an older release than the registry’s latest', () => {
    expect(report.behind).toEqual([
      { file: 'knowledge/topics/alpha.yaml', kind: 'faq', id: 'alpha-q3', projectId: 'pytorch', checkedAgainst: '2.13', latest: '2.14.0' },
    ]);
  });

  it('names a checked-against project the registry does not track', () => {
    expect(report.problems).toEqual([expect.stringMatching(/claim "alpha-claim" > versions: "keras" is not a project/)]);
  });

  it('lists registry entries past their interval (30 days by default)', () => {
    expect(report.registryDue.map((d) => [d.id, d.due])).toEqual([['pytorch', '2026-12-01']]);
  });

  it('lists prose that contradicts the registry, naming file, entry and what to write instead', () => {
    expect(report.contradictions.map((c) => `${c.file}: ${c.where}: ${c.message}`)).toEqual([
      expect.stringMatching(
        /beta\.yaml: faq "beta-q1" > answer: says PyTorch is currently at 2\.13, .* has 2\.14\.0; write \{\{pytorch\.latest\}\}/,
      ),
      expect.stringMatching(
        /beta\.yaml: faq "beta-q1" > answer: says TorchServe is actively maintained, .* in limited maintenance since February 2025/,
      ),
    ]);
  });
});

describe('npm run kb:stale', () => {
  it('prints the report as JSON and exits 1 when the prose contradicts the registry', () => {
    const run = runScript('src/cli/kb-stale.ts', ['--json', '--today', '2026-12-20', '--knowledge', datedDir()]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ today: '2026-12-20', entries: 8 });
    expect(report.contradictions).toHaveLength(2);
    expect(report.due).toHaveLength(2);
  });

  it('exits 0 when nothing contradicts the registry, even with checks due, and says what is due', () => {
    const run = runScript('src/cli/kb-stale.ts', ['--today', '2027-06-01', '--knowledge', knowledgeDir()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Contradictions with knowledge\/releases\.yaml: 0/);
    expect(run.stdout).toMatch(/Registry entries due for a check: 2/);
    expect(run.stdout).toMatch(/Entries past their review interval: 8/);
  });

  it('refuses a malformed --today', () => {
    const run = runScript('src/cli/kb-stale.ts', ['--today', 'yesterday', '--knowledge', knowledgeDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--today must be a date/);
  });
});

describe('npm run kb:check', () => {
  it('fails on prose that contradicts the registry, naming the file, the entry and the field', () => {
    const run = runScript('src/cli/kb-check.ts', ['--knowledge', datedDir()]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/knowledge\/topics\/beta\.yaml: faq "beta-q1" > answer: says TorchServe is actively maintained/);
  });

  it('passes when the prose agrees with the registry', () => {
    expect(runScript('src/cli/kb-check.ts', ['--knowledge', knowledgeDir()]).status).toBe(0);
  });
});
