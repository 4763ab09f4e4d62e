// Writes a small, valid knowledge directory to a temporary folder, so loader tests can break one
// thing at a time and see the message a curator would see.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface FixtureFiles {
  index: unknown;
  sources: unknown;
  synonyms: unknown;
  recommendations: unknown;
  scope: unknown;
  topics: Record<string, unknown>;
}

const faq = (topic: string, n: number) => ({
  id: `${topic}-q${n}`,
  question: `What about ${topic} number ${n}?`,
  phrasings: [`${topic} ${n}`, `tell me about ${topic} ${n}`, `${topic} question ${n}`],
  answer: `An answer about ${topic} ${n} for PyTorch and for TensorFlow.`,
  sources: ['official-docs'],
  checked: '2026-11-30',
});

export function validFixture(): FixtureFiles {
  const topic = (id: string) => ({
    id,
    title: `The ${id} topic`,
    covers: `what belongs in ${id}`,
    summary: `Everything about ${id}.`,
    keywords: [id],
    faq: [1, 2, 3].map((n) => faq(id, n)),
    claims: [
      {
        id: `${id}-claim`,
        claim: `An article said something about ${id}.`,
        articles: ['article-one'],
        verdict: 'outdated',
        now: `What holds for ${id} now.`,
        sources: ['official-docs'],
        checked: '2026-11-21',
      },
    ],
    comparison: [
      { aspect: 'First', pytorch: 'a', tensorflow: 'b' },
      { aspect: 'Second', pytorch: 'c', tensorflow: 'd' },
    ],
  });
  return {
    index: { topics: ['alpha', 'beta'] },
    sources: {
      sources: [
        { id: 'article-one', kind: 'article', title: 'A seed article' },
        { id: 'official-docs', kind: 'official-docs', title: 'Official docs', url: 'https://example.org/docs' },
      ],
    },
    synonyms: { synonyms: [{ canonical: 'tensorflow', variants: ['tf'] }] },
    recommendations: {
      criteria: [
        {
          id: 'need-one',
          need: 'A need',
          phrasings: ['first need', 'need one'],
          leans: 'pytorch',
          weight: 2,
          why: 'Because.',
          claims: ['alpha-claim'],
          topic: 'alpha',
        },
      ],
    },
    scope: {
      frameworkTerms: ['pytorch', 'tensorflow', 'keras', 'jax', 'tpu', 'onnx', 'cuda', 'litert', 'tfjs', 'framework'],
      contextTerms: ['model', 'which'],
    },
    topics: { alpha: topic('alpha'), beta: topic('beta') },
  };
}

/** Writes the files (a string is written as-is, to test malformed YAML) and returns the directory. */
export function writeFixture(files: FixtureFiles, raw: Partial<Record<string, string>> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kb-')), 'knowledge');
  mkdirSync(join(dir, 'topics'), { recursive: true });
  const write = (name: string, content: unknown) => writeFileSync(join(dir, name), raw[name] ?? yaml.dump(content));
  write('index.yaml', files.index);
  write('sources.yaml', files.sources);
  write('synonyms.yaml', files.synonyms);
  write('recommendations.yaml', files.recommendations);
  write('scope.yaml', files.scope);
  for (const [id, topic] of Object.entries(files.topics)) write(`topics/${id}.yaml`, topic);
  return dir;
}
