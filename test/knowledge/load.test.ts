import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, inspectKnowledge, KnowledgeError, loadKnowledge } from '../../src/knowledge/index.js';
import { validFixture, writeFixture, type FixtureFiles } from '../support/knowledge-fixture.js';

type Topic = { faq: Record<string, unknown>[]; claims: Record<string, unknown>[]; [key: string]: unknown };
const topicOf = (files: FixtureFiles, id: string) => files.topics[id] as Topic;

function problemsFor(mutate: (files: FixtureFiles) => void, raw?: Record<string, string>): string[] {
  const files = validFixture();
  mutate(files);
  return inspectKnowledge(writeFixture(files, raw)).problems.map((p) => `${p.file}: ${p.where}: ${p.message}`);
}

describe('loading the knowledge', () => {
  it('loads the fixture without problems', () => {
    const knowledge = loadKnowledge(writeFixture(validFixture()));
    expect(knowledge.topics.map((t) => t.id)).toEqual(['alpha', 'beta']);
    expect(knowledge.faq).toHaveLength(6);
    expect(knowledge.faq[0]).toMatchObject({ topic: 'alpha', claims: [], related: [] });
  });

  it('loads the shipped knowledge base without problems', () => {
    const { problems, knowledge } = inspectKnowledge(defaultKnowledgeDir());
    expect(problems).toEqual([]);
    expect(knowledge?.faq.length).toBeGreaterThanOrEqual(120);
  });

  it('throws a KnowledgeError that lists the problems of every file, not just the first', () => {
    const files = validFixture();
    topicOf(files, 'alpha').faq[0]!.answer = '';
    topicOf(files, 'beta').faq[0]!.phrasings = [];
    const dir = writeFixture(files);
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    try {
      loadKnowledge(dir);
    } catch (error) {
      expect((error as KnowledgeError).problems).toHaveLength(2);
      expect((error as Error).message).toMatch(/2 problems/);
    }
  });
});

describe('a bad knowledge file names the file, the entry and the field', () => {
  it('malformed YAML gives the line', () => {
    const problems = problemsFor(() => {}, { 'topics/alpha.yaml': 'id: alpha\nfaq: [unclosed\n' });
    expect(problems.join('\n')).toMatch(/knowledge\/topics\/alpha\.yaml: line \d+, column \d+: is not valid YAML/);
  });

  it('an unknown topic in the index', () => {
    const problems = problemsFor((files) => {
      files.index = { topics: ['alpha', 'beta', 'gamma'] };
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/index\.yaml: topics: lists "gamma" but knowledge\/topics\/gamma\.yaml does not exist/),
    );
  });

  it('a topic file whose id does not match its name', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'beta').id = 'gamma';
    });
    expect(problems).toContainEqual(expect.stringMatching(/topics\/beta\.yaml: id: is "gamma" but the file is named beta\.yaml/));
  });

  it('a recommendation criterion with an unknown topic', () => {
    const problems = problemsFor((files) => {
      (files.recommendations as { criteria: Record<string, unknown>[] }).criteria[0]!.topic = 'nowhere';
    });
    expect(problems).toContainEqual(expect.stringMatching(/recommendations\.yaml: criteria "need-one" > topic: unknown topic "nowhere"/));
  });

  it('a dangling source, claim or related reference', () => {
    const problems = problemsFor((files) => {
      const faq = topicOf(files, 'alpha').faq[1]!;
      faq.sources = ['missing-source'];
      faq.claims = ['missing-claim'];
      faq.related = ['missing-entry'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alpha\.yaml: faq "alpha-q2" > sources: unknown source id "missing-source"/),
        expect.stringMatching(/alpha\.yaml: faq "alpha-q2" > claims: unknown claim id "missing-claim"/),
        expect.stringMatching(/alpha\.yaml: faq "alpha-q2" > related: unknown FAQ id "missing-entry"/),
      ]),
    );
  });

  it('a duplicate id across topic files', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'beta').faq[0]!.id = 'alpha-q1';
    });
    expect(problems).toContainEqual(expect.stringMatching(/beta\.yaml: faq "alpha-q1" > id: duplicate id \(also used in .*alpha\.yaml\)/));
  });

  it('a missing field, with the entry index and id', () => {
    const problems = problemsFor((files) => {
      delete topicOf(files, 'alpha').faq[2]!.answer;
    });
    expect(problems).toContainEqual(expect.stringMatching(/alpha\.yaml: faq\[2\] "alpha-q3" > answer: /));
  });

  it('too few phrasings', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'alpha').faq[0]!.phrasings = ['only one'];
    });
    expect(problems).toContainEqual(expect.stringMatching(/faq\[0\] "alpha-q1" > phrasings: needs at least 3 alternate phrasings/));
  });

  it('a malformed URL', () => {
    const problems = problemsFor((files) => {
      (files.sources as { sources: Record<string, unknown>[] }).sources[1]!.url = 'docs.example.org/page';
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/sources\.yaml: sources\[1\] "official-docs" > url: must be a full http\(s\) URL/),
    );
  });

  it('a checkable claim without evidence, and an unverified one that does not say what is unconfirmed', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'alpha').claims[0]!.sources = ['article-one'];
      Object.assign(topicOf(files, 'beta').claims[0]!, { verdict: 'unverified', sources: [] });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /claims "alpha-claim" > sources: a claim judged "outdated" needs at least one source other than the articles/,
        ),
        expect.stringMatching(/claims "beta-claim" > unconfirmed: an unverified claim must say what could not be confirmed/),
      ]),
    );
  });

  it('a claim that credits a non-article as the article that made it', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'alpha').claims[0]!.articles = ['official-docs'];
    });
    expect(problems).toContainEqual(expect.stringMatching(/claims "alpha-claim" > articles: "official-docs" is not a seed article/));
  });

  it('an answer longer than a chat message should be', () => {
    const problems = problemsFor((files) => {
      topicOf(files, 'alpha').faq[0]!.answer = 'x'.repeat(700);
    });
    expect(problems).toContainEqual(expect.stringMatching(/faq\[0\] "alpha-q1" > answer: must be at most 650 characters/));
  });
});
