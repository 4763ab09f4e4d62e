// The shipped knowledge base, held to what the product promises: every topic covered, every
// claim of the seed articles recorded with a verdict and evidence, and no outdated fact
// presented as current.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKABLE_VERDICTS, defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/index.js';

const knowledge = loadKnowledge(defaultKnowledgeDir());
const contractTopics = readFileSync(new URL('../../eval/topics.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split(/\s+/)[0]);

describe('the shipped knowledge base', () => {
  it('has exactly the topics of the evaluation contract', () => {
    expect(knowledge.topics.map((t) => t.id).sort()).toEqual([...contractTopics].sort());
  });

  it('has at least 120 FAQ entries, at least 3 per topic, and a comparison for every topic', () => {
    expect(knowledge.faq.length).toBeGreaterThanOrEqual(120);
    for (const topic of knowledge.topics) {
      expect(knowledge.faq.filter((e) => e.topic === topic.id).length, topic.id).toBeGreaterThanOrEqual(3);
      expect(knowledge.comparisons[topic.id]?.length ?? 0, topic.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('records at least 50 claims traced to the seed articles, from all four of them', () => {
    const traced = knowledge.claims.filter((c) => c.articles.length > 0);
    expect(traced.length).toBeGreaterThanOrEqual(50);
    const articles = Object.values(knowledge.sources).filter((s) => s.kind === 'article');
    expect(articles).toHaveLength(4);
    for (const article of articles)
      expect(
        traced.some((c) => c.articles.includes(article.id)),
        article.id,
      ).toBe(true);
  });

  it('gives every traced claim a verdict, and every checkable one a source beyond the articles', () => {
    for (const claim of knowledge.claims.filter((c) => c.articles.length > 0)) {
      expect(claim.verdict, claim.id).toBeTruthy();
      if (CHECKABLE_VERDICTS.includes(claim.verdict)) {
        const evidence = claim.sources.filter((id) => knowledge.sources[id]?.kind !== 'article' && knowledge.sources[id]?.url);
        expect(evidence.length, claim.id).toBeGreaterThan(0);
      }
    }
  });

  it('cites sources with well-formed http(s) URLs, except the seed articles', () => {
    for (const source of Object.values(knowledge.sources)) {
      if (source.kind === 'article') continue;
      expect(() => new URL(source.url!), source.id).not.toThrow();
      expect(source.url, source.id).toMatch(/^https?:\/\//);
    }
  });

  it('does not copy the labelled evaluation questions into questions or phrasings', () => {
    // The engine must generalise to how people ask, so the evaluation's wording stays out of
    // the knowledge: no question or phrasing equals or nearly equals (80% of the same words) one.
    const normalise = (text: string) =>
      text
        .toLowerCase()
        .replace(/<[^>]*>/g, '')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    // Every labelled set in eval/, so a set added there is covered without touching this test.
    const evalDir = new URL('../../eval/', import.meta.url);
    const wordsOf = (text: string) => new Set(normalise(text).split(' '));
    // Word sets are built once per question: the comparison below runs for every pair.
    const evalQuestions = readdirSync(evalDir)
      .filter((file) => file.endsWith('.jsonl'))
      .flatMap((file) =>
        readFileSync(new URL(file, evalDir), 'utf8')
          .split('\n')
          .filter(Boolean)
          .flatMap((line) => {
            // A line is one question (`q`) or a conversation (`turns`, as in followups.jsonl):
            // every turn of a conversation counts as a question.
            const item = JSON.parse(line) as { q?: string; turns?: string[] };
            return (item.turns ?? [item.q ?? '']).map(wordsOf);
          }),
      )
      .filter((words) => words.size >= 3);
    // Word sets at least this similar (Jaccard) count as a copy.
    const NEARLY_SAME = 0.8;
    const nearlySame = (words: Set<string>, other: Set<string>) => {
      // Jaccard similarity cannot reach the threshold when one set is much larger than the other.
      if (Math.min(words.size, other.size) < NEARLY_SAME * Math.max(words.size, other.size)) return false;
      let shared = 0;
      for (const word of words) if (other.has(word)) shared++;
      return shared / (words.size + other.size - shared) >= NEARLY_SAME;
    };
    expect(evalQuestions.length).toBeGreaterThan(500);
    // Only questions that share a rare word with a text can be nearly the same as it (prefix
    // filtering): two word sets that similar share a word among the first
    // size - ceil(NEARLY_SAME * size) + 1 of each, taken rarest first. Comparing every pair instead took
    // a second or more of CPU per run.
    const frequency = new Map<string, number>();
    for (const question of evalQuestions) for (const word of question) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const prefixOf = (words: Set<string>) =>
      [...words]
        .sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
        // (the epsilon keeps a product that lands a hair above a whole number in floating point from rounding up)
        .slice(0, words.size - Math.ceil(NEARLY_SAME * words.size - 1e-9) + 1);
    const questionsByPrefixWord = new Map<string, Set<string>[]>();
    for (const question of evalQuestions) {
      for (const word of prefixOf(question)) {
        const list = questionsByPrefixWord.get(word) ?? [];
        list.push(question);
        questionsByPrefixWord.set(word, list);
      }
    }
    const copies = knowledge.faq.flatMap((entry) =>
      [entry.question, ...entry.phrasings]
        .filter((text) => {
          const words = wordsOf(text);
          return prefixOf(words).some((word) => questionsByPrefixWord.get(word)?.some((question) => nearlySame(words, question)));
        })
        .map((text) => `${entry.id}: ${text}`),
    );
    expect(copies).toEqual([]);
  });

  it('keeps answers short enough for a chat message', () => {
    for (const entry of knowledge.faq) expect(entry.answer.length, entry.id).toBeLessThanOrEqual(650);
  });

  // Names and facts that changed: wherever an answer mentions the old thing, it must also say
  // what is current, so it is never presented as current by itself.
  const currentness: { mentions: RegExp; mustAlsoSay: RegExp; why: string }[] = [
    { mentions: /TensorFlow Lite|TF ?Lite/i, mustAlsoSay: /LiteRT/, why: 'TensorFlow Lite is now LiteRT' },
    {
      mentions: /TorchServe/,
      mustAlsoSay: /maintenance|no longer|archiv|retired|unmaintained|not maintained|being removed|deprecat/i,
      why: 'TorchServe is in limited maintenance',
    },
    { mentions: /PyTorch Mobile/, mustAlsoSay: /ExecuTorch/, why: 'ExecuTorch replaced PyTorch Mobile' },
    { mentions: /TorchScript/, mustAlsoSay: /deprecat|torch\.export|legacy/i, why: 'TorchScript is deprecated in favour of torch.export' },
    { mentions: /TensorFlow Hub|TF Hub|tfhub/i, mustAlsoSay: /Kaggle/, why: 'TF Hub moved to Kaggle Models' },
    { mentions: /KerasNLP|KerasCV/, mustAlsoSay: /KerasHub/, why: 'KerasNLP and KerasCV became KerasHub' },
    { mentions: /MXNet/, mustAlsoSay: /retired|Attic|archived|discontinued/i, why: 'MXNet was retired' },
    { mentions: /static graph/i, mustAlsoSay: /eager|TF ?1|TensorFlow 1|tf\.function/i, why: 'TF 2 runs eagerly by default' },
  ];
  it.each(currentness)('never presents an outdated fact as current: $why', ({ mentions, mustAlsoSay }) => {
    const offending = knowledge.faq.filter((e) => mentions.test(e.answer) && !mustAlsoSay.test(e.answer)).map((e) => e.id);
    expect(offending).toEqual([]);
  });
});
