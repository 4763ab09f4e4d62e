// The engine as every adapter sees it: free text in, a platform-neutral result out.
import { describe, expect, it } from 'vitest';
import { COMMANDS, MAX_INPUT_LENGTH } from '../../src/engine/index.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();

describe('answering questions as people type them', () => {
  // Typos, abbreviations and platform noise, each with the topic a good answer belongs to.
  it.each([
    ['pytoch vs tensroflow', ['overview', 'recommendation']],
    ['is tflite still a thing?', ['deployment-mobile']],
    ['what is torchscript', ['model-export']],
    ['does tf2 run eagerly', ['computation-graph']],
    ['ddp vs fsdp', ['distributed-training']],
    ['tpu support in pt?', ['hardware']],
    ['hf transformers still support tf?', ['nlp']],
    ['torchserve dead? 💀', ['deployment-server']],
    ['CUDA out of memory, what do i do', ['memory']],
    ['tensorbaord with pytorch', ['visualization']],
    ['jax?', ['alternatives']],
    ['keras 3 backends', ['keras']],
    ['can i use pytorch commercially', ['licensing']],
    ['tfjs or onnx runtime web', ['deployment-web']],
    ['which should my team pick, tf or torch?', ['recommendation']],
  ])('%j is answered from %j', (question, topics) => {
    const result = engine.respond(question);
    expect(result.kind).toBe('answer');
    expect(topics).toContain(result.topic);
    expect(result.sources.length).toBeGreaterThan(0);
    expect(result.followUps.length).toBeGreaterThanOrEqual(2);
  });

  it('gives current facts, not the articles’ outdated ones', () => {
    expect(engine.respond('what is tensorflow lite').text).toMatch(/LiteRT/);
    expect(engine.respond('is torchserve actively developed').text).toMatch(/maintenance/i);
    expect(engine.respond('does tensorflow only use static graphs').text).toMatch(/eager/i);
  });

  it('leads an answer’s follow-ups with the entries that nearly won, so a near miss is one click from the right one', () => {
    // Questions where two entries come close; a rival within e^-1 of the answer's confidence
    // (a ranking score within 1 of the answer's) is offered first.
    const questions = [
      'tf.data feeding a torch model on the keras torch backend is slow',
      'pytorch version of this tensorflow repo?',
      'which keras import should my code use',
      'limit tensorflow gpu memory so pytorch fits next to it',
    ];
    let led = 0;
    for (const question of questions) {
      const result = engine.respond(question);
      if (result.kind !== 'answer') continue;
      const rivals = result.candidates
        .filter((candidate) => candidate.kind === 'faq' && candidate.entryId !== result.entryId)
        .filter((candidate) => candidate.score >= result.confidence * Math.exp(-1) - 1e-9)
        .filter((candidate, i, all) => all.findIndex((other) => other.question === candidate.question) === i)
        .slice(0, 2);
      expect(result.followUps.slice(0, rivals.length).map((f) => f.entryId)).toEqual(rivals.map((r) => r.entryId));
      expect(result.followUps.map((f) => f.entryId)).not.toContain(result.entryId);
      led += rivals.length > 0 ? 1 : 0;
    }
    expect(led).toBeGreaterThan(0);
  });

  it('attaches the claims behind an answer, with their verdicts', () => {
    const result = engine.respond('is torchserve still experimental');
    expect(result.claims.length).toBeGreaterThan(0);
    for (const claim of result.claims)
      expect(['accurate', 'partly-true', 'outdated', 'unverified', 'opinion', 'anecdote']).toContain(claim.verdict);
  });
});

describe('declining what is out of scope', () => {
  it.each([
    'how do i cook pasta',
    "what's the weather in berlin tomorrow",
    'tell me a joke',
    'how do I center a div in css',
    'excel formula to sum a column',
    'best flashlight torch for camping',
    'how do i install python on windows',
    // Only an ML context word ("model") and one a security entry uses ("safe"); the rest is about something else.
    'is my model railway safe for kids',
  ])('%j is declined with a pointer to what the bot can answer', (question) => {
    const result = engine.respond(question);
    expect(result).toMatchObject({ kind: 'no-match', reason: 'out-of-scope', topic: null });
    if (result.kind === 'no-match') expect(result.topicTitles.length).toBeGreaterThan(3);
    expect(result.followUps.length).toBeGreaterThan(0);
  });
});

