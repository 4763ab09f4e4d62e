// How each kind of engine result looks in Discord.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../../src/engine/types.js';
import {
  decodeButtonAction,
  renderChoices,
  renderDiscordMessage,
  renderFeedbackThanks,
  type DiscordMessage,
} from '../../../src/render/discord/index.js';
import { sourceLine } from '../../../src/render/discord/render.js';
import { discordLimitViolations } from '../../support/discord/limits.js';
import { answer, base, claim, comparison, source } from '../../support/results.js';

function buttons(message: DiscordMessage) {
  return message.components.flatMap((row) => row.components);
}

function actions(message: DiscordMessage) {
  return buttons(message).map((button) => decodeButtonAction(button.custom_id));
}

describe('every rendered message', () => {
  it('never lets mentions ping anyone, not even the person it replies to', () => {
    const message = renderDiscordMessage(answer({ text: '@everyone @here <@&123456789> <@987654321> look' }));
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});

describe('an answer', () => {
  const message = renderDiscordMessage(answer());
  const [embed] = message.embeds;

  it('is an embed titled with the FAQ question, holding the answer text', () => {
    expect(message.embeds).toHaveLength(1);
    expect(embed?.title).toBe('What happened to TensorFlow Lite?');
    expect(embed?.description).toContain('now called LiteRT');
    expect(embed?.footer?.text).toBe('Topic: mobile');
  });

  it('says in the footer on which day its facts were checked', () => {
    const dated = renderDiscordMessage(answer({ asOf: '2026-12-01' })).embeds[0];
    expect(dated?.footer?.text).toBe('Topic: mobile · As of 1 December 2026');
  });

  it('lists each checked claim with its verdict label and what is true now', () => {
    const claimField = embed?.fields?.find((field) => field.name.includes('TensorFlow Lite is the way'));
    expect(claimField?.name).toMatch(/^🕰️ Outdated · /);
    expect(claimField?.value).toContain('**Now:** TensorFlow Lite was renamed LiteRT in 2024.');
    expect(claimField?.value).toContain('Checked 2025-01-15');
  });

  it('lists sources as masked links', () => {
    const sources = embed?.fields?.find((field) => field.name === 'Sources');
    expect(sources?.value).toBe('• [LiteRT overview](https://ai.google.dev/edge/litert)');
  });

  it('offers follow-up questions as buttons that carry the FAQ entry id, not the text', () => {
    const [followUpRow] = message.components;
    expect(followUpRow?.components).toEqual([
      expect.objectContaining({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'How do I run a PyTorch model on Android?',
      }),
    ]);
    expect(decodeButtonAction(followUpRow?.components[0]?.custom_id ?? '')).toEqual({ type: 'ask', entryId: 'pytorch-android' });
  });

  it('asks for thumbs-up/down feedback that names the entry rated (and the answer, when it was recorded)', () => {
    const feedbackRow = message.components[1];
    expect(feedbackRow?.components.map((button) => button.emoji?.name)).toEqual(['👍', '👎']);
    expect(feedbackRow?.components.map((button) => decodeButtonAction(button.custom_id))).toEqual([
      { type: 'feedback', vote: 'up', kind: 'answer', entryId: 'tflite-litert', topic: null, answerId: null },
      { type: 'feedback', vote: 'down', kind: 'answer', entryId: 'tflite-litert', topic: null, answerId: null },
    ]);
    const recorded = renderDiscordMessage(answer(), { answerId: 'A0123456789Z' });
    expect(decodeButtonAction(recorded.components[1]?.components[1]?.custom_id ?? '')).toMatchObject({
      vote: 'down',
      answerId: 'A0123456789Z',
    });
  });

  it('puts a Dispute button under each claim shown, carrying the claim and the answer', () => {
    const withClaims = renderDiscordMessage(
      answer({ claims: [claim({ id: 'tflite-is-litert', claim: 'TF Lite is the mobile runtime.' }), claim({ id: 'other-claim' })] }),
      { answerId: 'A0123456789Z' },
    );
    const disputes = actions(withClaims).filter((action) => action?.type === 'dispute');
    expect(disputes).toEqual([
      { type: 'dispute', claimId: 'tflite-is-litert', answerId: 'A0123456789Z' },
      { type: 'dispute', claimId: 'other-claim', answerId: 'A0123456789Z' },
    ]);
    const labels = withClaims.components.flatMap((row) => row.components.map((button) => button.label));
    expect(labels).toContain('Dispute: TF Lite is the mobile runtime.');
  });

  it('gives a follow-up whose entry id could not survive in a custom id no button', () => {
    const unusable = renderDiscordMessage(answer({ followUps: [{ entryId: 'Not An Id!', question: 'Something?' }] }));
    expect(actions(unusable).filter((action) => action?.type === 'ask')).toEqual([]);
  });

  it('shows the notes about how the input was read', () => {
    const noted = renderDiscordMessage(answer({ notes: [{ code: 'input-cut', keptCharacters: 500 }] }));
    expect(noted.embeds[0]?.description).toContain('ℹ️ Your message was long, so only its first 500 characters were read.');
  });

  it('when the answer is a checked claim, leads with its verdict instead of repeating it as a field', () => {
    const itself = claim({ id: 'tflite-is-litert', verdict: 'outdated', now: 'TensorFlow Lite was renamed LiteRT in 2024.' });
    const other = claim({ id: 'other-claim', verdict: 'accurate', claim: 'LiteRT runs PyTorch models.' });
    const message = renderDiscordMessage(answer({ entryId: itself.id, question: itself.claim, text: itself.now, claims: [itself, other] }));
    const [embed] = message.embeds;
    expect(embed?.title).toBe('🕰️ Outdated · TensorFlow Lite is the way to run models on phones.');
    expect(embed?.fields?.map((field) => field.name)).toEqual(['✅ Accurate · LiteRT runs PyTorch models.', 'Sources']);
  });

  it('says how many more claims there are instead of listing more than five', () => {
    const many = renderDiscordMessage(
      answer({ claims: Array.from({ length: 8 }, (_, index) => claim({ id: `claim-${index}`, claim: `Claim ${index}` })) }),
    );
    const names = many.embeds[0]?.fields?.map((field) => field.name) ?? [];
    expect(names.filter((name) => name.startsWith('🕰️'))).toHaveLength(5);
    expect(names).toContain('…and 3 more checked claims');
  });
});

describe('a comparison', () => {
  it('puts PyTorch and TensorFlow side by side as inline field pairs, one aspect per line', () => {
    const message = renderDiscordMessage(comparison(2));
    const fields = message.embeds[0]?.fields ?? [];
    expect(message.embeds[0]?.title).toBe('Mobile and edge');
    expect(fields.slice(0, 3)).toEqual([
      { name: 'PyTorch · Aspect 1', value: 'PyTorch side 1', inline: true },
      { name: 'TensorFlow · Aspect 1', value: 'TensorFlow side 1', inline: true },
      { name: '\u200b', value: '\u200b', inline: true },
    ]);
    expect(fields.at(-1)?.name).toBe('Sources');
  });

  it('continues in a second embed when the rows outgrow one embed, losing none', () => {
    const message = renderDiscordMessage(comparison(12));
    expect(message.embeds.map((embed) => embed.title)).toEqual(['Mobile and edge', 'Mobile and edge (continued)']);
    const aspects = message.embeds.flatMap((embed) => embed.fields ?? []).filter((field) => field.name.startsWith('PyTorch · '));
    expect(aspects).toHaveLength(12);
    expect(discordLimitViolations(message)).toEqual([]);
  });
});

describe('help, topics and sources', () => {
  it('help lists each command as a field, written the way it is typed in Discord', () => {
    const argument = (name: 'question' | 'topic') => ({ name, description: name, example: name, maxLength: 100 });
    const result: EngineResult = {
      ...base(),
      kind: 'help',
      reason: 'asked',
      commands: [
        { name: 'ask', aliases: [], description: 'Answer a question.', argument: argument('question') },
        { name: 'compare', aliases: [], description: 'Compare the two on a topic.', argument: argument('topic') },
        { name: 'topics', aliases: [], description: 'List the topics.' },
      ],
    };
    const [embed] = renderDiscordMessage(result).embeds;
    expect(embed?.fields).toEqual([
      { name: '/pytorch-vs-tf ask question:<question>', value: 'Answer a question.' },
      { name: '/pytorch-vs-tf compare topic:<topic>', value: 'Compare the two on a topic.' },
      { name: '/pytorch-vs-tf topics', value: 'List the topics.' },
    ]);
    expect(embed?.footer?.text).toMatch(/mention me/);
  });

  it('topics shows each topic with how to compare it, and summarises what does not fit in 25 fields', () => {
    const topics = Array.from({ length: 30 }, (_, index) => ({
      id: `topic-${index}`,
      title: `Topic ${index}`,
      summary: `About ${index}.`,
    }));
    const message = renderDiscordMessage({ ...base(), kind: 'topics', reason: 'asked', requestedTopic: null, topics });
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(25);
    expect(fields[0]).toEqual({ name: 'Topic 0', value: 'About 0.\n`/pytorch-vs-tf compare topic:topic-0`' });
    expect(fields.at(-1)?.name).toBe('…and 6 more topics');
  });

  it('sources lists every source as a link, spreading a long list over embeds and never cutting a link', () => {
    const sourceList = Array.from({ length: 300 }, (_, index) =>
      source({ id: `s-${index}`, title: `Source number ${index}`, url: `https://example.org/docs/${index}` }),
    );
    const message = renderDiscordMessage({ ...base(), kind: 'sources', sourceList });
    expect(discordLimitViolations(message)).toEqual([]);
    expect(message.embeds.length).toBeGreaterThan(1);
    const lines = message.embeds.flatMap((embed) => (embed.description ?? '').split('\n')).filter((line) => line.startsWith('• '));
    for (const line of lines) expect(line).toMatch(/^• \[Source number \d+\]\(https:\/\/example\.org\/docs\/\d+\)$/);
    const tail = message.embeds.at(-1)?.description?.split('\n').at(-1);
    expect(tail).toBe(`…and ${300 - lines.length} more sources`);
  });

  it('writes a source without a URL (a seed article) as plain, escaped text', () => {
    expect(sourceLine(source({ title: 'Why *everyone* uses `X`', url: undefined, kind: 'article' }))).toBe(
      'Why \\*everyone\\* uses \\`X\\`',
    );
    expect(sourceLine(source({ title: '# [Not](https://a.link)', url: undefined, kind: 'article' }))).toBe('\\# \\[Not](https://a.link)');
  });

  it('keeps brackets in a title and parentheses in a URL from breaking the link', () => {
    expect(sourceLine(source({ title: 'Docs [beta]', url: 'https://en.wikipedia.org/wiki/X_(y)' }))).toBe(
      '[Docs \\[beta\\]](https://en.wikipedia.org/wiki/X_%28y%29)',
    );
  });
});

describe('recommendations and claim checks', () => {
  it('a recommendation names the lean in its title and explains each need', () => {
    const message = renderDiscordMessage({
      ...base({ topic: 'deployment', entryId: null }),
      kind: 'recommendation',
      reason: 'recommended',
      lean: 'pytorch',
      points: { pytorch: 2, tensorflow: 0 },
      exampleNeeds: [],
      needs: [
        {
          criterionId: 'research',
          need: 'Research prototyping',
          leans: 'pytorch',
          weight: 2,
          why: 'Most papers ship PyTorch code.',
          topic: 'research',
          claims: [claim({ verdict: 'accurate', now: 'Most new papers use PyTorch.' })],
        },
      ],
    });
    const [embed] = message.embeds;
    expect(embed?.title).toBe('Recommendation: PyTorch');
    expect(embed?.description).toBe('For these needs, PyTorch is the better fit (2 points of preference against 0).');
    expect(embed?.fields?.[0]).toEqual({
      name: 'Research prototyping',
      value: 'Leans **PyTorch** (clear preference). Most papers ship PyTorch code.\n✅ Accurate: Most new papers use PyTorch.',
    });
    expect(actions(message).map((action) => action?.type)).toEqual(['feedback', 'feedback', 'dispute']);
  });

  it('a claim check quotes the statement and leads with the verdict', () => {
    const message = renderDiscordMessage({
      ...base({ text: 'That was true once.', topic: 'mobile', claims: [claim()], sources: [source()] }),
      kind: 'claim-check',
      reason: 'checked',
      statement: 'TF Lite is the way to go\non phones',
    });
    const [embed] = message.embeds;
    expect(embed?.title).toBe('Claim check: 🕰️ Outdated');
    expect(embed?.description).toMatch(
      /^> TF Lite is the way to go\n> on phones\n\nThe closest recorded claim is outdated\. That was true once\./,
    );
    expect(embed?.fields?.[0]?.name).toMatch(/^🕰️ Outdated · /);
  });
});

describe('results that are not answers', () => {
  it('a partial answer says there is no exact answer and offers the closest questions as buttons', () => {
    const closest = [
      { entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' },
      { entryId: 'executorch', question: 'What is ExecuTorch?' },
    ];
    const message = renderDiscordMessage({ ...base({ followUps: closest }), kind: 'partial' });
    expect(message.embeds[0]?.description).toContain("I don't have an answer to exactly that.");
    expect(message.embeds[0]?.description).toContain('1. How do I run a PyTorch model on Android?\n2. What is ExecuTorch?');
    expect(actions(message)).toContainEqual({ type: 'ask', entryId: 'pytorch-android' });
    expect(actions(message)).toContainEqual({ type: 'ask', entryId: 'executorch' });
  });

  it('a question in another language is told the bot answers in English', () => {
    const message = renderDiscordMessage({ ...base(), kind: 'other-language' });
    expect(message.embeds[0]?.description).toContain('I can only answer in English.');
  });

  it('no-match declines with suggestions and asks for no rating', () => {
    const message = renderDiscordMessage({
      ...base({ followUps: [{ entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' }] }),
      kind: 'no-match',
      reason: 'out-of-scope',
      topicTitles: ['Mobile deployment'],
    });
    expect(message.embeds[0]?.description).toContain('mobile deployment and more. Type `/pytorch-vs-tf topics` for the full list');
    expect(message.embeds[0]?.description).toContain('You could ask:\n• How do I run a PyTorch model on Android?');
    expect(actions(message)).toEqual([{ type: 'ask', entryId: 'pytorch-android' }]);
  });

  it('a greeting is a single short embed', () => {
    const message = renderDiscordMessage({ ...base(), kind: 'greeting', greeting: 'thanks' });
    expect(message.embeds).toEqual([
      {
        color: expect.any(Number),
        description: 'Glad it helped! Ask me anything else about PyTorch vs TensorFlow, or type `/pytorch-vs-tf help` to see the commands.',
      },
    ]);
    expect(message.components).toEqual([]);
  });
});

describe('small payloads', () => {
  it('feedback is acknowledged ephemerally', () => {
    const thanks = renderFeedbackThanks('up');
    expect(thanks.flags).toBe(MessageFlags.Ephemeral);
    expect(thanks.content).toMatch(/thanks/i);
    expect(thanks.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('autocomplete choices: at most 25, names cut to 100, values over 100 dropped, no duplicates', () => {
    const items = [
      { value: 'long-name', name: `A question ${'that goes on '.repeat(20)}` },
      { value: 'x'.repeat(101), name: 'Value too long' },
      { value: 'long-name', name: 'Duplicate value' },
      ...Array.from({ length: 40 }, (_, index) => ({ value: `entry-${index}`, name: `Question ${index}?` })),
    ];
    const choices = renderChoices(items);
    expect(choices).toHaveLength(25);
    expect(choices[0]?.name.length).toBeLessThanOrEqual(100);
    expect(choices[0]?.name.endsWith('…')).toBe(true);
    expect(choices.map((choice) => choice.value)).not.toContain('x'.repeat(101));
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
  });
});
