// Button clicks (block_actions payloads) through the real Bolt app with the real engine.
import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  askActionId,
  encodeFeedbackValue,
  encodeFollowUpValue,
  escapeText,
  INPUT_IDS,
  VIEW_IDS,
} from '../../../src/render/slack/index.js';
import { blockKitProblems, pingProblems } from '../../support/slack/block-kit-rules.js';
import { useSlackHarness } from '../../support/slack/harness.js';
import { ASKER, blockActions, CHANNEL, DM_CHANNEL, type ButtonClick } from '../../support/slack/requests.js';

const slack = useSlackHarness();

const QUESTION = 'what is TensorFlow Lite called now?';

async function click(button: Omit<ButtonClick, 'responseUrl'> & { responseId?: string }): Promise<void> {
  const { responseId = 'r1', ...rest } = button;
  const response = await slack.sender.interaction(blockActions({ ...rest, responseUrl: slack.standIn.responseUrl(responseId) }));
  // Acknowledged with an empty 200, so Slack shows the user no error.
  expect(response.status).toBe(200);
  expect(response.text).toBe('');
}

const posts = () => slack.standIn.callsTo('chat.postMessage');
const responses = () => slack.standIn.responseUrlPosts.map((post) => post.body);

describe('Share in channel', () => {
  it('posts the answer visibly in the channel, credited to the asker by name without pinging them', async () => {
    await click({ actionId: ACTION_IDS.share, value: QUESTION });
    expect(posts()).toHaveLength(1);
    const { params } = posts()[0]!;
    expect(params.channel).toBe(CHANNEL.id);
    expect(params.text).toContain(`${ASKER.name} asked: ${QUESTION}`);
    expect(params.text).toContain('LiteRT');
    expect(JSON.stringify(params)).not.toContain(`<@${ASKER.id}>`);
    expect(pingProblems(JSON.stringify(params))).toEqual([]);
    expect(blockKitProblems(params)).toEqual([]);
  });

  it('removes the private copy once shared', async () => {
    await click({ actionId: ACTION_IDS.share, value: QUESTION });
    expect(responses()).toEqual([{ delete_original: true }]);
  });

  it('falls back to the response_url when the app is not in the channel', async () => {
    slack.standIn.fail('chat.postMessage', { error: 'not_in_channel' });
    await click({ actionId: ACTION_IDS.share, value: QUESTION });
    const [shared, deleted] = responses();
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(shared!.text)).toContain('LiteRT');
    expect(deleted).toEqual({ delete_original: true });
  });

  it('tells the asker privately when sharing fails, and keeps their copy', async () => {
    slack.standIn.fail('chat.postMessage', { status: 500 });
    await click({ actionId: ACTION_IDS.share, value: QUESTION });
    expect(responses()).toHaveLength(1);
    expect(responses()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(responses()[0]!.text)).toMatch(/could not share/);
    expect(slack.logs.some((log) => log.msg === 'could not share an answer in the channel')).toBe(true);
  });
});