describe('greetings and thanks', () => {
  it.each(['hi', 'hello there!', 'good morning team'])('%j gets a friendly hello with example questions', (greeting) => {
    const result = engine.respond(greeting);
    expect(result).toMatchObject({ kind: 'greeting', greeting: 'hello' });
    expect(result.followUps.length).toBeGreaterThan(0);
  });

  it('thanks get a friendly reply', () => {
    expect(engine.respond('thanks a lot!')).toMatchObject({ kind: 'greeting', greeting: 'thanks' });
  });

  it.each(['what can you do?', 'who are you', 'how do I use this bot', 'what can I ask you?', 'hey, what do you know'])(
    '%j asks about the bot itself and gets the help, not an answer about a framework',
    (question) => {
      expect(engine.respond(question)).toMatchObject({ kind: 'help', reason: 'asked' });
    },
  );

  it.each(['what can you do with pytorch on a phone', 'what do you know about xla', 'how do I use tensorboard'])(
    '%j is a question about the frameworks, searched as usual',
    (question) => {
      expect(engine.respond(question).kind).not.toBe('help');
    },
  );
});

describe('commands', () => {
  it('help lists every command of the command table', () => {
    expect(engine.respond('help')).toMatchObject({ kind: 'help', reason: 'asked', commands: COMMANDS });
  });

  it('topics lists every topic of the knowledge', () => {
    const result = engine.respond('topics');
    expect(result.kind === 'topics' && result.topics.map((topic) => topic.id)).toEqual(engine.knowledge.topics.map((topic) => topic.id));
  });

  it('sources lists the seed articles first, then the evidence', () => {
    const result = engine.respond('sources');
    expect(result.kind).toBe('sources');
    if (result.kind !== 'sources') return;
    expect(result.sourceList.slice(0, 4).every((s) => s.kind === 'article')).toBe(true);
    expect(result.sourceList.slice(4).every((s) => s.url?.startsWith('http'))).toBe(true);
  });

  it.each([
    ['compare mobile', 'deployment-mobile'],
    ['compare deployment-mobile', 'deployment-mobile'],
    ['compare tpus', 'hardware'],
    ['comapre distributd training', 'distributed-training'],
    ['compare licences', 'licensing'],
  ])('%j shows the side-by-side rows of %s', (input, topic) => {
    const result = engine.respond(input);
    expect(result.kind).toBe('comparison');
    expect(result.topic).toBe(topic);
    if (result.kind === 'comparison') expect(result.rows.length).toBeGreaterThanOrEqual(2);
  });

  it('compare with an unknown or missing topic lists the topics instead', () => {
    expect(engine.respond('compare')).toMatchObject({ kind: 'topics', reason: 'compare-without-topic' });
    expect(engine.respond('compare pizza toppings')).toMatchObject({
      kind: 'topics',
      reason: 'compare-unknown-topic',
      requestedTopic: 'pizza toppings',
    });
  });

  it('recommend weighs the stated needs and explains the lean with claims', () => {
    const result = engine.respond('recommend hugging face nlp, llm fine-tuning, research');
    expect(result.kind).toBe('recommendation');
    if (result.kind !== 'recommendation') return;
    expect(result.lean).toBe('pytorch');
    expect(result.points.pytorch).toBeGreaterThan(result.points.tensorflow);
    expect(result.needs.length).toBeGreaterThanOrEqual(2);
    expect(result.needs.every((need) => need.why.length > 0)).toBe(true);
  });

  it('recommend with mixed needs can say neither has the edge', () => {
    const result = engine.respond('recommend mobile app, browser');
    expect(result.kind === 'recommendation' && result.lean).toBe('either');
  });

  it('recommend asks for more when it recognises no need', () => {
    const result = engine.respond('recommend something nice');
    expect(result).toMatchObject({ kind: 'recommendation', reason: 'no-need-recognised', lean: null, topic: null });
    if (result.kind === 'recommendation') expect(result.exampleNeeds.length).toBeGreaterThan(2);
  });

  it('reads "recommendation for ..." as a question when it names no need the criteria know', () => {
    const result = engine.respond('recommendation for a startup with one ml engineer');
    expect(result.kind).toBe('answer');
    expect(result.topic).toBe('recommendation');
  });

  it.each([
    ['recommend rercuiting', 'recommend recruiting'],
    ['recommend moblie app', 'recommend mobile app'],
  ])('recommend reads misspelt needs, the phrasings of needs included: %j as %j', (misspelt, meant) => {
    const needsOf = (text: string) => {
      const result = engine.respond(text);
      return result.kind === 'recommendation' ? result.needs.map((need) => need.criterionId) : [];
    };
    expect(needsOf(meant).length).toBeGreaterThan(0);
    expect(needsOf(misspelt)).toEqual(needsOf(meant));
  });

  it('check finds the closest claims and shows verdict, what is true now, and sources', () => {
    const result = engine.respond('check tensorflow only has static graphs');
    expect(result.kind).toBe('claim-check');
    expect(result).toMatchObject({ reason: 'checked' });
    expect(result.claims[0]).toMatchObject({ verdict: 'outdated' });
    expect(result.claims[0]!.sources.length).toBeGreaterThan(0);
    expect(result.text).toBe(result.claims[0]!.now);
  });

  it('check says so when no recorded claim is close', () => {
    const result = engine.respond('check bananas are berries');
    expect(result).toMatchObject({ kind: 'claim-check', reason: 'no-close-claim', claims: [] });
  });

  it('structured requests give the same result as typed commands', () => {
    expect(engine.run({ command: 'compare', text: 'mobile' })).toEqual(engine.respond('compare mobile'));
    expect(engine.run({ command: 'ask', text: 'what is jax' })).toEqual(engine.respond('what is jax'));
  });

  it('a picked follow-up is answered from its entry, whatever text comes with it', () => {
    const [followUp] = engine.respond('is tflite still a thing?').followUps;
    const picked = engine.run({ command: 'ask', entryId: followUp!.entryId });
    expect(picked).toMatchObject({ kind: 'answer', entryId: followUp!.entryId, question: followUp!.question });
    expect(engine.run({ command: 'ask', entryId: followUp!.entryId, text: 'anything at all' }).entryId).toBe(followUp!.entryId);
  });

  it('a picked entry the knowledge no longer has is asked by its text, or declined without one', () => {
    expect(engine.run({ command: 'ask', entryId: 'gone-entry', text: 'what is jax' })).toEqual(engine.respond('what is jax'));
    expect(engine.run({ command: 'ask', entryId: 'gone-entry' })).toMatchObject({ kind: 'no-match', reason: 'unknown-entry' });
  });
});

