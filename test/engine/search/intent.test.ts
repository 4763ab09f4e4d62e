import { describe, expect, it } from 'vitest';
import { intentFit, readIntents } from '../../../src/engine/search/intent.js';

describe('reading what kind of answer a question wants', () => {
  it.each([
    ['Should I learn PyTorch or TensorFlow?', 'choose'],
    ['which one is better for a startup', 'choose'],
    ['tf or torch for computer vision?', 'choose'],
    ['difference between tf.function and torch.compile', 'compare'],
    ['what are jax and pytorch and how are they different', 'compare'],
    ['how does keras differ from pytorch', 'compare'],
    ['does xla beat torch.compile these days', 'compare'],
    ['is jax replacing tensorflow inside google', 'status'],
    ['any frameworks besides these two worth knowing', 'choose'],
    ['easiest framework to learn for a total newcomer', 'choose'],
    ['moving a codebase from keras to torch, any guides', 'how'],
    ['is tflite dead', 'status'],
    ['what happened to tensorflow lite', 'status'],
    ['Is TorchServe still maintained in 2026?', 'status'],
    ['How do I limit GPU memory in PyTorch?', 'how'],
    ['is there a way to turn off the memory pool', 'how'],
    ['Does somebody know how to convert the pytorch model to tflite?', 'how'],
    ['Why is TensorFlow 2 much slower than TensorFlow 1?', 'why'],
    ['does pytorch run on windows', 'support'],
    ['can I use DeepSpeed with Keras 3?', 'support'],
    ['when did facebook open source pytorch', 'when'],
    ['what is the latest version of keras', 'when'],
    ['which organization is behind pytorch nowadays', 'who'],
    ['what is tensorflow hub', 'what'],
    ['RuntimeError: CUDA error: device-side assert triggered', 'error'],
    ['keras with the tensorflow backend is not using my gpu', 'error'],
    ['we have to decide between pytorch and tensorflow for a research project', 'choose'],
    ['pytorch isnt using the gpu at all', 'error'],
    ["Tensorflow can't detect my GPU", 'error'],
    ['are they free to use commercially', 'cost'],
  ])('%s -> %s', (question, intent) => {
    expect(readIntents(question)).toContain(intent);
  });

  it('reads the question behind a greeting or a long preamble', () => {
    expect(readIntents('hi all, quick question: why does tf grab all my gpu memory?')).toContain('why');
    expect(
      readIntents('On the same hardware the PyTorch code is 4 times slower than the original. What could be the cause of this issue?'),
    ).toContain('why');
  });

  it('reads "which X does Y support" as a question of support, not a choice between options', () => {
    expect(readIntents('Which backends does Keras 3 support?')).toEqual(new Set(['support']));
    expect(readIntents('which gpus can pytorch run on')).toEqual(new Set(['support']));
    expect(readIntents('which tokenizer libraries work with tensorflow')).toEqual(new Set(['support']));
    expect(readIntents('which framework should a beginner learn')).toContain('choose');
  });

  it('reads "what is the best way to X" as a way to do something, and "what is the best framework" as a choice', () => {
    expect(readIntents('what is the best way to learn pytorch')).toEqual(new Set(['how']));
    expect(readIntents("what's the recommended approach to saving a keras model")).toEqual(new Set(['how']));
    expect(readIntents('what is the best framework for nlp')).toContain('choose');
  });

  it.each([
    ['Can PyTorch and TensorFlow use the GPU on an M2 Mac?', 'support'],
    ['does spacy use torch under the hood', 'support'],
    ['is there early stopping in pytorch', 'support'],
    ['how well does tensorflow work with numpy arrays', 'support'],
    ['do companies still start new projects on tensorflow', 'status'],
    ['is pytorch more intuitive and pythonic than tf', 'compare'],
    ['is keras simpler than pytorch', 'compare'],
    ['is tensorboard a reason to choose tensorflow', 'choose'],
    ['does either framework suit a regulated team better', 'choose'],
    ['will pytorch replace tensorflow', 'compare'],
    ['has torch overtaken tf in industry', 'compare'],
  ])('%s -> %s (what something can do, has or uses; comparisons without "vs")', (question, intent) => {
    expect(readIntents(question)).toContain(intent);
  });

  it("reads a report of one's own slow or inaccurate code as a question of why, not as a comparison", () => {
    const report = readIntents('my pytorch port is 3x slower than the tensorflow original, any ideas?');
    expect(report).toContain('why');
    expect(report).not.toContain('compare');
    expect(readIntents('our model gets lower accuracy in pytorch than in keras')).toContain('why');
    expect(readIntents('is pytorch slower than tensorflow')).toContain('compare');
  });

  it('reads "are X and Y the same thing" as a comparison', () => {
    expect(readIntents('are tf and pt the same thing')).toContain('compare');
    expect(readIntents('is tensorflow basically the same as pytorch now')).toContain('compare');
  });

  it('reads a replacement of something other than a framework as no comparison', () => {
    expect(readIntents('will torchdata nodes replace the old dataloader')).not.toContain('compare');
  });

  it('reads "over" as a status only when something is over, not when a thing is done over a protocol', () => {
    expect(readIntents('is tensorflow over?')).toContain('status');
    expect(readIntents('is tensorflow over now')).toContain('status');
    expect(readIntents('Is TensorFlow Serving faster over REST or over gRPC?')).not.toContain('status');
  });

  it('leaves a request for an explanation to the question that follows it', () => {
    expect(readIntents('can you explain what xla is')).not.toContain('support');
  });

  it('finds no intent in a bare topic', () => {
    expect(readIntents('keras backend jax').size).toBe(0);
  });
});

describe('how well an entry of one intent answers a question of another', () => {
  it('is full for the same intent and for a question that states none', () => {
    expect(intentFit(new Set(['status']), new Set(['status']))).toBe(1);
    expect(intentFit(new Set(), new Set(['how']))).toBe(1);
  });

  it('is high for intents that want the same answer, low for unrelated ones', () => {
    const near = intentFit(new Set(['how']), new Set(['support']));
    const far = intentFit(new Set(['who']), new Set(['how']));
    expect(near).toBeGreaterThan(0.9);
    expect(far).toBeLessThan(0.6);
  });

  it('never rules an entry out completely on wording alone', () => {
    expect(intentFit(new Set(['who']), new Set(['error']))).toBeGreaterThan(0);
  });
});
