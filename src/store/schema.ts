// The tables as Kysely sees them: one description for both databases. Times are milliseconds
// since the epoch (bigint in PostgreSQL, integer in SQLite); flags are 0 or 1, so the same
// queries read the same values from either. Person and channel ids are keyed hashes, never raw.
import type { Generated } from 'kysely';

export interface QuestionsTable {
  id: string;
  asked_at: number;
  platform: string;
  user_hash: string;
  channel_hash: string;
  command: string;
  kind: string;
  outcome: string;
  entry_id: string | null;
  topic: string | null;
  confidence: number;
  /** 1 when the answer came from an entry past its review date. */
  stale: number;
  /** Kept only for declined and partial outcomes, and only while text is kept at all. */
  text: string | null;
  resolved_at: number | null;
  resolution: string | null;
}

export interface VotesTable {
  id: string;
  /** One vote per person per answer: `answerId:userHash`, or the vote's id when the answer is unknown. */
  vote_key: string;
  voted_at: number;
  platform: string;
  user_hash: string;
  answer_id: string | null;
  entry_id: string | null;
  topic: string | null;
  kind: string;
  vote: string;
  reason: string | null;
  text: string | null;
  resolved_at: number | null;
  resolution: string | null;
}

export interface DisputesTable {
  id: string;
  created_at: number;
  platform: string;
  user_hash: string;
  claim_id: string;
  entry_id: string | null;
  reason: string;
  source_url: string | null;
  status: string;
  resolved_at: number | null;
  resolution: string | null;
}

export interface ClaimsTable {
  key: string;
  expires_at: number;
  /** The claimant's token ('' for claims made before holders were kept). */
  holder: Generated<string>;
}

export interface ConversationsTable {
  key: string;
  /** JSON. */
  state: string;
  expires_at: number;
}

/** Settings the database keeps for every replica, such as the key ids are hashed with. */
export interface StoreMetaTable {
  key: string;
  value: string;
}

export interface Database {
  questions: QuestionsTable;
  votes: VotesTable;
  disputes: DisputesTable;
  claims: ClaimsTable;
  conversations: ConversationsTable;
  store_meta: StoreMetaTable;
}
