// The terminal rendering: short by default (the answer, one line of verdicts, a compact list of
// sources), everything in the long form, and never wider than the terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/engine/index.js';
import type { EngineResult, SourceRef } from '../../../src/engine/types.js';
import { renderText } from '../../../src/render/text/index.js';
import { answer, base, claim, comparison, source } from '../../support/results.js';

const longAnswer = () =>
  answer({
    text: 'LiteRT is the new name of TensorFlow Lite. '.repeat(8).trim(),
    claims: [
      claim(),
      claim({ id: 'second', verdict: 'outdated', claim: 'Second claim.' }),
      claim({ id: 'third', verdict: 'accurate', claim: 'Third claim.' }),
    ],
    sources: Array.from({ length: 6 }, (_, i) => source({ id: `s${i}`, title: `Source number ${i + 1}`, url: `https://example.org/${i}` })),
  });
const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

describe('the short form', () => {
  const text = renderText(longAnswer(), { moreHint: 'add --long' });

  it('gives the answer, one line counting the verdicts, and at most three sources without addresses', () => {
    expect(text).toContain('LiteRT is the new name');
    expect(text).toMatch(/^Verdicts: 2 OUTDATED, 1 ACCURATE\.$/m);
    expect(text).not.toContain('Second claim.');
    expect(text).toMatch(/Sources:\n {2}1\. Source number 1 \(example\.org\)\n {2}2\. .*\n {2}3\. .*\n {2}and 3 more/);
    expect(text).not.toContain('https://');
  });

  it("names a source's site once, when its title already names it", () => {
    const named = renderText(answer({ sources: [source({ title: 'Introducing Keras 3 (keras.io)', url: 'https://keras.io/keras_3/' })] }));
    expect(named).toContain('1. Introducing Keras 3 (keras.io)\n');
  });

  it('says how to see the rest', () => {
    expect(text).toContain('add --long');
  });

  it('shows a few aspects of a comparison and counts the others', () => {
    const short = renderText(comparison(9));
    expect(short).toContain('Aspect 4');
    expect(short).not.toContain('Aspect 5');
    expect(short).toContain('(5 more aspects)');
  });
});

describe('the long form', () => {
  it('has every claim in full and every source with its address', () => {
    const text = renderText(longAnswer(), { detail: 'long' });
    expect(text).toContain('[OUTDATED] Second claim.');
    expect(text).toContain('Now: TensorFlow Lite was renamed LiteRT in 2024.');
    expect(text).toContain('https://example.org/5');
    expect(renderText(comparison(9), { detail: 'long' })).toContain('Aspect 9');
  });
});

describe('the sources command', () => {
  const kinds: SourceRef['kind'][] = ['official-docs', 'repository', 'paper'];
  const many = Array.from({ length: 300 }, (_, i) => source({ id: `s${i}`, title: `Title ${i}`, kind: kinds[i % 3]! }));
  const result = { ...base({ text: 'My answers rest on 300 sources.' }), kind: 'sources', sourceList: many } as EngineResult;

  it('groups the sources by kind and stays short', () => {
    const text = renderText(result, { moreHint: 'type "more"' });
    expect(text).toMatch(/^Official documentation \(100\): Title 0; Title 3; Title 6; and 97 more$/m);
    expect(text).toMatch(/^Repositories \(100\): /m);
    expect(text).toMatch(/^Papers \(100\): /m);
    expect(text.split('\n').length).toBeLessThan(12);
  });

  it('lists every source with its address in the long form, still grouped', () => {
    const text = renderText(result, { detail: 'long' });
    expect(text).toContain('  - Title 299');
    expect(text.indexOf('Official documentation (100)')).toBeLessThan(text.indexOf('Repositories (100)'));
  });
});

describe('the help', () => {
  const help = { ...base(), kind: 'help', reason: 'asked', commands: COMMANDS } as EngineResult;

  it('lists the commands in two columns, each description starting at the same column and wrapping under itself', () => {
    const lines = renderText(help, { width: 60 }).split('\n');
    const starts = COMMANDS.map((spec) => {
      const line = lines.find((l) => l.startsWith(`  ${spec.name}`))!;
      return line.indexOf(spec.description.split(' ')[0]!, spec.name.length + 2);
    });
    expect(new Set(starts).size).toBe(1);
    const wrapped = lines.findIndex((l) => l.startsWith('  ask ')) + 1;
    expect(lines[wrapped]!.search(/\S/)).toBe(starts[0]);
  });
});

describe('wrapping', () => {
  it('never writes a line wider than the terminal, at any width from 40 columns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 160 }), fc.boolean(), (width, long) => {
        for (const result of [longAnswer(), comparison(6)])
          expect(widest(renderText(result, { width, detail: long ? 'long' : 'short', moreHint: 'add --long' }))).toBeLessThanOrEqual(width);
      }),
      { numRuns: 60 },
    );
  });
});
