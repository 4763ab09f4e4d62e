import { describe, expect, it } from 'vitest';
import { oneSpelling } from '../../../src/engine/text/spelling.js';

describe('British and American spellings read as one word', () => {
  it.each([
    ['organisation', 'organization'],
    ['optimise', 'optimize'],
    ['optimising', 'optimizing'],
    ['optimiser', 'optimizer'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['modelling', 'modeling'],
    ['labelled', 'labeled'],
    ['catalogue', 'catalog'],
  ])('%s reads as %s', (british, american) => {
    expect(oneSpelling(british)).toBe(american);
    expect(oneSpelling(american)).toBe(american);
  });

  it.each(['rise', 'noise', 'raise', 'wise', 'four', 'your', 'hour', 'selling', 'telling', 'spelling', 'release', 'license', 'pytorch'])(
    'leaves %s alone: it only looks like one of the patterns',
    (word) => {
      expect(oneSpelling(word)).toBe(word);
    },
  );
});
