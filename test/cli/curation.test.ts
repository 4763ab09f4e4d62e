// The curators' tools as a curator runs them: `npm run stats` (text and --json, --days),
// `npm run curate export` and `resolve`, `npm run privacy -- forget`, against a SQLite file under
// DATA_DIR and a real PostgreSQL with DATABASE_URL, filled the way the bot fills it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterIdOf } from '../../src/curation/clusters.js';
import { type CurationRecord, openSqliteStore, openPostgresStore, SQLITE_FILE_NAME, type Store } from '../../src/store/index.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { runScript } from '../support/run-script.js';
import { statsJson as stats } from '../support/stats.js';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();

function question(id: string, outcome: 'answered' | 'partial' | 'declined', text: string | null, at = now - 1_000): CurationRecord {
  return {
    type: 'question',
    id,
    at,
    platform: 'slack',
    userId: id.endsWith('9') ? 'U0FORGET1' : 'U0ASKER1',
    channelId: 'C0CHANNEL1',
    command: 'ask',
    kind: outcome === 'answered' ? 'answer' : outcome === 'partial' ? 'partial' : 'no-match',
    outcome,
    entryId: outcome === 'answered' ? 'faq-mobile' : null,
    topic: null,
    confidence: 0.5,
    stale: false,
    text,
  };
}

/** Six recent questions (one from 40 days ago), a 👍, a 👎 with a reason, an open dispute. */
const RECORDS: CurationRecord[] = [
  question('AQ0000000001', 'answered', null),
  question('AQ0000000002', 'answered', null),
  question('AQ0000000003', 'declined', 'does jax support windows'),
  question('AQ0000000004', 'declined', 'Does JAX support Windows?'),
  question('AQ0000000005', 'partial', 'how do I shard a model over four GPUs'),
  question('AQ0000000009', 'declined', '=HYPERLINK("http://example.com","x"), "quoted"'),
  question('AQ0000000006', 'declined', 'an old question', now - 40 * DAY),
  {
    type: 'vote',
    id: 'F-UPVOTE01',
    at: now,
    platform: 'slack',
    userId: 'U0ASKER1',
    answerId: 'AQ0000000001',
    entryId: 'faq-mobile',
    topic: 'mobile',
    kind: 'answer',
    vote: 'up',
    reason: null,
    text: null,
  },
  {
    type: 'vote',
    id: 'F-DOWNVOT1',
    at: now,
    platform: 'slack',
    userId: 'U0FORGET1',
    answerId: 'AQ0000000002',
    entryId: 'faq-windows',
    topic: 'platforms',
    kind: 'answer',
    vote: 'down',
    reason: 'It says nothing about WSL',
    text: 'pytorch on windows',
  },
  {
    type: 'dispute',
    id: 'D-DISPUTE1',
    at: now,
    platform: 'discord',
    userId: '600000000000000007',
    claimId: 'tflite-is-litert',
    entryId: 'faq-mobile',
    reason: 'The rename was in 2024',
    sourceUrl: 'https://ai.google.dev/edge/litert',
  },
];