describe('a follow-up button', () => {
  // Most clicks here carry plain text, as buttons of earlier versions did; they answer as typed.
  it('on a slash-command answer asks that question and answers privately through the response_url', async () => {
    await click({ actionId: askActionId(1), value: QUESTION });
    expect(posts()).toEqual([]);
    const [reply] = responses();
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply!.text)).toContain('LiteRT');
    expect(JSON.stringify(reply!.blocks)).toContain(ACTION_IDS.share);
    expect(blockKitProblems(reply!)).toEqual([]);
  });

  it('on a threaded answer answers in the same thread, saying who asked', async () => {
    await click({ actionId: askActionId(0), value: QUESTION, message: { ts: '1700000500.000002', thread_ts: '1700000500.000001' } });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params).toMatchObject({ channel: CHANNEL.id, thread_ts: '1700000500.000001' });
    expect(String(posts()[0]!.params.text)).toContain(`${ASKER.name} asked:`);
    expect(String(posts()[0]!.params.text)).toContain('LiteRT');
  });

  it('on an answer shared in the channel starts a thread under it', async () => {
    await click({ actionId: askActionId(0), value: QUESTION, message: { ts: '1700000500.000003' } });
    expect(posts()[0]!.params).toMatchObject({ channel: CHANNEL.id, thread_ts: '1700000500.000003' });
  });

  it('in a DM answers in the DM', async () => {
    await click({ actionId: askActionId(2), value: 'compare hardware', message: { ts: '1700000500.000004' }, channelId: DM_CHANNEL });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params.channel).toBe(DM_CHANNEL);
    expect(posts()[0]!.params.thread_ts).toBeUndefined();
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain('PyTorch vs TensorFlow: ');
  });

  it('answers the entry the button carries, whatever its label says', async () => {
    const entry = slack.engine.knowledge.faq[0]!;
    await click({ actionId: askActionId(0), value: encodeFollowUpValue({ entryId: entry.id, question: 'a label only' }) });
    expect(String(responses()[0]!.text)).toContain(escapeText(entry.answer).slice(0, 40));
  });

  it('works for a button that carries a claim, the same kind of button', async () => {
    const claim = slack.engine.knowledge.claims[0]!;
    await click({ actionId: askActionId(0), value: encodeFollowUpValue({ entryId: claim.id, question: claim.claim }) });
    expect(String(responses()[0]!.text)).toContain(escapeText(claim.now).slice(0, 40));
  });

  it('asks the question it shows when the knowledge no longer has its entry', async () => {
    await click({ actionId: askActionId(0), value: encodeFollowUpValue({ entryId: 'no-such-entry', question: QUESTION }) });
    expect(String(responses()[0]!.text)).toContain('LiteRT');
  });
});

describe('feedback buttons', () => {
  const value = encodeFeedbackValue({ entryId: 'deployment-mobile-litert-what', topic: 'deployment-mobile', kind: 'answer' });

  it('thumbs-up is acknowledged, thanked privately, and logged with the entry id and the vote', async () => {
    await click({ actionId: ACTION_IDS.feedbackUp, value });
    expect(responses()).toHaveLength(1);
    expect(responses()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(responses()[0]!.text)).toMatch(/^Thanks/);
    const line = slack.logs.find((log) => log.event === 'feedback' && log.vote === 'up');
    expect(line).toMatchObject({ entryId: 'deployment-mobile-litert-what', topic: 'deployment-mobile', kind: 'answer', vote: 'up' });
  });

  it('thumbs-down opens a form asking why (optional), and is logged with the entry id and the vote', async () => {
    await click({ actionId: ACTION_IDS.feedbackDown, value, message: { ts: '1700000600.000002', thread_ts: '1700000600.000001' } });
    const opened = slack.standIn.callsTo('views.open');
    expect(opened).toHaveLength(1);
    const raw = opened[0]!.params.view;
    const view = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { callback_id: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe(VIEW_IDS.feedbackReason);
    expect(view.blocks.some((block) => block.block_id === INPUT_IDS.reason)).toBe(true);
    expect(
      slack.logs.some((log) => log.event === 'feedback' && log.vote === 'down' && log.entryId === 'deployment-mobile-litert-what'),
    ).toBe(true);
  });

  it('thumbs-down on a threaded answer thanks the voter in the thread when the form cannot open', async () => {
    slack.standIn.fail('views.open', { error: 'expired_trigger_id' });
    await click({ actionId: ACTION_IDS.feedbackDown, value, message: { ts: '1700000600.000002', thread_ts: '1700000600.000001' } });
    const thanks = slack.standIn.callsTo('chat.postEphemeral');
    expect(thanks).toHaveLength(1);
    expect(thanks[0]!.params).toMatchObject({ channel: CHANNEL.id, user: ASKER.id, thread_ts: '1700000600.000001' });
  });

  it('with a mangled value is still acknowledged and logged, as an unknown entry', async () => {
    await click({ actionId: ACTION_IDS.feedbackUp, value: 'not json' });
    expect(slack.logs.some((log) => log.event === 'feedback' && log.entryId === null)).toBe(true);
  });
});

describe('an unknown action', () => {
  it('is acknowledged and otherwise ignored', async () => {
    await click({ actionId: 'some_button_from_an_older_version', value: 'x' });
    expect(slack.standIn.calls).toEqual([]);
    expect(responses()).toEqual([]);
  });
});
