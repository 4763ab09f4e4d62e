import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineResult, ResultOf } from '../../../src/engine/types.js';
import {
  ACTION_IDS,
  decodeDisputeValue,
  decodeFeedbackValue,
  decodeFollowUpValue,
  decodeQuestionValue,
  renderHome,
  renderResult,
  type SlackBlock,
  type SlackMessage,
} from '../../../src/render/slack/index.js';
import { blockKitProblems, pingProblems } from '../../support/slack/block-kit-rules.js';
import { ARTICLE, answer, base, claim as aClaim, oneOfEachKind, source } from '../../support/results.js';

const CLAIM = aClaim();
const SOURCE_DOCS = source();

const privately = { audience: 'private', shareInput: 'is tf lite still a thing' } as const;
const publicly = { audience: 'public' } as const;

type Json = Record<string, unknown>;
const allText = (message: { blocks: SlackBlock[]; text?: string }) => JSON.stringify(message);
const buttons = (message: SlackMessage) =>
  message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : [])) as unknown as (Json & {
    action_id: string;
    value: string;
    text: { text: string };
  })[];
const sectionTexts = (message: SlackMessage) =>
  message.blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
const contextTexts = (message: SlackMessage) =>
  message.blocks.flatMap((block) => (block.type === 'context' ? block.elements.map((e) => e.text) : []));

