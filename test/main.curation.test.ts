// The curation loop end to end, as issue 11 is checked: `npm start` in Slack's HTTP mode driven
// like Slack drives it (questions answered, partly answered and declined, 👍, a 👎 with a reason
// in its form, a dispute through its form), then `npm run -s stats -- --json` reads it back; a
// restart keeps it; the same on a real PostgreSQL, which is stopped mid-run without costing an
// answer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf } from '../src/curation/outcome.js';
import { ACTION_IDS, DISPUTE_ACTION_PATTERN, INPUT_IDS, VIEW_IDS } from '../src/render/slack/index.js';
import { openPostgresStore, openSqliteStore, SQLITE_FILE_NAME, type Store } from '../src/store/index.js';
import { type BotProcess, startBotProcess, waitFor } from './support/bot-process.js';
import { shippedEngine } from './support/engine.js';
import { type PostgresServer, startPostgres } from './support/postgres.js';
import { blockActions, SlackRequestSender, slashCommandFields, TEAM_ID, TEST_SIGNING_SECRET } from './support/slack/requests.js';
import { SlackWebApiStandIn } from './support/slack/web-api-stand-in.js';
import { statsJson as stats } from './support/stats.js';

const VOTER = { id: 'U0VOTER01', name: 'grace.hopper' };
const DISPUTER = { id: 'U0DISPUT1', name: 'katherine.johnson' };

/** What the curators expect to see: questions the engine answers, answers partly, and declines. */
const QUESTIONS = [
  'what is TensorFlow Lite called now?',
  'which GPU should I buy for deep learning',
  // Partial because no entry covers both tools it names (answer-fit `things`), not because its
  // confidence sits just under the answer threshold: a question that did moved across it as the
  // knowledge grew, which is not what this test is about.
  'does keras tuner work with torchrl',
  'what is the best pizza in town',
  'how do I bake sourdough bread',
];

/** How the shipped engine sorts QUESTIONS: the counts the store must end up with. */
function expectedOutcomes(questions: readonly string[]) {
  const counts = { answered: 0, partial: 0, declined: 0 };
  for (const question of questions) counts[outcomeOf(shippedEngine().respond(question))]++;
  return counts;
}

interface Button {
  action_id: string;
  value: string;
}

/** Every button of a message: in actions blocks, and beside sections (a claim's Dispute). */
function buttonsOf(message: Record<string, unknown> | undefined): Button[] {
  const blocks = (message?.blocks ?? []) as { type: string; elements?: Button[]; accessory?: Button & { type: string } }[];
  return blocks.flatMap((block) => [
    ...(block.type === 'actions' ? (block.elements ?? []) : []),
    ...(block.accessory?.type === 'button' ? [block.accessory] : []),
  ]);
}

