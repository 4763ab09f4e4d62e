// The engine answers the question that was asked, not a neighbouring one: the entry must cover
// what the question names and be about the framework it asks about; when no entry does, it says
// so and offers the closest questions. Specified on a small knowledge base whose entries share
// most of their words (support/small-knowledge.ts).
import { describe, expect, it } from 'vitest';
import { converse as conversation } from '../support/conversation.js';
import { smallKnowledgeEngine } from '../support/small-knowledge.js';

const engine = smallKnowledgeEngine();

describe('answering the question that was asked', () => {
  it.each([
    ['what happened to tensorflow lite', 'litert-status'],
    ['is tflite dead?', 'litert-status'],
    ['is pytorch mobile dead', 'pytorch-mobile-status'],
    ['does pytorch run on windows', 'pytorch-windows'],
    ['does tensorflow run on windows 11', 'tensorflow-windows'],
    ['can i use torch on my mac', 'pytorch-macos'],
  ])('%s -> %s', (question, entryId) => {
    const result = engine.respond(question);
    expect(result.kind).toBe('answer');
    expect(result.entryId).toBe(entryId);
  });

  it('lets an entry about a broader thing answer for a narrower one the question names (Linux for Ubuntu)', () => {
    const result = engine.respond('does tensorflow run on ubuntu');
    expect(result.kind).toBe('answer');
    expect(result.entryId).toBe('tensorflow-linux');
  });

  it('does not answer a question about one framework with an entry about the other', () => {
    const result = engine.respond('does tensorflow run on macos');
    expect(result.entryId).not.toBe('pytorch-macos');
    expect(result.kind).not.toBe('answer');
  });

  it('lets an entry whose own question names both frameworks answer for either', () => {
    const result = engine.respond('is there a pytorch certificate');
    expect(result.kind).toBe('answer');
    expect(result.entryId).toBe('certificates');
  });

  it('lets an entry answer for both frameworks when its answer speaks of both, whatever its phrasings say', () => {
    expect(engine.respond('how do i save a trained model in tensorflow').entryId).toBe('save-and-load');
  });

  it('does not let an entry that names a framework only as a point of comparison answer for it', () => {
    expect(engine.respond('how do i cap gpu memory in pytorch').entryId).toBe('pytorch-gpu-memory-cap');
    expect(engine.respond('how do i cap gpu memory in tensorflow').entryId).not.toBe('pytorch-gpu-memory-cap');
  });

  it('lets an entry whose question sets PyTorch against Keras answer for TensorFlow, Keras being its way of writing models', () => {
    expect(engine.respond('how do i freeze layers in tensorflow').entryId).toBe('freeze-layers');
    expect(engine.respond('how do i freeze layers in pytorch').entryId).toBe('freeze-layers');
  });

  it("reads a name from one framework's family as that framework", () => {
    // TensorFlow.js never writes "TensorFlow" as a word of its own, yet it is a TensorFlow question.
    const result = engine.respond('how do I run a pretrained model in the browser with tensorflow.js');
    expect(result.entryId).not.toBe('pytorch-in-browser');
    expect(result.kind).not.toBe('answer');
    expect(engine.respond('can I run my pytorch model in the browser').entryId).toBe('pytorch-in-browser');
  });

  it.each([
    ['we want to go from tensorflow to pytorch, how do we convert the model', 'tensorflow-to-pytorch'],
    ['moving our torch models over to tf, where do I start', 'pytorch-to-tensorflow'],
  ])('reads which way a move goes: %s -> %s', (question, entryId) => {
    expect(engine.respond(question).entryId).toBe(entryId);
  });

  it('says honestly when the area is known but no entry answers, offering the closest questions', () => {
    const result = engine.respond('does pytorch run on linux');
    expect(result.kind).toBe('partial');
    expect(result.followUps.length).toBeGreaterThan(0);
    expect(result.followUps.length).toBeLessThanOrEqual(3);
  });

  it('still declines what is out of scope', () => {
    expect(engine.respond('best pizza in naples').kind).toBe('no-match');
  });
});