describe('an answer', () => {
  const followUps = [
    { entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' },
    { entryId: 'executorch', question: 'What is ExecuTorch?' },
  ];
  const message = renderResult(answer({ query: 'is tf lite still a thing', followUps, asOf: '2026-11-21' }), privately);

  it('leads with the matched question in bold, then the answer', () => {
    expect(sectionTexts(message)[0]).toBe(
      '*What happened to TensorFlow Lite?*\nTensorFlow Lite is now called LiteRT. It runs TensorFlow, PyTorch and JAX models on device.',
    );
  });

  it('lists the related claims with their verdicts and what is true now', () => {
    const claim = sectionTexts(message).find((text) => text.includes(CLAIM.claim));
    expect(claim).toContain(':hourglass: Outdated');
    expect(claim).toContain('*Now:* TensorFlow Lite was renamed LiteRT in 2024.');
    expect(claim).toContain('<https://ai.google.dev/edge/litert|LiteRT overview>');
  });

  it('says on which day its facts were checked', () => {
    expect(contextTexts(message)).toContain('_As of 21 November 2026_');
    expect(contextTexts(renderResult(answer({ asOf: null }), privately)).join('\n')).not.toMatch(/As of/);
  });

  it('links its sources', () => {
    expect(contextTexts(message)).toContain('*Sources:* <https://ai.google.dev/edge/litert|LiteRT overview>');
  });

  it('offers the follow-up questions as buttons that carry their entry and question', () => {
    const asks = buttons(message).filter((b) => b.action_id.startsWith('pvt_ask_'));
    expect(asks.map((b) => b.text.text)).toEqual(['How do I run a PyTorch model on Android?', 'What is ExecuTorch?']);
    expect(asks.map((b) => decodeFollowUpValue(b.value))).toEqual([
      { entryId: 'pytorch-android', question: 'How do I run a PyTorch model on Android?' },
      { entryId: 'executorch', question: 'What is ExecuTorch?' },
    ]);
    expect(asks.map((b) => b.action_id)).toEqual(['pvt_ask_0', 'pvt_ask_1']);
  });

  it('still reads follow-up buttons of earlier versions, which carried the question as text', () => {
    expect(decodeFollowUpValue('What is ExecuTorch?')).toEqual({ entryId: undefined, question: 'What is ExecuTorch?' });
  });

  it('has thumbs-up and thumbs-down buttons that carry the entry id', () => {
    const up = buttons(message).find((b) => b.action_id === ACTION_IDS.feedbackUp)!;
    const down = buttons(message).find((b) => b.action_id === ACTION_IDS.feedbackDown)!;
    expect(decodeFeedbackValue(up.value)).toEqual({ entryId: 'tflite-litert', topic: 'mobile', kind: 'answer' });
    expect(down.value).toBe(up.value);
  });

  it('puts a Dispute button beside each claim shown; it and the feedback carry the recorded answer', () => {
    const recorded = renderResult(answer({ claims: [aClaim({ id: 'claim-one' }), aClaim({ id: 'claim-two' })] }), {
      ...publicly,
      answerId: 'A0123456789Z',
    });
    const accessories = recorded.blocks.flatMap((block) =>
      block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory as { action_id: string; value: string }] : [],
    );
    expect(accessories.map((button) => [button.action_id, decodeDisputeValue(button.value)])).toEqual([
      ['pvt_dispute_0', { claimId: 'claim-one', entryId: 'tflite-litert', answerId: 'A0123456789Z' }],
      ['pvt_dispute_1', { claimId: 'claim-two', entryId: 'tflite-litert', answerId: 'A0123456789Z' }],
    ]);
    const up = buttons(recorded).find((b) => b.action_id === ACTION_IDS.feedbackUp)!;
    expect(decodeFeedbackValue(up.value)).toMatchObject({ entryId: 'tflite-litert', answerId: 'A0123456789Z' });
  });

  it('has a Share button carrying the input when only the asker sees it, and none when everyone does', () => {
    const share = buttons(message).find((b) => b.action_id === ACTION_IDS.share)!;
    expect(share.text.text).toBe('Share in channel');
    expect(decodeQuestionValue(share.value)).toBe('is tf lite still a thing');
    expect(buttons(renderResult(answer(), publicly)).some((b) => b.action_id === ACTION_IDS.share)).toBe(false);
  });

  it('names the asker as plain text when shared, never as a mention', () => {
    const shared = renderResult(answer({ query: 'is tf lite still a thing' }), { audience: 'public', askedBy: 'ada.lovelace' });
    expect(contextTexts(shared)[0]).toBe('*ada.lovelace* asked: “is tf lite still a thing”');
    expect(shared.text.startsWith('ada.lovelace asked: is tf lite still a thing')).toBe(true);
    expect(pingProblems(allText(shared))).toEqual([]);
  });

  it('has a plain-text fallback for notifications', () => {
    expect(message.text).toBe(
      'What happened to TensorFlow Lite?: TensorFlow Lite is now called LiteRT. It runs TensorFlow, PyTorch and JAX models on device.',
    );
  });

  it('shows the engine notes about how the input was read', () => {
    const noted = renderResult(answer({ notes: [{ code: 'input-cut', keptCharacters: 500 }] }), publicly);
    expect(contextTexts(noted)).toContain('_Your message was long, so only its first 500 characters were read._');
  });
});

describe('a comparison', () => {
  const result: EngineResult = {
    ...base({ text: 'Both run on phones.' }),
    kind: 'comparison',
    title: 'Mobile deployment',
    rows: [
      { aspect: 'Runtime', pytorch: 'ExecuTorch', tensorflow: 'LiteRT (formerly TensorFlow Lite)' },
      { aspect: 'Model format', pytorch: '.pte', tensorflow: '.tflite' },
    ],
  };
  const message = renderResult(result, publicly);

  it('is a two-column layout: a PyTorch | TensorFlow heading row, then one row per aspect', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'PyTorch vs TensorFlow: Mobile deployment', emoji: true },
    });
    const rows = message.blocks.filter(
      (block): block is Extract<SlackBlock, { type: 'section' }> => block.type === 'section' && block.fields !== undefined,
    );
    expect(rows.map((row) => [row.text?.text, ...(row.fields ?? []).map((field) => field.text)])).toEqual([
      [undefined, '*PyTorch*', '*TensorFlow*'],
      ['*Runtime*', 'ExecuTorch', 'LiteRT (formerly TensorFlow Lite)'],
      ['*Model format*', '.pte', '.tflite'],
    ]);
  });

  it('keeps within 50 blocks however many rows there are, keeping the buttons and saying what was cut', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ aspect: `Aspect ${i}`, pytorch: 'p', tensorflow: 't' }));
    const big = renderResult({ ...result, rows }, privately);
    expect(big.blocks).toHaveLength(50);
    expect(blockKitProblems(big)).toEqual([]);
    expect(buttons(big).some((b) => b.action_id === ACTION_IDS.share)).toBe(true);
    expect(contextTexts(big).some((text) => text.includes('did not fit in one Slack message'))).toBe(true);
  });
});