describe('the curators’ tools on SQLite (DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pvt-curation-'));
  const env = { DATA_DIR: dataDir };
  beforeAll(async () => {
    const store = await openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME) });
    await store.curation.write(RECORDS);
    await store.close();
  });

  // One script run per test: each run starts Node and TypeScript, which is slow on a busy machine.
  it('stats --json: outcomes, votes, unanswered questions grouped with counts, open disputes', () => {
    const summary = stats(env);
    expect(summary).toMatchObject({ questions: 6, answered: 2, partial: 1, declined: 3, votes: { up: 1, down: 1 }, disputes: { open: 1 } });
    expect(summary.unanswered.map(({ text, count }) => ({ text, count }))).toEqual([
      { text: 'does jax support windows', count: 2 },
      { text: 'how do I shard a model over four GPUs', count: 1 },
      { text: '=HYPERLINK("http://example.com","x"), "quoted"', count: 1 },
    ]);
  });

  it('stats --days 60 reaches further back', () => {
    expect(stats(env, '--days', '60')).toMatchObject({ questions: 7, declined: 4 });
  });

  it('stats prints a readable summary', () => {
    const run = runScript('src/cli/stats.ts', [], { env });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Questions in the last 30 days: 6');
    expect(run.stdout).toContain('2× “does jax support windows”');
    expect(run.stdout).toContain('Open disputes: 1');
  });

  it('curate export writes the worklist as Markdown and as CSV a spreadsheet reads as text', () => {
    const out = mkdtempSync(join(tmpdir(), 'pvt-worklist-'));
    const run = runScript('src/cli/curate.ts', ['export', '--out', out], { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('3 unanswered groups, 1 👎 with a reason, 1 open dispute');
    const markdown = readFileSync(join(out, 'curation-worklist.md'), 'utf8');
    expect(markdown).toContain('**2×** does jax support windows');
    expect(markdown).toContain('`F-DOWNVOT1`');
    expect(markdown).toContain('reason: It says nothing about WSL');
    expect(markdown).toContain('`D-DISPUTE1` on claim `tflite-is-litert`');
    const csv = readFileSync(join(out, 'curation-worklist.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('type,id,count,entry_id,claim_id,text,reason,source_url,date');
    expect(csv).toContain(`unanswered,${clusterIdOf('does jax support windows')},2,,,does jax support windows,,,`);
    expect(csv.some((line) => line.includes(`"'=HYPERLINK(""http://example.com"",""x""), ""quoted"""`))).toBe(true);
    expect(csv.some((line) => line.startsWith('dispute,D-DISPUTE1,1,faq-mobile,tflite-is-litert,,The rename was in 2024,'))).toBe(true);
  });

  it('curate resolve closes a dispute with a note', async () => {
    const run = runScript('src/cli/curate.ts', ['resolve', 'D-DISPUTE1', '--note', 'checked: the rename was in 2024'], { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Resolved D-DISPUTE1');
    expect(await read((store) => store.curation.dispute('D-DISPUTE1'))).toMatchObject({
      status: 'resolved',
      resolution: 'checked: the rename was in 2024',
    });
  });

  it('curate resolve takes the note as plain words too, and a 👎 by its id however it is typed', async () => {
    expect(runScript('src/cli/curate.ts', ['resolve', 'f-downvot1', 'added', 'WSL', 'to', 'the', 'answer'], { env }).status).toBe(0);
    expect(await read((store) => store.curation.downVotes(0, 10))).toEqual([]);
  });

  it('curate resolve closes a whole group of unanswered questions; the history keeps counting them', async () => {
    const run = runScript('src/cli/curate.ts', ['resolve', clusterIdOf('does jax support windows'), '--note', 'new FAQ entry'], { env });
    expect(run.stdout).toContain('2 unanswered questions');
    const left = await read((store) => store.curation.unanswered(0, 10));
    expect(left.map((question) => question.text)).not.toContain('does jax support windows');
    expect((await read((store) => store.curation.outcomes(Date.now() - 30 * DAY))).questions).toBe(6);
  });

  it('curate resolve says so when no open item has the id', () => {
    const again = runScript('src/cli/curate.ts', ['resolve', 'D-DISPUTE1', '--note', 'twice'], { env });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('No open item has the id D-DISPUTE1');
  });

  it('privacy forget deletes one person’s questions and votes, and nobody else’s', async () => {
    const run = runScript('src/cli/privacy.ts', ['forget', 'slack', 'U0FORGET1'], { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 questions, 1 votes, 0 disputes deleted');
    expect(await read((store) => store.curation.outcomes(0))).toMatchObject({ questions: 6 });
    expect(await read((store) => store.curation.votesByEntry(0))).toEqual([{ entryId: 'faq-mobile', up: 1, down: 0 }]);
  });

  async function read<T>(query: (store: Store) => Promise<T>): Promise<T> {
    const store = await openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME) });
    try {
      return await query(store);
    } finally {
      await store.close();
    }
  }
});

describe('stats --json on PostgreSQL (DATABASE_URL)', () => {
  let server: PostgresServer;
  let url: string;
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('curation_cli');
    const store: Store = await openPostgresStore({ url });
    await store.curation.write(RECORDS);
    await store.close();
  }, 60_000);
  afterAll(async () => server?.destroy());

  it('reads what the bot recorded there', () => {
    expect(stats({ DATABASE_URL: url })).toMatchObject({
      questions: 6,
      answered: 2,
      partial: 1,
      declined: 3,
      votes: { up: 1, down: 1 },
      disputes: { open: 1 },
    });
  });
});
