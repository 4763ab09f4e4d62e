// The default command: find the best answer to a free-text question, or decline honestly. A
// follow-up the user picked (a button) is answered directly from its entry.
import { emptyResult, type EngineContext, followUpOf } from '../context.js';
import { CONFIDENCE_MODEL, confidenceFrom, evidenceFor } from '../search/confidence.js';
import type { RankedEntry, SearchOutcome } from '../search/knowledge-search.js';
import type { Candidate, ClaimRef, EngineResult, FollowUp, InputNote } from '../types.js';
import { exampleQuestions, helpResult } from './catalog.js';
import type { CommandHandler } from './registry.js';
import { releaseAnswer } from './releases.js';

const MAX_CANDIDATES = 5;
const MAX_RELATED_CLAIMS = 3;
const MAX_FOLLOW_UPS = 3;
/** Topic titles a decline names to show what the bot does know. */
const DECLINE_TOPICS = 8;

export const askCommand: CommandHandler = (context, { text, blank, notes, entryId }) => {
  if (entryId !== undefined) {
    const picked = answerPicked(context, entryId, text, notes);
    if (picked) return picked;
  }
  if (blank) return helpResult(context, text, notes, 'empty-input');
  if (!text) return invalidInput(text, notes);
  return askResult(context, text, notes);
};

export function invalidInput(query: string, notes: InputNote[]): EngineResult {
  return { ...emptyResult(query, notes), kind: 'invalid-input' };
}

function decline(context: EngineContext, query: string, notes: InputNote[], reason: 'no-question' | 'out-of-scope' | 'unknown-entry') {
  return {
    ...emptyResult(query, notes),
    kind: 'no-match' as const,
    reason,
    topicTitles: context.knowledge.topics.slice(0, DECLINE_TOPICS).map((topic) => topic.title),
    followUps: exampleQuestions(context),
  };
}

export function toCandidates(outcome: SearchOutcome, limit = MAX_CANDIDATES): Candidate[] {
  return (
    outcome.ranked
      .slice(0, limit)
      .map((entry) => ({
        entryId: entry.id,
        kind: entry.kind,
        topic: entry.topic,
        question: entry.title,
        score: confidenceFrom(evidenceFor(outcome, entry)),
      }))
      // Confidence, not raw rank score, is what users see; keep the list ordered by it.
      .sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0))
  );
}

export function askResult(context: EngineContext, query: string, notes: InputNote[]): EngineResult {
  // Release registry first: "latest keras", "is tf serving still maintained" (issue 10).
  const fromRegistry = releaseAnswer(context, query, notes);
  if (fromRegistry) return fromRegistry;
  const { terms } = context.queryTerms(query);
  if (terms.length === 0) return decline(context, query, notes, 'no-question');
  const outcome = context.search.search(terms);
  const best = outcome.ranked[0];
  const candidates = toCandidates(outcome);
  const confidence = best ? confidenceFrom(evidenceFor(outcome, best)) : 0;

  if (!best || confidence < CONFIDENCE_MODEL.answerThreshold) {
    return { ...decline(context, query, notes, 'out-of-scope'), confidence, candidates };
  }

  // A close call is between topics: the ranking follows each topic's combined evidence.
  const [first, second] = outcome.topicEvidence;
  const rival = second && outcome.ranked.find((entry) => entry.topic === second.topic);
  if (
    first &&
    second &&
    rival &&
    confidence < CONFIDENCE_MODEL.ambiguityCeiling &&
    first.score - second.score < CONFIDENCE_MODEL.ambiguityMargin * first.score
  ) {
    return {
      ...emptyResult(query, notes),
      kind: 'ambiguous',
      confidence,
      followUps: [best, rival].map((entry) => ({ entryId: entry.id, question: entry.title })),
      candidates,
    };
  }

  return answerFromEntry(context, query, notes, best, outcome, confidence, candidates);
}

function answerFromEntry(
  context: EngineContext,
  query: string,
  notes: InputNote[],
  best: Pick<RankedEntry, 'kind' | 'id' | 'topic'>,
  outcome: SearchOutcome | undefined,
  confidence: number,
  candidates: Candidate[],
): EngineResult {
  const { references } = context;
  // Claims the query itself touches, in the answer's topic, complement the entry's own list.
  const matchedClaims = (outcome?.ranked ?? [])
    .filter((entry) => entry.kind === 'claim' && entry.topic === best.topic && entry.coverage >= 0.5)
    .map((entry) => entry.id);

  // A claim answers with what is true now; a FAQ entry with its curated answer.
  const claim = best.kind === 'claim' ? references.claim(best.id)! : undefined;
  const entry = best.kind === 'faq' ? context.faqById.get(best.id)! : undefined;
  const claims: ClaimRef[] = claim
    ? [claim, ...references.claims(matchedClaims).filter((c) => c.id !== claim.id)]
    : references.claims([...entry!.claims, ...matchedClaims]);
  return {
    ...emptyResult(query, notes),
    kind: 'answer',
    question: claim ? claim.claim : entry!.question,
    text: claim ? claim.now : entry!.answer,
    topic: best.topic,
    confidence,
    entryId: best.id,
    claims: claims.slice(0, MAX_RELATED_CLAIMS),
    sources: claim ? claim.sources : references.sources(entry!.sources),
    followUps: topicFollowUps(context, best.topic, entry?.id, outcome),
    candidates,
    asOf: claim ? claim.checked : (entry!.checked ?? null),
  };
}

/**
 * The entry the user picked, answered as it is: they chose it, so there is nothing to rank. When
 * the knowledge no longer has it, the question it showed is asked instead, if there is one.
 */
function answerPicked(context: EngineContext, entryId: string, fallbackText: string, notes: InputNote[]): EngineResult | undefined {
  const faq = context.faqById.get(entryId);
  const claim = faq ? undefined : context.references.claim(entryId);
  if (faq) return answerFromEntry(context, faq.question, notes, { kind: 'faq', id: faq.id, topic: faq.topic }, undefined, 1, []);
  if (claim) return answerFromEntry(context, claim.claim, notes, { kind: 'claim', id: claim.id, topic: claim.topic }, undefined, 1, []);
  return fallbackText ? undefined : decline(context, '', notes, 'unknown-entry');
}

/** The entry's related questions first, then the topic's next best matches for this query. */
function topicFollowUps(
  context: EngineContext,
  topic: string,
  entryId: string | undefined,
  outcome: SearchOutcome | undefined,
): FollowUp[] {
  const entry = entryId ? context.faqById.get(entryId) : undefined;
  const ids = [
    ...(entry?.related ?? []),
    ...(outcome?.ranked ?? []).filter((r) => r.kind === 'faq' && r.topic === topic).map((r) => r.id),
    ...(context.faqByTopic.get(topic) ?? []).map((faq) => faq.id),
  ];
  const followUps: FollowUp[] = [];
  for (const id of ids) {
    if (id === entryId) continue;
    const related = context.faqById.get(id);
    if (related && !followUps.some((f) => f.question === related.question)) followUps.push(followUpOf(related));
    if (followUps.length === MAX_FOLLOW_UPS) break;
  }
  return followUps;
}
