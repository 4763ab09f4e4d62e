import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/engine/commands/parse.js';

describe('reading a command at the start of a message', () => {
  it.each([
    ['compare mobile', { command: 'compare', rest: 'mobile' }],
    ['Compare: training speed', { command: 'compare', rest: 'training speed' }],
    ['comapre tpus', { command: 'compare', rest: 'tpus' }],
    ['recomend small team, mobile app', { command: 'recommend', rest: 'small team, mobile app' }],
    ['check tf only has static graphs', { command: 'check', rest: 'tf only has static graphs' }],
    ['ask what is jax', { command: 'ask', rest: 'what is jax' }],
    ['help', { command: 'help', rest: '' }],
    ['topics', { command: 'topics', rest: '' }],
    ['sources please', { command: 'sources', rest: 'please' }],
    ['/help', { command: 'help', rest: '' }],
  ])('%j is a command', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    'help me choose between pt and tf',
    'topics about mobile deployment in tf',
    'what is jax',
    'comparison of distributed training',
    'tpu?',
  ])('%j is a question, not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});