/** A view_submission payload, as Slack sends it when a form is submitted. */
function viewSubmission(view: Record<string, unknown>, user: { id: string; name: string }, values: Record<string, string>) {
  const state: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [id, value] of Object.entries(values)) state[id] = { [id]: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'example' },
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
    api_app_id: 'A0000001',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.1.submit`,
    view: { id: 'V0000001', team_id: TEAM_ID, type: 'modal', ...view, state: { values: state }, hash: '1700000000.abc' },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The bot in HTTP mode with a Slack stand-in, and the requests a test sends it. */
class Session {
  private constructor(
    readonly slack: SlackWebApiStandIn,
    readonly bot: BotProcess,
    readonly sender: SlackRequestSender,
  ) {}

  static async start(env: Record<string, string>): Promise<Session> {
    const slack = await SlackWebApiStandIn.start();
    const bot = await startBotProcess({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      ...env,
    });
    await bot.ready();
    return new Session(slack, bot, new SlackRequestSender(`${bot.baseUrl}/slack/events`));
  }

  /** A slash command; resolves with the answer Slack would show (the acknowledgement's body). */
  async ask(text: string, user = { id: 'U0ASKER1', name: 'ada.lovelace' }): Promise<Record<string, unknown>> {
    const response = await this.sender.postForm({
      ...slashCommandFields(text, this.slack.responseUrl(`ask-${text}`)),
      user_id: user.id,
      user_name: user.name,
    });
    expect(response.status).toBe(200);
    return response.json ?? {};
  }

  async click(button: Button, user: { id: string; name: string }, responseId: string): Promise<void> {
    const payload = blockActions({
      actionId: button.action_id,
      value: button.value,
      responseUrl: this.slack.responseUrl(responseId),
      user,
    });
    expect((await this.sender.interaction(payload)).status).toBe(200);
  }

  /** The form the bot opened last (views.open), parsed. */
  async openedForm(count: number): Promise<Record<string, unknown>> {
    const call = await this.slack.waitUntil(() => this.slack.callsTo('views.open')[count - 1], `form ${count} to open`);
    const view = call.params.view;
    return (typeof view === 'string' ? JSON.parse(view) : view) as Record<string, unknown>;
  }

  async submit(view: Record<string, unknown>, user: { id: string; name: string }, values: Record<string, string>) {
    return this.sender.interaction(viewSubmission(view, user, values));
  }

  async stop(): Promise<void> {
    this.bot.child.kill('SIGTERM');
    await this.bot.exited;
    await this.slack.close();
  }

  async kill(): Promise<void> {
    this.bot.kill();
    await this.slack.close();
  }
}

/** Everything the issue asks the loop to record, driven through Slack; resolves with the dispute's id. */
async function driveTheLoop(session: Session): Promise<string> {
  const answers = [];
  for (const question of QUESTIONS) answers.push(await session.ask(question));
  const answer = answers[0]!;
  const buttons = buttonsOf(answer);
  const up = buttons.find((button) => button.action_id === ACTION_IDS.feedbackUp)!;
  const down = buttons.find((button) => button.action_id === ACTION_IDS.feedbackDown)!;
  const dispute = buttons.find((button) => DISPUTE_ACTION_PATTERN.test(button.action_id));
  expect(dispute, 'the first answer shows at least one claim, each with a Dispute button').toBeDefined();
  expect(JSON.parse(up.value)).toMatchObject({ answerId: expect.stringMatching(/^A[0-9A-Z]{11}$/) });

  await session.click(up, { id: 'U0ASKER1', name: 'ada.lovelace' }, 'vote-up');
  await session.click(down, VOTER, 'vote-down');
  const reasonForm = await session.openedForm(1);
  expect(reasonForm.callback_id).toBe(VIEW_IDS.feedbackReason);
  expect((await session.submit(reasonForm, VOTER, { [INPUT_IDS.reason]: 'It should say what LiteRT is' })).status).toBe(200);

  await session.click(dispute!, DISPUTER, 'dispute');
  const disputeForm = await session.openedForm(2);
  expect(disputeForm.callback_id).toBe(VIEW_IDS.dispute);
  const sent = await session.submit(disputeForm, DISPUTER, {
    [INPUT_IDS.reason]: 'The release notes say otherwise',
    [INPUT_IDS.sourceUrl]: 'https://example.com/release-notes',
  });
  // The form turns into the confirmation, which names the review item; the conversation gets it too.
  expect(sent.json).toMatchObject({ response_action: 'update' });
  const disputeId = /D-[0-9A-Z]{8}/.exec(JSON.stringify(sent.json))?.[0];
  expect(disputeId).toBeDefined();
  const confirmation = await session.slack.waitUntil(
    () => session.slack.responseUrlPosts.find((post) => post.id === 'dispute'),
    'the dispute confirmation in the conversation',
  );
  expect(JSON.stringify(confirmation.body)).toContain(disputeId!);
  return disputeId!;
}

/** Waits until the bot has written `questions` questions, read straight from the database. */
async function untilRecorded(open: () => Promise<Store>, questions: number): Promise<void> {
  const store = await open();
  try {
    await waitFor(
      async () => ((await store.curation.outcomes(0)).questions >= questions ? true : undefined),
      `${questions} questions recorded`,
    );
  } finally {
    await store.close();
  }
}

describe('the curation loop on SQLite (the default, DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pvt-loop-'));
  const env = { DATA_DIR: dataDir, ADMIN_USER_IDS: 'slack:U0ADMIN01' };
  const expected = expectedOutcomes(QUESTIONS);
  let session: Session | undefined;
  let disputeId: string;

  beforeAll(async () => {
    session = await Session.start(env);
  }, 60_000);
  afterAll(async () => session?.kill());

  it('records questions, votes, a 👎 reason and a dispute driven through Slack', async () => {
    expect(expected.partial).toBeGreaterThan(0);
    expect(expected.declined).toBeGreaterThan(0);
    disputeId = await driveTheLoop(session!);
    await untilRecorded(() => openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME) }), QUESTIONS.length);
  });

  it('npm run -s stats -- --json shows them', () => {
    const summary = stats(env);
    expect(summary).toMatchObject({ questions: QUESTIONS.length, ...expected, votes: { up: 1, down: 1 }, disputes: { open: 1 } });
    expect(summary.unanswered.map((cluster) => cluster.text)).toEqual(
      expect.arrayContaining(['what is the best pizza in town', 'how do I bake sourdough bread']),
    );
    // Answered questions leave no text behind; a 👎 keeps its reason and its question.
    expect(JSON.stringify(summary.unanswered)).not.toContain('TensorFlow Lite called now');
    expect(summary.downVotes).toEqual([
      expect.objectContaining({ reason: 'It should say what LiteRT is', text: 'what is TensorFlow Lite called now?' }),
    ]);
    expect(summary.disputes.items).toEqual([
      expect.objectContaining({ id: disputeId, reason: 'The release notes say otherwise', sourceUrl: 'https://example.com/release-notes' }),
    ]);
  });

  it('an admin gets the summary with /pytorch-vs-tf stats; anyone else a polite no', async () => {
    const admin = JSON.stringify(await session!.ask('stats', { id: 'U0ADMIN01', name: 'admin' }));
    expect(admin).toContain('Curation summary');
    expect(admin).toContain('what is the best pizza in town');
    const other = JSON.stringify(await session!.ask('stats', { id: 'U0OTHER01', name: 'other' }));
    expect(other).toContain('only for');
    expect(other).not.toContain('pizza');
  });

  it('a restart keeps everything', async () => {
    await session!.stop();
    session = await Session.start(env);
    await session.ask('what is the best pizza in town');
    await untilRecorded(() => openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME) }), QUESTIONS.length + 3);
    const summary = stats(env);
    // Five questions, the two `stats` commands, and one more after the restart.
    expect(summary).toMatchObject({ questions: QUESTIONS.length + 3, votes: { up: 1, down: 1 }, disputes: { open: 1 } });
    expect(summary.unanswered.find((cluster) => cluster.text === 'what is the best pizza in town')?.count).toBe(2);
  }, 60_000);
});

describe('the curation loop on PostgreSQL (DATABASE_URL), stopped mid-run', () => {
  let server: PostgresServer;
  let url: string;
  let session: Session | undefined;
  const expected = expectedOutcomes(QUESTIONS);

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('curation_loop');
    session = await Session.start({ DATABASE_URL: url });
  }, 60_000);
  afterAll(async () => {
    await session?.kill();
    await server?.destroy();
  });

  it('records the loop there', async () => {
    await driveTheLoop(session!);
    await untilRecorded(() => openPostgresStore({ url }), QUESTIONS.length);
    expect(stats({ DATABASE_URL: url })).toMatchObject({
      questions: QUESTIONS.length,
      ...expected,
      votes: { up: 1, down: 1 },
      disputes: { open: 1 },
    });
  });

  it('answers every question while the database is down, and records them once it is back', async () => {
    await server.stop();
    for (const question of QUESTIONS) {
      const answer = JSON.stringify(await session!.ask(question));
      expect(answer).not.toMatch(/something went wrong/i);
      expect(answer.length).toBeGreaterThan(100);
    }
    await server.start();
    await untilRecorded(() => openPostgresStore({ url }), 2 * QUESTIONS.length);
    const summary = stats({ DATABASE_URL: url });
    expect(summary.questions).toBe(2 * QUESTIONS.length);
    expect(summary.declined).toBe(2 * expected.declined);
    const metrics = await (await fetch(`${session!.bot.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/pytorch_vs_tf_store_errors_total\{operation="write"\} [1-9]/);
    expect(metrics).toMatch(/pytorch_vs_tf_store_buffered_records 0/);
  }, 60_000);
});
