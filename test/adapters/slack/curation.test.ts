// The curators' side on Slack, through the real Bolt app: admins (ADMIN_USER_IDS) see the
// summary in the App Home and with `/pytorch-vs-tf stats`, privately; everyone else sees neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecorder } from '../../../src/curation/recorder.js';
import { createCurationService } from '../../../src/curation/service.js';
import { createSilentLogger } from '../../../src/logging/logger.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { blockKitProblems } from '../../support/slack/block-kit-rules.js';
import { useSlackHarness } from '../../support/slack/harness.js';
import { appMention, ASKER, DM_CHANNEL, slashCommandFields } from '../../support/slack/requests.js';

const ADMIN = 'U0ADMIN01';
let store: Store | undefined;
const recorder = createRecorder({ store: () => store, logger: createSilentLogger(), flushDelayMs: 1 });
const curation = createCurationService({
  recorder,
  store: () => store,
  knowledge: () => slack.engine.knowledge,
  admins: { slack: [ADMIN], discord: [] },
  keepQuestionText: true,
});
const slack = useSlackHarness(undefined, { curation });

beforeAll(async () => {
  store = await openSqliteStore({ file: ':memory:' });
});
afterAll(async () => {
  await recorder.close();
  await store?.close();
});

async function slash(text: string, userId: string): Promise<string> {
  const response = await slack.sender.postForm({ ...slashCommandFields(text), user_id: userId });
  expect(response.status).toBe(200);
  return JSON.stringify(response.json);
}

async function openHome(user: string): Promise<string> {
  const response = await slack.sender.event({
    type: 'app_home_opened',
    user,
    channel: DM_CHANNEL,
    tab: 'home',
    event_ts: '1700000000.000300',
  });
  expect(response.status).toBe(200);
  const publish = slack.standIn.callsTo('views.publish').at(-1)!;
  expect(publish.params.user_id).toBe(user);
  expect(blockKitProblems(publish.params.view as Parameters<typeof blockKitProblems>[0])).toEqual([]);
  return JSON.stringify(publish.params.view);
}

describe('the curation summary on Slack', () => {
  it('is at the top of an admin’s App Home, with what people asked that the bot could not answer', async () => {
    await slash('what is the best pizza in town', ASKER.id);
    const home = await openHome(ADMIN);
    expect(home).toContain('Curation summary');
    expect(home).toContain('what is the best pizza in town');
    expect(home).toContain('compare');
  });

  it('is not in anyone else’s App Home', async () => {
    const home = await openHome(ASKER.id);
    expect(home).not.toContain('Curation summary');
    expect(home).not.toContain('pizza');
  });

  it('answers an admin’s /pytorch-vs-tf stats privately, and refuses everyone else politely', async () => {
    expect(await slash('stats', ADMIN)).toContain('Curation summary');
    const refused = await slash('stats', ASKER.id);
    expect(refused).toMatch(/only for/);
    expect(refused).not.toContain('pizza');
  });

  it('is not posted where others would see it: an admin asking in a channel is told to ask privately', async () => {
    const response = await slack.sender.event(appMention('<@UBOT0001> stats', { user: ADMIN }));
    expect(response.status).toBe(200);
    const post = await slack.standIn.waitForCall('chat.postMessage');
    expect(JSON.stringify(post.params)).toMatch(/privately/);
    expect(JSON.stringify(post.params)).not.toContain('pizza');
  });
});
