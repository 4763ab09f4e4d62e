import { describe, expect, it } from 'vitest';
import { directionsOppose, readDirection } from '../../../src/engine/search/direction.js';

// Endpoints as the engine reads them: a framework by its family, other named things by name.
const NAMES: Record<string, string> = {
  tf: 'tensorflow',
  tensorflow: 'tensorflow',
  keras: 'tensorflow',
  torch: 'pytorch',
  pytorch: 'pytorch',
  onnx: 'onnx',
  tflite: 'tensorflow',
  savedmodel: 'tensorflow',
};
const endpoint = (word: string) => NAMES[word];
const read = (text: string) => readDirection(text, endpoint);

describe('reading which way a question moves between two things', () => {
  it.each([
    ['migrating from pytorch to tensorflow, any guide', { from: 'pytorch', to: 'tensorflow' }],
    ['how do I convert my tf model to pytorch', { from: 'tensorflow', to: 'pytorch' }],
    ['Could you provide a method to convert ONNX to TensorFlow SavedModel?', { from: 'onnx', to: 'tensorflow' }],
    ['worth porting to pytorch or not', { from: undefined, to: 'pytorch' }],
    ['moving from tf1 to pytorch, worth it?', { from: 'tensorflow', to: 'pytorch' }],
    ['load the pretrained torch weights into a keras model', { from: 'pytorch', to: 'tensorflow' }],
    ['is it worth reimplementing this tensorflow repo in pytorch', { from: 'tensorflow', to: 'pytorch' }],
    ['how do I turn a pytorch model into a savedmodel', { from: 'pytorch', to: 'tensorflow' }],
    // Code wanted rebuilt elsewhere, asked for without a move word.
    ['is there a pytorch version of this repo?', { to: 'pytorch' }],
    ['will you release a tf implementation of the paper', { to: 'tensorflow' }],
    // "port" is a move word, but with no "to" or "from" the thing before "port of" is where it goes.
    ['is there a pytorch port of this repo?', { to: 'pytorch' }],
  ])('%s', (text, direction) => {
    expect(read(text)).toEqual(direction);
  });

  it.each([
    'is pytorch faster compared to tensorflow',
    'how to use pytorch with onnx',
    'how hard is it to port a tf2 codebase',
    'which is easier to learn, tf or torch',
    'I implemented the model in pytorch, how do I use it in tensorflow',
    // A release, not a rebuild.
    'which pytorch version does this repo need',
    'tensorflow version for python 3.8',
  ])('finds no move in "%s"', (text) => {
    expect(read(text)).toBeUndefined();
  });

  it('takes a move verb used as a name for the verb ("to transform my model to pytorch")', () => {
    const withTransform = (word: string) => (word === 'transform' ? 'transform' : endpoint(word));
    expect(readDirection('a way to transform my tf model to pytorch', withTransform)).toEqual({ from: 'tensorflow', to: 'pytorch' });
  });
});

describe('whether an entry moves the opposite way', () => {
  it('opposes the reverse move, and a move that starts where the question wants to end', () => {
    expect(directionsOppose({ from: 'tensorflow', to: 'pytorch' }, { from: 'pytorch', to: 'tensorflow' })).toBe(true);
    expect(directionsOppose({ to: 'pytorch' }, { from: 'pytorch', to: 'tensorflow' })).toBe(true);
    expect(directionsOppose({ from: 'onnx', to: 'tensorflow' }, { from: 'pytorch', to: 'onnx' })).toBe(true);
  });

  it('opposes a move to the rival side: code wanted in TensorFlow or Keras is not helped by a port to PyTorch', () => {
    const rivals = new Map([
      ['pytorch', 'pytorch'],
      ['tensorflow', 'tensorflow'],
      ['keras', 'tensorflow'],
    ]);
    expect(directionsOppose({ to: 'tensorflow' }, { from: 'jax', to: 'pytorch' }, rivals)).toBe(true);
    expect(directionsOppose({ to: 'pytorch' }, { to: 'keras' }, rivals)).toBe(true);
    expect(directionsOppose({ to: 'tensorflow' }, { to: 'keras' }, rivals)).toBe(false);
    // Without rivals, different destinations are other routes.
    expect(directionsOppose({ to: 'tensorflow' }, { from: 'jax', to: 'pytorch' })).toBe(false);
  });

  it('does not oppose the same move, another route, or a question that names no move', () => {
    expect(directionsOppose({ from: 'tensorflow', to: 'pytorch' }, { from: 'tensorflow', to: 'pytorch' })).toBe(false);
    expect(directionsOppose({ from: 'pytorch', to: 'tensorflow' }, { from: 'pytorch', to: 'onnx' })).toBe(false);
    expect(directionsOppose(undefined, { from: 'pytorch', to: 'tensorflow' })).toBe(false);
  });
});
