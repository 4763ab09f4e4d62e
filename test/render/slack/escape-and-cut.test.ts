import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutData, cutText, packLines, splitText } from '../../../src/render/slack/cut.js';
import { escapeText, link, unescapeText } from '../../../src/render/slack/escape.js';
import { escapingProblems, pingProblems } from '../../support/slack/block-kit-rules.js';

/** Text people might type, heavy on everything that is special to Slack. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<!here>',
        '<!channel>',
        '<@U123>',
        '@everyone',
        '&',
        '&amp;',
        '<',
        '>',
        '😀',
        '\n',
        '\n\n',
        ' ',
        '|',
        '*bold*',
        '<http://x.test|x>',
      ),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 300 },
  )
  .map((parts) => parts.join(''));

describe('escapeText', () => {
  it('turns Slack control characters into entities, so <!here> typed by a user is shown, not broadcast', () => {
    expect(escapeText('<!here> & <@U123> > 1')).toBe('&lt;!here&gt; &amp; &lt;@U123&gt; &gt; 1');
  });

  it('defuses bare broadcast words without changing how they read', () => {
    const escaped = escapeText('ping @here and @Channel, mail me@everyone.com');
    expect(pingProblems(escaped)).toEqual([]);
    expect(escaped.replace(/\u2060/g, '')).toBe('ping @here and @Channel, mail me@everyone.com');
  });

  it('is undone by unescapeText, for button values that come back', () => {
    fc.assert(fc.property(trickyText, (text) => unescapeText(escapeText(text)) === text));
  });

  it('never lets anything that would ping through', () => {
    fc.assert(
      fc.property(trickyText, (text) => pingProblems(escapeText(text)).length === 0 && escapingProblems(escapeText(text)).length === 0),
    );
  });
});

describe('link', () => {
  it('makes a mrkdwn link with an escaped label', () => {
    expect(link('https://pytorch.org/docs?a=1&b=2', 'PyTorch <docs> | home')).toBe(
      '<https://pytorch.org/docs?a=1&amp;b=2|PyTorch &lt;docs&gt; ¦ home>',
    );
  });

  it('shows only the label for a missing or non-http URL', () => {
    expect(link(undefined, 'Seed article')).toBe('Seed article');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('not a url', '<!here>')).toBe('&lt;!here&gt;');
  });
});

describe('cutText', () => {
  it('leaves text within the limit alone', () => {
    expect(cutText('short', 10)).toBe('short');
  });

  it('cuts at a word boundary and marks the cut', () => {
    expect(cutText('PyTorch and TensorFlow both run on GPUs', 20)).toBe('PyTorch and…');
  });

  it('never cuts inside an entity or a link', () => {
    const text = `${'a'.repeat(8)}&amp;&lt;<https://example.com/long/path|Example>`;
    for (let max = 2; max <= text.length; max++) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(escapingProblems(cut)).toEqual([]);
    }
  });

  it('holds for any escaped text and any limit: within the limit, well-formed, a prefix of the original', () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 2, max: 400 }), (raw, max) => {
        const text = escapeText(raw);
        const cut = cutText(text, max);
        const kept = cut.endsWith('…') ? cut.slice(0, -1) : cut;
        return cut.length <= max && escapingProblems(cut).length === 0 && text.trim().startsWith(kept.trim());
      }),
    );
  });

  it('holds with links in the text too: within the limit and well-formed', () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 2, max: 400 }), (raw, max) => {
        const text = `${escapeText(raw)} ${link('https://example.com/a?b=1&c=2', raw.slice(0, 30))} ${escapeText(raw)}`;
        const cut = cutText(text, max);
        return cut.length <= max && escapingProblems(cut).length === 0;
      }),
    );
  });
});

describe('splitText', () => {
  it('prefers paragraph breaks', () => {
    expect(splitText('first paragraph\n\nsecond paragraph', 25)).toEqual(['first paragraph', 'second paragraph']);
  });

  it('splits any text into well-formed chunks within the limit that together keep every character', () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 20, max: 500 }), (raw, max) => {
        const text = escapeText(raw);
        const chunks = splitText(text, max);
        const squash = (value: string) => value.replace(/\s+/g, '');
        return (
          chunks.every((chunk) => chunk.length <= max && escapingProblems(chunk).length === 0) && squash(chunks.join('')) === squash(text)
        );
      }),
    );
  });

  it('keeps a link longer than the limit as its label rather than breaking it', () => {
    const chunks = splitText(`<https://example.com/${'x'.repeat(100)}|the label>`, 50);
    expect(chunks).toEqual(['the label']);
  });
});

describe('cutData', () => {
  it('keeps the longest well-formed prefix, without an ellipsis', () => {
    expect(cutData('ab&amp;cd', 3)).toBe('ab');
    expect(cutData('ab&amp;cd', 7)).toBe('ab&amp;');
    expect(cutData('😀😀', 3)).toBe('😀');
  });
});

describe('packLines', () => {
  it('keeps each line whole and packs as many as fit', () => {
    expect(packLines(['• one', '• two', '• three'], 12)).toEqual(['• one\n• two', '• three']);
  });

  it('splits only a line that is longer than a chunk on its own', () => {
    fc.assert(
      fc.property(fc.array(trickyText, { maxLength: 30 }), fc.integer({ min: 20, max: 300 }), (raws, max) => {
        const lines = raws.map((raw) => escapeText(raw.replace(/\n/g, ' ')));
        const chunks = packLines(lines, max);
        const whole = new Set(chunks.flatMap((chunk) => chunk.split('\n')));
        return (
          chunks.every((chunk) => chunk.length <= max && escapingProblems(chunk).length === 0) &&
          lines.filter((line) => line.length <= max && line !== '').every((line) => whole.has(line))
        );
      }),
    );
  });
});
