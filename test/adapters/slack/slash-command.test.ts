// The /pytorch-vs-tf slash command, through the real Bolt app in HTTP mode with the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/engine/index.js';
import { ACTION_IDS, decodeQuestionValue } from '../../../src/render/slack/index.js';
import { blockKitProblems, pingProblems } from '../../support/slack/block-kit-rules.js';
import { startSlackHarness, type SlackHarness } from '../../support/slack/harness.js';
import type { SlackHttpResponse } from '../../support/slack/requests.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.close();
});

type Json = Record<string, unknown>;
interface Reply {
  response_type: string;
  text: string;
  blocks: Json[];
}

/** Sends the command and checks what every reply must be: a 200 whose body is a valid ephemeral message. */
async function command(text: string): Promise<Reply & { raw: string }> {
  const response: SlackHttpResponse = await slack.sender.slashCommand(text);
  expect(response.status).toBe(200);
  const reply = response.json as unknown as Reply;
  expect(reply.response_type).toBe('ephemeral');
  expect(blockKitProblems(reply)).toEqual([]);
  return { ...reply, raw: response.text };
}

const buttonsOf = (reply: Reply) =>
  reply.blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Json[]) : [])) as (Json & {
    action_id: string;
    value: string;
  })[];

describe('/pytorch-vs-tf answers in the acknowledgement itself, only to the asker', () => {
  it('help lists every command', async () => {
    const reply = await command('help');
    for (const { name } of COMMANDS) expect(reply.raw).toContain(`\`${name}`);
  });

  it('with no text shows the help', async () => {
    const reply = await command('');
    expect(reply.raw).toContain('`compare &lt;topic&gt;`');
    expect(reply.raw).toContain('`recommend');
  });

  it('topics lists every topic in the knowledge base', async () => {
    const reply = await command('topics');
    for (const topic of slack.engine.knowledge.topics) expect(reply.raw).toContain(`(\`${topic.id}\`)`);
  });

  it('sources lists the sources as links', async () => {
    const reply = await command('sources');
    expect(reply.raw).toMatch(/<https:\/\/[^|>]+\|[^>]+>/);
    expect(reply.raw).toContain('Sources');
  });

  it('compare <topic> lays out the comparison in two columns', async () => {
    const reply = await command('compare mobile deployment');
    const heading = reply.blocks[0] as { type: string; text: { text: string } };
    expect(heading.type).toBe('header');
    expect(heading.text.text).toMatch(/^PyTorch vs TensorFlow: /);
    const columns = reply.blocks.find((block) => Array.isArray(block.fields)) as { fields: { text: string }[] };
    expect(columns.fields.map((field) => field.text)).toEqual(['*PyTorch*', '*TensorFlow*']);
  });

  it('recommend <needs> gives a lean and why', async () => {
    const reply = await command('recommend deploy to android and ios phones');
    const heading = reply.blocks[0] as { type: string; text: { text: string } };
    expect(heading.type).toBe('header');
    expect(heading.text.text).toMatch(/Leans PyTorch|Leans TensorFlow|Either framework fits|No clear lean/);
    expect(reply.raw).toContain('→');
  });

  it('check <statement> gives a verdict on a claim', async () => {
    const reply = await command('check TensorFlow Lite is how you run models on phones');
    expect(reply.raw).toContain('_“TensorFlow Lite is how you run models on phones”_');
    expect(reply.raw).toMatch(/Accurate|Partly true|Outdated|Unverified|Opinion|Anecdote/);
  });

  it('ask <question> answers the question: TF Lite is now LiteRT', async () => {
    const reply = await command('ask is TensorFlow Lite still called TensorFlow Lite?');
    expect(reply.text).toContain('LiteRT');
  });

  it('a bare question is answered like ask', async () => {
    const reply = await command('what is TensorFlow Lite called now?');
    expect(reply.text).toContain('LiteRT');
  });

  it('offers "Share in channel", carrying the question so a click can answer it again', async () => {
    const reply = await command('what is TensorFlow Lite called now?');
    const share = buttonsOf(reply).find((button) => button.action_id === ACTION_IDS.share);
    expect(share).toBeDefined();
    expect(decodeQuestionValue(share!.value)).toBe('what is TensorFlow Lite called now?');
  });

  it('needs no Web API call: the answer is the acknowledgement', async () => {
    const before = slack.standIn.calls.length;
    await command('compare hardware');
    expect(slack.standIn.calls.slice(before).filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('never lets a typed <!here> or @channel through', async () => {
    // Slack escapes what people type: a typed "<!here>" arrives as "&lt;!here&gt;", a real @here as "<!here>".
    for (const text of ['&lt;!here&gt; what is XLA?', '<!here> <!channel> <@U123> what is XLA?', 'compare <!everyone> hardware']) {
      const reply = await command(text);
      expect(pingProblems(reply.raw)).toEqual([]);
    }
  });

  it('keeps a huge question within Block Kit limits', async () => {
    const reply = await command(`ask ${'why is <!here> & pytorch faster than tensorflow? '.repeat(150)}`);
    expect(pingProblems(reply.raw)).toEqual([]);
  });
});