describe('follow-ups in a conversation', () => {
  /** The last reply of a conversation. */
  const converse = (...messages: string[]) => conversation(engine, messages).at(-1)!;

  it('reads "and tensorflow?" against the previous question', () => {
    const result = converse('does pytorch run on windows', 'and tensorflow?');
    expect(result.entryId).toBe('tensorflow-windows');
    expect(result.query).toBe('and tensorflow?');
    expect(result.notes).toContainEqual({ code: 'read-as-follow-up', question: expect.stringContaining('tensorflow') });
  });

  it('reads "what about macos?" as the same question about another thing', () => {
    expect(converse('does pytorch run on windows', 'what about macos?').entryId).toBe('pytorch-macos');
  });

  it('answers "and pytorch mobile?" after a TF Lite question', () => {
    expect(converse('is tflite dead', 'and pytorch mobile?').entryId).toBe('pytorch-mobile-status');
  });

  it('gives the previous answer in full for "more", "why?" and "is that still true?"', () => {
    for (const followUp of ['more', 'why?', 'is that still true?']) {
      const result = converse('is tflite dead', followUp);
      expect(result.kind).toBe('answer');
      expect(result.entryId).toBe('litert-status');
      expect(result.kind === 'answer' && result.detail).toBeTruthy();
    }
    const stillTrue = converse('is tflite dead', 'is that still true?');
    expect(stillTrue.kind === 'answer' && stillTrue.detail).toBe('still-true');
    expect(stillTrue.asOf).toBe('2026-11-30');
  });

  it('puts the previous subject into a short question that points back at it', () => {
    const result = converse('what happened to pytorch mobile', 'does it run on android?');
    expect(result.notes).toContainEqual({ code: 'read-as-follow-up', question: 'does pytorch mobile run on android' });
    expect(converse('can i use torch on my mac', 'is there an equivalent for tensorflow?').notes).toContainEqual({
      code: 'read-as-follow-up',
      question: expect.stringMatching(/tensorflow.*(torch|mac)/),
    });
  });

  it('asks the previous question the other way round for "and vice versa?"', () => {
    const result = converse('does pytorch run on windows', 'and vice versa?');
    expect(result.notes).toContainEqual({ code: 'read-as-follow-up', question: 'does pytorch run on windows' });
    expect(converse('convert a tensorflow model to pytorch', 'the other way round').notes).toContainEqual({
      code: 'read-as-follow-up',
      question: 'convert a pytorch model to tensorflow',
    });
  });

  it('starts fresh on a new, complete question', () => {
    expect(converse('is tflite dead', 'does tensorflow run on windows 11').entryId).toBe('tensorflow-windows');
  });

  it('reads a follow-up on its own when there is no conversation', () => {
    expect(engine.respond('and tensorflow?').conversation?.query).toBe('and tensorflow?');
  });

  it('carries the state as a value: the same state gives the same answer', () => {
    const first = engine.respond('does pytorch run on windows');
    const again = engine.respond('and tensorflow?', first.conversation);
    const twice = engine.respond('and tensorflow?', first.conversation);
    expect(twice.entryId).toBe(again.entryId);
    expect(first.conversation).toEqual({ query: 'does pytorch run on windows', entryId: 'pytorch-windows', topic: 'platforms', turns: 1 });
  });
});

describe('questions in other languages', () => {
  it.each(['¿Cuál es mejor para aprender, PyTorch o TensorFlow?', 'PyTorch有不错的学习资源吗？', 'Läuft PyTorch auf Windows oder nicht?'])(
    'answers "%s" with an honest note that it answers in English, never a confident answer to something else',
    (question) => {
      const result = engine.respond(question);
      expect(result.kind).toBe('other-language');
    },
  );
});