describe('bad input never crashes and gets a clear message', () => {
  it('empty or blank input gets help', () => {
    for (const input of ['', '   ', '\n\t']) expect(engine.respond(input)).toMatchObject({ kind: 'help', reason: 'empty-input' });
  });

  it('input with no readable words is called out', () => {
    expect(engine.respond('\u0000\u0001\u0002').kind).toBe('invalid-input');
    expect(engine.respond('🚀🔥🎉').kind).toBe('invalid-input');
  });

  it('lone surrogates are repaired', () => {
    expect(engine.respond('what is jax\uD800').kind).toBe('answer');
  });

  it('a 100 KB message is cut with a note', () => {
    const result = engine.respond(`is tflite still a thing ${'blah '.repeat(20_000)}`);
    expect(result.query.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    expect(result.notes).toEqual([{ code: 'input-cut', keptCharacters: MAX_INPUT_LENGTH }]);
  });
});

describe('autocomplete', () => {
  it('suggests FAQ questions for what has been typed, within Discord’s 25', () => {
    const suggestions = engine.suggestQuestions('tf lite');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(25);
    expect(suggestions.some((s) => /LiteRT|Lite/.test(s.question))).toBe(true);
    expect(engine.suggestQuestions('').length).toBe(25);
  });

  it('suggests topics from partial or misspelt names', () => {
    expect(engine.suggestTopics('mob')[0]?.id).toBe('deployment-mobile');
    expect(engine.suggestTopics('hardwre').map((t) => t.id)).toContain('hardware');
  });
});
