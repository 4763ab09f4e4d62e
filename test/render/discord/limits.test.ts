// Whatever the engine says, what the renderer sends fits Discord's limits: one character over
// and Discord rejects the whole message, so the user would get nothing.
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  decodeButtonAction,
  encodeButtonAction,
  renderDiscordMessage,
  type ButtonAction,
  type DiscordMessage,
} from '../../../src/render/discord/index.js';
import { fitMessage, joinLinesWithin, truncateText } from '../../../src/render/discord/limits.js';
import { anyEngineResult, anyId, anyText } from '../../support/discord/arbitraries.js';
import { discordLimitViolations, hasLoneSurrogate } from '../../support/discord/limits.js';

function allText(message: DiscordMessage): string[] {
  return [
    message.content ?? '',
    ...message.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...message.components.flatMap((row) => row.components.map((button) => button.label ?? '')),
  ];
}

describe('renderDiscordMessage on any engine result', () => {
  it('stays within every Discord limit, never splits an emoji, and never allows a mention', () => {
    fc.assert(
      fc.property(anyEngineResult, (result) => {
        const message = renderDiscordMessage(result);
        expect(discordLimitViolations(message)).toEqual([]);
        expect(allText(message).filter(hasLoneSurrogate)).toEqual([]);
        expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
        for (const button of message.components.flatMap((row) => row.components)) {
          expect(decodeButtonAction(button.custom_id)).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('truncateText', () => {
  it('returns text that fits unchanged', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(truncateText(text, text.length)).toBe(text);
      }),
    );
  });

  it('cuts longer text to at most the limit, ending in an ellipsis, without half an emoji', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 300 }), (text, max) => {
        fc.pre(text.length > max);
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).toMatch(/…(\n```)?$/);
        expect(hasLoneSurrogate(cut)).toBe(false);
      }),
    );
  });

  it('prefers a word boundary and never leaves half a markdown link', () => {
    const text = 'See the [LiteRT overview](https://ai.google.dev/edge/litert) for details on running models on device';
    expect(truncateText(text, 40)).toBe('See the…');
    expect(truncateText('one two three four five six', 16)).toBe('one two three…');
  });

  it('closes a code block it cuts into, so the rest of the message does not render as code', () => {
    const cut = truncateText(`Try:\n\`\`\`python\n${'x = 1\n'.repeat(50)}\`\`\``, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.split('```')).toHaveLength(3);
  });
});

describe('joinLinesWithin', () => {
  it('keeps whole lines only, and says how many it left out', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 50 }).filter((line) => !line.includes('\n')),
          { maxLength: 100 },
        ),
        fc.integer({ min: 60, max: 1024 }),
        (lines, max) => {
          const joined = joinLinesWithin(lines, max);
          expect(joined.length).toBeLessThanOrEqual(max);
          const kept = joined === '' ? [] : joined.split('\n');
          const last = kept.at(-1);
          const dropped = last?.match(/^…and (\d+) more$/);
          const whole = dropped ? kept.slice(0, -1) : kept;
          expect(whole).toEqual(lines.slice(0, whole.length));
          expect(whole.length + Number(dropped?.[1] ?? 0)).toBe(lines.length);
        },
      ),
    );
  });
});

describe('fitMessage on raw payloads', () => {
  const anyEmbed: fc.Arbitrary<APIEmbed> = fc.record(
    {
      title: anyText,
      description: anyText,
      footer: anyText.map((text) => ({ text })),
      fields: fc.array(fc.record({ name: anyText, value: anyText, inline: fc.boolean() }), { maxLength: 40 }),
    },
    { requiredKeys: [] },
  );
  const anyButton = fc.record({
    type: fc.constant(2 as const),
    style: fc.constant(2 as const),
    label: anyText,
    custom_id: fc.string({ minLength: 1, maxLength: 120 }),
  });
  const anyMessage = fc.record({
    content: anyText,
    embeds: fc.array(anyEmbed, { maxLength: 14 }),
    components: fc.array(fc.record({ type: fc.constant(1 as const), components: fc.array(anyButton, { maxLength: 8 }) }), { maxLength: 8 }),
  });

  it('makes any message fit', () => {
    fc.assert(
      fc.property(anyMessage, (raw) => {
        const fitted = fitMessage({ ...raw, allowedMentions: { parse: [], repliedUser: false } });
        expect(discordLimitViolations(fitted)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('button custom ids', () => {
  const anyAnswerId = fc.stringMatching(/^A[0-9A-Z]{11}$/);
  const anyAction: fc.Arbitrary<ButtonAction> = fc.oneof(
    anyId.map((entryId): ButtonAction => ({ type: 'ask', entryId })),
    fc
      .record({
        vote: fc.constantFrom('up' as const, 'down' as const),
        kind: fc.constantFrom('answer', 'comparison', 'recommendation', 'claim-check'),
        entryId: fc.option(anyId, { nil: null }),
        answerId: fc.option(anyAnswerId, { nil: null }),
      })
      // The topic is not carried: the entry implies it.
      .map((feedback): ButtonAction => ({ type: 'feedback', topic: null, ...feedback })),
    fc
      .record({ claimId: anyId, answerId: fc.option(anyAnswerId, { nil: null }) })
      .map((dispute): ButtonAction => ({ type: 'dispute', ...dispute })),
  );

  it('fit in 100 characters and decode to the action they encode (or are not made at all)', () => {
    fc.assert(
      fc.property(anyAction, (action) => {
        const customId = encodeButtonAction(action);
        if (customId === undefined) return;
        expect(customId.length).toBeLessThanOrEqual(100);
        expect(decodeButtonAction(customId)).toEqual(action);
      }),
    );
  });

  it('ignore ids from other versions or other bots', () => {
    expect(decodeButtonAction('something-else')).toBeUndefined();
    expect(decodeButtonAction('pvt0:ask:tflite-litert')).toBeUndefined();
    expect(decodeButtonAction('pvt1:ask:Not An Id')).toBeUndefined();
    expect(decodeButtonAction('pvt1:vote:sideways:answer:-:-')).toBeUndefined();
  });

  it('reads the vote buttons of earlier versions, with their topic', () => {
    expect(decodeButtonAction('pvt1:vote:down:answer:tflite-litert:deployment-mobile')).toEqual({
      type: 'feedback',
      vote: 'down',
      kind: 'answer',
      entryId: 'tflite-litert',
      topic: 'deployment-mobile',
      answerId: null,
    });
  });

  it('reads the claim buttons of earlier versions as picking that claim', () => {
    expect(decodeButtonAction('pvt1:check:tflite-is-litert')).toEqual({ type: 'ask', entryId: 'tflite-is-litert' });
  });
});
