// The curation summary: what `npm run stats` prints, what admins see in Slack's App Home and with
// the `stats` command. Everything comes from the store; the engine is not involved.
import type { CurationSummary, UnansweredCluster } from '../engine/index.js';
import type { Store } from '../store/index.js';
import { clusterQuestions } from './clusters.js';

export interface SummaryOptions {
  days: number;
  now?: number;
  /** How many clusters, 👎 and disputes to list. */
  top?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Questions clustered at most: the newest this many unanswered ones in the period. */
const MAX_CLUSTERED = 5_000;

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/** All unanswered clusters of the period (for `curate`), largest first. */
export async function unansweredClusters(store: Store, since: number): Promise<UnansweredCluster[]> {
  const questions = await store.curation.unanswered(since, MAX_CLUSTERED);
  return clusterQuestions(questions, (question) => question.text).map((cluster) => ({
    id: cluster.id,
    text: cluster.text,
    count: cluster.count,
    variants: cluster.variants,
    questionIds: cluster.members.map((member) => member.id),
    partial: cluster.members.filter((member) => member.outcome === 'partial').length,
    declined: cluster.members.filter((member) => member.outcome === 'declined').length,
  }));
}

export async function summarize(store: Store, { days, now = Date.now(), top = 10 }: SummaryOptions): Promise<CurationSummary> {
  const since = now - days * DAY_MS;
  const [outcomes, byEntry, clusters, downVotes, openDisputes, disputes, stale] = await Promise.all([
    store.curation.outcomes(since),
    store.curation.votesByEntry(since),
    unansweredClusters(store, since),
    store.curation.downVotes(since, top),
    store.curation.countOpenDisputes(),
    store.curation.openDisputes(top),
    store.curation.staleServed(since),
  ]);
  const up = byEntry.reduce((sum, entry) => sum + entry.up, 0);
  const down = byEntry.reduce((sum, entry) => sum + entry.down, 0);
  return {
    days,
    since: new Date(since).toISOString(),
    ...outcomes,
    rates: {
      answered: rate(outcomes.answered, outcomes.questions),
      partial: rate(outcomes.partial, outcomes.questions),
      declined: rate(outcomes.declined, outcomes.questions),
    },
    votes: { up, down, byEntry },
    unanswered: clusters.slice(0, top),
    downVotes,
    disputes: { open: openDisputes, items: disputes },
    stale: { served: stale.reduce((sum, entry) => sum + entry.count, 0), byEntry: stale },
  };
}
