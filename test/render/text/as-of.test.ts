import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/render/text/index.js';
import { answer } from '../../support/results.js';

describe('the terminal rendering of an answer', () => {
  it('says on which day the facts were checked, right after the answer', () => {
    const text = renderText(answer({ asOf: '2026-12-01' }));
    expect(text).toMatch(/on device\.\n\nAs of 1 December 2026\. /);
  });

  it('says nothing about a date the entry does not have', () => {
    expect(renderText(answer({ asOf: null }))).not.toMatch(/As of/);
  });
});
