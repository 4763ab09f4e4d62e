// Golden tables on the shipped knowledge: questions phrased the way people type them, each with
// the entry that answers it (not just its topic), and short conversations with the entry each
// message should reach. They pin down the cases the first version got confidently wrong (the
// TF Lite question answered with PyTorch Mobile, Windows support answered for the other
// framework, a history question answered with the other framework's history). When the knowledge
// is reorganised an id here may need to follow its entry; an answer that moves to a neighbouring
// question is exactly what this file exists to catch.
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/index.js';
import { converse } from '../support/conversation.js';
import { shippedEngine } from '../support/engine.js';

const engine = shippedEngine();

describe('a question reaches the entry that answers it', () => {
  it.each([
    ['whatever happened to tensorflow lite?', 'deployment-mobile-litert-what'],
    ['is tflite dead now', 'deployment-mobile-litert-what'],
    ['what replaced pytorch mobile', 'deployment-mobile-executorch-what'],
    ['can I install pytorch on windows 11', 'platforms-pytorch-windows'],
    ['tensorflow doesnt see my gpu, what do i check', 'hardware-tf-gpu-not-detected'],
    ['whats the usual way people deploy a pytorch model these days', 'deployment-server-pytorch-today'],
    ['how to cap gpu memory usage in pytorch', 'memory-pytorch-limit-gpu'],
    ['stop tensorflow from grabbing all the gpu memory', 'memory-tf-all-gpu'],
    ['what is the pytorch foundation', 'history-pytorch-foundation-what'],
    ['which one should my team pick, pytorch or tensorflow', 'rec-overall-choice'],
    ['pytorch or tensorflow for a beginner', 'beginners-which-first'],
    ['pros and cons of each framework', 'rec-pros-cons'],
    ['are pytorch and tensorflow free for commercial use', 'licensing-commercial'],
    ['when was pytorch first released', ['history-pytorch-origins', 'history-open-source-dates']],
    // Two names of one thing: synonyms read both as PyTorch, the question is about the names.
    ["what's the difference between torch and pytorch", 'history-lua-torch'],
    ['do i install pytorch or torch', 'history-lua-torch'],
    // "Is it possible" frames the question; what is asked is the rest ("pytorch without python").
    ['is it possible to use pytorch without python', 'model-export-cpp'],
    // "Going to" and "gonna" say "will": bare "going" is a stopword, and the future was lost.
    ['is pytorch going to replace tensorflow', 'recommendation-five-year-bet'],
    // "Something like" asks for an equivalent (it reached the hooks entry through "something like forward hooks").
    ['does pytorch have something like keras fit', ['switching-api-mapping', 'ease-of-use-boilerplate', 'ease-of-use-lightning-fastai']],
    ['can keras 3 run on the pytorch backend', 'keras-multibackend'],
    ['torch.compile vs tf.function', 'computation-graph-tf-function-vs-torch-compile'],
    ['RuntimeError: CUDA out of memory what do i do', 'memory-error-cuda-oom-message'],
    ['how do I debug a custom loss function', 'debugging-custom-loss'],
    // A question word tells what kind of answer is wanted, not what it is about.
    ['why is tensorflow slower than pytorch', 'training-speed-which-faster'],
    // A comparison of the two is answered by an entry about both, not by "What is PyTorch?".
    ['explain pytorch and tensorflow, how do they differ', ['overview-key-differences', 'overview-what-are-they']],
    // "TensorFlow 1" is TF 1.x, the graph-and-session era, not today's TensorFlow with a stray number.
    ['what are the main differences between tensorflow 1 and 2', 'history-tf2-transition'],
    // ...and a question that names only TF 1.x is still a TensorFlow question.
    ['We are on tensorflow 1.15 still, what is the easiest path to upgrade?', 'history-tf1-code-today'],
    ['is tensorflow lite still supported', 'deployment-mobile-litert-what'],
    // "go" is an everyday verb; the Go language is read only where the words around it say so.
    ['should i go with pytorch or tensorflow', 'rec-overall-choice'],
    ['can I call a pytorch model from go', 'model-export-go'],
    // "TensorFlow Probability" is a library of its own, not TensorFlow plus the word "probability".
    ['does tensorflow probability work with keras 3', 'alternatives-tfp-status'],
    // A licence's version is not a release ("Apache 2.0" is one name), and REST vs gRPC is not a status.
    ['is tensorflow under the apache 2.0 license', ['licensing-tf-apache', 'licensing-open-source']],
    ['tf serving rest vs grpc', 'deployment-server-rest-vs-grpc'],
    // "compare to" asks what "differ from" asks (it reached the distributed-training comparison on "compare").
    ['how does tensorflow compare to pytorch?', ['overview-key-differences', 'overview-what-are-they']],
  ] as [string, string | string[]][])('%s -> %s', (question, entryIds) => {
    const result = engine.respond(question);
    expect(result.kind).toBe('answer');
    // A few questions have two entries that answer them equally well.
    expect([entryIds].flat()).toContain(result.entryId);
  });

  it.each([
    ['latest keras version', 'releases-keras'],
    ['is tf serving still maintained', 'releases-tf-serving'],
  ])('%s is answered from the release registry (%s)', (question, entryId) => {
    const result = engine.respond(question);
    expect(result.kind).toBe('answer');
    expect(result.entryId).toBe(entryId);
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('does not answer Keras on one backend with the entry about Keras on another', () => {
    for (const question of [
      'keras with the tensorflow backend is not using my gpu, how do i fix it',
      'Keras with TensorFlow backend not using GPU',
    ])
      expect(engine.respond(question).entryId).not.toBe('keras-torch-backend-device');
  });

  it('does not answer a question about a TensorFlow release with the licensing entries through "Apache 2.0"', () => {
    expect(engine.respond('Tensorflow 2.0 support?').entryId).not.toMatch(/^licensing-/);
  });

  it.each(['best pizza in naples', 'how do i install python on windows'])('declines "%s", which is out of scope', (question) => {
    expect(engine.respond(question).kind).toBe('no-match');
  });

  // GPU and CPU put these in scope, but the tool they ask about is not a deep-learning framework
  // and no entry names it: an entry on GPUs slower than CPUs is not an answer for LightGBM.
  it.each(['lightgbm training on the gpu is slower than on the cpu', 'how do I install cuda for blender rendering'])(
    'does not answer "%s", about a neighbouring tool no entry covers',
    (question) => {
      expect(engine.respond(question).kind).not.toBe('answer');
    },
  );
});

// A curator who writes a phrasing for an entry means that question to reach it. Ranked by topic
// first, an entry could lose its own phrasing to a topic whose entries share more of its words
// ("savedmodel" is the model-export topic's word; this question is about porting to PyTorch).
describe("a question asked the way an entry's phrasing asks it reaches that entry", () => {
  const faq = loadKnowledge(defaultKnowledgeDir()).faq;
  it.each([
    ['load a tensorflow savedmodel into pytorch', 'switching-convert-code'],
    ['how can i see whether my tensorflow model actually uses the gpu', 'training-speed-check-gpu-used'],
  ])('%s -> %s', (question, entryId) => {
    const entry = faq.find((candidate) => candidate.id === entryId);
    expect(entry?.phrasings.map((phrasing) => phrasing.toLowerCase())).toContain(question);
    const result = engine.respond(question);
    expect(result.kind).toBe('answer');
    expect(result.entryId).toBe(entryId);
  });
});

describe('a conversation reaches the entry each message asks for', () => {
  it.each([
    [
      ['does pytorch run on windows', 'and tensorflow?'],
      ['platforms-pytorch-windows', 'platforms-tensorflow'],
    ],
    [
      ['is tflite dead', 'and pytorch mobile?'],
      ['deployment-mobile-litert-what', 'deployment-mobile-executorch-what'],
    ],
    [
      ['how do I limit gpu memory in tensorflow', 'and in pytorch?'],
      ['memory-tf-all-gpu', 'memory-pytorch-limit-gpu'],
    ],
    [
      ['What is TorchServe?', 'is it still maintained?'],
      ['deployment-server-torchserve-status', 'releases-torchserve'],
    ],
  ])('%j -> %j', (messages, entryIds) => {
    const results = converse(engine, messages);
    expect(results.map((result) => result.entryId)).toEqual(entryIds);
    expect(results.every((result) => result.kind === 'answer')).toBe(true);
  });

  it('answers "is that still true?" with the same entry and its check date', () => {
    const [first, again] = converse(engine, ['is tensorflow dying', 'is that still true?']);
    expect(again!.entryId).toBe(first!.entryId);
    expect(again!.kind === 'answer' && again!.detail).toBe('still-true');
    expect(again!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
