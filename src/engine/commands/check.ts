// `check <statement>`: finds the recorded claims closest to a statement and shows their verdict,
// what is true now, and the sources.
import { emptyResult, type EngineContext } from '../context.js';
import { confidenceFrom, evidenceFor } from '../search/confidence.js';
import type { EngineResult } from '../types.js';
import { toCandidates } from './ask.js';

const MAX_CLAIMS = 3;
/** A claim must share at least this much of the statement's information to be shown. */
const MIN_COVERAGE = 0.35;

const VERDICT_WORDS: Record<string, string> = {
  accurate: 'accurate',
  'partly-true': 'partly true',
  outdated: 'outdated',
  unverified: 'unverified (no source confirms it)',
  opinion: 'an opinion rather than a fact',
  anecdote: 'an anecdote (no published data)',
};

export function checkResult(context: EngineContext, query: string, statement: string, notes: string[]): EngineResult {
  if (!statement.trim()) {
    return {
      ...emptyResult(query, notes),
      kind: 'claim-check',
      statement: '',
      text: 'Give me a statement to fact-check, e.g. `check TensorFlow only supports static graphs` or `check TorchServe is actively developed`.',
    };
  }
  const { terms } = context.queryTerms(statement);
  const outcome = context.search.search(terms, { kinds: ['claim'] });
  const close = outcome.ranked.filter((entry) => entry.coverage >= MIN_COVERAGE && outcome.knownShare >= 0.5).slice(0, MAX_CLAIMS);
  if (close.length === 0) {
    return {
      ...emptyResult(query, notes),
      kind: 'claim-check',
      statement,
      text: 'I have no recorded claim close to that statement. Try asking it as a question instead, or type `topics` to see what I cover.',
      candidates: toCandidates(context, outcome, 3),
    };
  }
  const claims = context.references.claims(close.map((entry) => entry.id));
  const top = claims[0]!;
  return {
    ...emptyResult(query, notes),
    kind: 'claim-check',
    statement,
    topic: top.topic,
    entryId: top.id,
    confidence: confidenceFrom(evidenceFor(outcome, close[0]!)),
    text: `The closest recorded claim is ${VERDICT_WORDS[top.verdict]}. ${top.now}`,
    claims,
    sources: context.references.sources(claims.flatMap((c) => c.sources.map((s) => s.id))).slice(0, 6),
    candidates: toCandidates(context, outcome, 3),
    asOf: top.checked,
  };
}
