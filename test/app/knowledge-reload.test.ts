// Reloading the knowledge while the bot runs: a good edit is served from the next question on;
// a bad edit is refused whole, every problem is logged with its file and field, and the old
// knowledge keeps answering.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import yaml from 'js-yaml';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeReloader, type KnowledgeReloader } from '../../src/app/knowledge-reload.js';
import { createMetrics } from '../../src/app/metrics.js';
import { createEngine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { validFixture, writeFixture } from '../support/knowledge-fixture.js';

function setUp() {
  const files = validFixture();
  const dir = writeFixture(files);
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const slot = { current: createEngine(loadKnowledge(dir)) };
  const metrics = createMetrics();
  const reloader = createKnowledgeReloader({ dir, slot, logger: pino(sink), metrics });
  return { files, dir, slot, lines, metrics, reloader };
}

let reloader: KnowledgeReloader | undefined;
afterEach(() => reloader?.stop());

describe('reloading the knowledge', () => {
  it('serves a valid edit from the next question on', async () => {
    const setup = setUp();
    const alpha = setup.files.topics.alpha as { title: string };
    writeFileSync(join(setup.dir, 'topics', 'alpha.yaml'), yaml.dump({ ...alpha, title: 'A renamed topic' }));
    expect(setup.reloader.reload('test')).toBe(true);
    expect(setup.slot.current.knowledge.topics.find((t) => t.id === 'alpha')?.title).toBe('A renamed topic');
    expect(setup.lines.at(-1)).toMatchObject({ event: 'knowledge-reloaded', reason: 'test' });
    expect(await setup.metrics.registry.metrics()).toContain('pytorch_vs_tf_knowledge_reloads_total{result="ok"} 1');
  });

  it('refuses a bad edit whole, logs every problem with its file and field, and keeps the old knowledge', async () => {
    const setup = setUp();
    const before = setup.slot.current;
    const alpha = setup.files.topics.alpha as { faq: Record<string, unknown>[] };
    const brokenFaq = [{ ...alpha.faq[0], answer: 42 }, ...alpha.faq.slice(1)];
    writeFileSync(join(setup.dir, 'topics', 'alpha.yaml'), yaml.dump({ ...alpha, faq: brokenFaq }));
    appendFileSync(join(setup.dir, 'sources.yaml'), '\n  - this is: [not valid');
    expect(setup.reloader.reload('test')).toBe(false);
    expect(setup.slot.current).toBe(before);
    const problems = setup.lines.filter((line) => line.event === 'knowledge-problem');
    expect(problems.map((p) => p.file)).toEqual(expect.arrayContaining(['knowledge/topics/alpha.yaml', 'knowledge/sources.yaml']));
    expect(problems.find((p) => p.file === 'knowledge/topics/alpha.yaml')?.where).toMatch(/answer/);
    expect(setup.lines.at(-1)).toMatchObject({ event: 'knowledge-rejected', problems: problems.length });
    expect(await setup.metrics.registry.metrics()).toContain('pytorch_vs_tf_knowledge_reloads_total{result="rejected"} 1');
  });

  it('reloads by itself when a file under the directory is saved, while watching', async () => {
    const setup = setUp();
    reloader = setup.reloader;
    setup.reloader.watch();
    const beta = setup.files.topics.beta as { title: string };
    writeFileSync(join(setup.dir, 'topics', 'beta.yaml'), yaml.dump({ ...beta, title: 'Saved in an editor' }));
    await expect
      .poll(() => setup.slot.current.knowledge.topics.find((t) => t.id === 'beta')?.title, { timeout: 5_000, interval: 50 })
      .toBe('Saved in an editor');
  });
});