describe('the other layouts', () => {
  const [, noMatch, , , help, topics, sources, , recommendation, claimCheck, partial, otherLanguage] = oneOfEachKind().map((result) =>
    renderResult(result, privately),
  );

  it('partial: says there is no exact answer and offers the closest questions as buttons', () => {
    expect(sectionTexts(partial!).join('\n')).toContain("I don't have an answer to exactly that.");
    expect(sectionTexts(partial!)).toContain('*Closest questions:*');
    expect(
      buttons(partial!)
        .filter((b) => b.action_id.startsWith('pvt_ask_'))
        .map((b) => b.text.text),
    ).toEqual(['How do I run a PyTorch model on Android?', 'What is ExecuTorch?']);
  });

  it('other language: says the bot answers in English', () => {
    expect(sectionTexts(otherLanguage!).join('\n')).toContain('I can only answer in English.');
  });

  it('no-match: says what the bot covers and points to topics and help as typed in Slack', () => {
    const text = sectionTexts(noMatch!).join('\n');
    expect(text).toContain('mobile deployment, hardware and more');
    expect(text).toContain('`/pytorch-vs-tf topics`');
    expect(text).toContain('`/pytorch-vs-tf help`');
  });

  it('help: every command with its description', () => {
    expect(sectionTexts(help!).join('\n')).toContain('`compare &lt;topic&gt;` — PyTorch and TensorFlow side by side on one topic');
    expect(sectionTexts(help!).join('\n')).toContain('`check &lt;statement&gt;` — Check a claim you read somewhere');
  });

  it('topics: every topic with its id', () => {
    expect(sectionTexts(topics!).join('\n')).toContain('• *Hardware* (`hardware`) — GPUs, TPUs and Apple silicon');
  });

  it('sources: linked when there is a URL, named when there is not', () => {
    const text = sectionTexts(sources!).join('\n');
    expect(text).toContain(`• <${SOURCE_DOCS.url}|LiteRT overview> _(official-docs)_`);
    expect(text).toContain(`• ${ARTICLE.title} _(article)_`);
  });

  it('recommendation: the lean as a heading, then each need and why', () => {
    expect(recommendation!.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Leans TensorFlow' } });
    expect(sectionTexts(recommendation!).join('\n')).toContain('• *deploy to Android and iOS* → TensorFlow (clear preference)');
  });

  it('claim-check: the statement, the verdict, and the matching claims', () => {
    const first = sectionTexts(claimCheck!)[0]!;
    expect(first).toContain('_“TensorFlow Lite is the way to run models on phones”_');
    expect(first).toContain('*Verdict:* :hourglass: Outdated');
    expect(sectionTexts(claimCheck!)).toContain('*Matching claims*');
  });
});

/** The words a renderer composes around data (topic titles, a topic name, example needs) made hostile too. */
function withHostileData(result: EngineResult, hostile: string): EngineResult {
  switch (result.kind) {
    case 'no-match':
      return { ...result, topicTitles: [hostile, hostile] };
    case 'topics':
      return { ...result, reason: 'compare-unknown-topic', requestedTopic: hostile };
    case 'recommendation':
      return { ...result, exampleNeeds: [hostile, hostile, hostile] };
    default:
      return result;
  }
}

describe('safety and limits', () => {
  it('escapes user input everywhere, so <!here>, <!channel> and <@U123> reach nobody', () => {
    const hostile = '<!here> <!channel> <@U123> @everyone & <https://evil.test|click>';
    for (const result of oneOfEachKind({ query: hostile, text: hostile, followUps: [{ entryId: 'x', question: hostile }] }).map((r) =>
      withHostileData(r, hostile),
    )) {
      const message = renderResult(result, { audience: 'private', shareInput: hostile, askedBy: hostile });
      expect(pingProblems(allText(message)), result.kind).toEqual([]);
      expect(blockKitProblems(message), result.kind).toEqual([]);
    }
  });

  it('every kind renders within every Block Kit limit', () => {
    for (const result of oneOfEachKind()) {
      expect(blockKitProblems(renderResult(result, privately)), result.kind).toEqual([]);
      expect(blockKitProblems(renderResult(result, publicly)), result.kind).toEqual([]);
    }
  });

  it('holds every limit for huge and hostile results of every kind (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<!here>', '<@U123>', '&', '<', '>', '😀', '\n', '\n\n', ' ', '|', '@channel'),
      fc.string({ maxLength: 60 }),
      fc.constant('x'.repeat(2500)),
    );
    const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
    const hugeResult = fc.record({
      kindIndex: fc.nat({ max: 10 }),
      text,
      query: text,
      followUps: fc.array(text, { maxLength: 8 }),
      claimCount: fc.nat({ max: 12 }),
      sourceCount: fc.nat({ max: 60 }),
      rowCount: fc.nat({ max: 80 }),
      title: text,
    });
    fc.assert(
      fc.property(hugeResult, (spec) => {
        const claims = Array.from({ length: spec.claimCount }, (_, i) => ({
          ...CLAIM,
          id: `claim-${i}`,
          claim: spec.text,
          now: spec.text,
        }));
        const sources = Array.from({ length: spec.sourceCount }, (_, i) => ({ ...SOURCE_DOCS, id: `source-${i}`, title: spec.title }));
        const followUps = spec.followUps.map((question, i) => ({ entryId: `entry-${i}`, question }));
        const overrides = { text: spec.text, query: spec.query, followUps, claims, sources };
        let result = withHostileData(oneOfEachKind(overrides)[spec.kindIndex]!, spec.title);
        if (result.kind === 'comparison') {
          result = {
            ...result,
            title: spec.title,
            rows: Array.from({ length: spec.rowCount }, () => ({ aspect: spec.title, pytorch: spec.text, tensorflow: spec.text })),
          };
        }
        if (result.kind === 'sources') result = { ...result, sourceList: sources };
        if (result.kind === 'claim-check') result = { ...result, statement: spec.query };
        const message = renderResult(result, { audience: 'private', shareInput: spec.query, askedBy: spec.title });
        const problems = [...blockKitProblems(message), ...pingProblems(allText(message))];
        if (problems.length > 0) throw new Error(`${result.kind}: ${problems.slice(0, 3).join('; ')}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the App Home tab', () => {
  const help = oneOfEachKind().find((result): result is ResultOf<'help'> => result.kind === 'help')!;
  const topics = oneOfEachKind().find((result): result is ResultOf<'topics'> => result.kind === 'topics')!;
  const view = renderHome({ help, topics });

  it('says what the bot does, how to ask, its commands and its topics', () => {
    const text = allText({ blocks: view.blocks });
    expect(text).toContain('PyTorch vs TensorFlow');
    expect(text).toContain('Mention me in a channel');
    expect(text).toContain('`compare &lt;topic&gt;`');
    expect(text).toContain('*Mobile deployment* (`deployment-mobile`)');
  });

  it('stays within the Home tab limits even with hundreds of topics', () => {
    const many = {
      ...topics,
      topics: Array.from({ length: 400 }, (_, i) => ({ id: `topic-${i}`, title: `Topic ${i}`, summary: 's'.repeat(300) })),
    };
    const big = renderHome({ help, topics: many });
    expect(blockKitProblems(big)).toEqual([]);
    expect(big.type).toBe('home');
  });
});
