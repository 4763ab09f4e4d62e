// `check <statement>`: finds the recorded claims closest to a statement and shows their verdict,
// what is true now, and the sources.
import { emptyResult } from '../context.js';
import { confidenceFrom, evidenceFor } from '../search/confidence.js';
import { toCandidates } from './ask.js';
import type { CommandHandler } from './registry.js';

const MAX_CLAIMS = 3;
const MAX_SOURCES = 6;
const MAX_CANDIDATES = 3;
/** A claim must share at least this much of the statement's information to be shown. */
const MIN_COVERAGE = 0.35;
/** Share of the statement's words the knowledge must know before a claim can be close to it. */
const MIN_KNOWN_SHARE = 0.5;

export const checkCommand: CommandHandler = (context, { text: statement, notes }) => {
  const base = { ...emptyResult(statement, notes), kind: 'claim-check' as const, statement };
  if (!statement.trim()) return { ...base, reason: 'no-statement' };
  const { terms } = context.queryTerms(statement);
  const outcome = context.search.search(terms, { kinds: ['claim'] });
  const candidates = toCandidates(outcome, MAX_CANDIDATES);
  const close = outcome.ranked
    .filter((entry) => entry.coverage >= MIN_COVERAGE && outcome.knownShare >= MIN_KNOWN_SHARE)
    .slice(0, MAX_CLAIMS);
  if (close.length === 0) return { ...base, reason: 'no-close-claim', candidates };
  const claims = context.references.claims(close.map((entry) => entry.id));
  const top = claims[0]!;
  return {
    ...base,
    reason: 'checked',
    topic: top.topic,
    entryId: top.id,
    confidence: confidenceFrom(evidenceFor(outcome, close[0]!)),
    text: top.now,
    claims,
    sources: context.references.sources(claims.flatMap((c) => c.sources.map((s) => s.id))).slice(0, MAX_SOURCES),
    candidates,
    asOf: top.checked,
  };
};
