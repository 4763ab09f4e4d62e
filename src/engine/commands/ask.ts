// The default command: find the best answer to a free-text question, or decline honestly.
import { emptyResult, type EngineContext } from '../context.js';
import { CONFIDENCE_MODEL, confidenceFrom, evidenceFor } from '../search/confidence.js';
import type { RankedEntry, SearchOutcome } from '../search/knowledge-search.js';
import type { Candidate, ClaimRef, EngineResult } from '../types.js';
import { exampleQuestions } from './catalog.js';

const MAX_CANDIDATES = 5;
const MAX_RELATED_CLAIMS = 3;
const MAX_FOLLOW_UPS = 3;

function declineText(context: EngineContext): string {
  const titles = context.knowledge.topics.slice(0, 8).map((t) => t.title.toLowerCase());
  return (
    "Sorry, that's outside what I know. I answer questions about choosing between PyTorch and TensorFlow: " +
    `${titles.join(', ')} and more. Type \`topics\` for the full list or \`help\` for the commands.`
  );
}

export function toCandidates(_context: EngineContext, outcome: SearchOutcome, limit = MAX_CANDIDATES): Candidate[] {
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

export function askResult(context: EngineContext, query: string, notes: string[]): EngineResult {
  const { terms } = context.queryTerms(query);
  if (terms.length === 0) {
    return {
      ...emptyResult(query, notes),
      kind: 'no-match',
      text: `I could not find a question in that. ${declineText(context)}`,
      followUps: exampleQuestions(context),
    };
  }
  const outcome = context.search.search(terms);
  const best = outcome.ranked[0];
  const candidates = toCandidates(context, outcome);
  const confidence = best ? confidenceFrom(evidenceFor(outcome, best)) : 0;

  if (!best || confidence < CONFIDENCE_MODEL.answerThreshold) {
    return {
      ...emptyResult(query, notes),
      kind: 'no-match',
      confidence,
      text: declineText(context),
      followUps: exampleQuestions(context),
      candidates,
    };
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
    const options = [best, rival].map((entry) => entry.title);
    return {
      ...emptyResult(query, notes),
      kind: 'ambiguous',
      confidence,
      text: 'I am not sure which of these you mean:',
      followUps: options,
      candidates,
    };
  }

  return answerFromEntry(context, query, notes, best, outcome, confidence, candidates);
}

function answerFromEntry(
  context: EngineContext,
  query: string,
  notes: string[],
  best: RankedEntry,
  outcome: SearchOutcome,
  confidence: number,
  candidates: Candidate[],
): EngineResult {
  const { references } = context;
  // Claims the query itself touches, in the answer's topic, complement the entry's own list.
  const matchedClaims = outcome.ranked
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

/** The entry's related questions first, then the topic's next best matches for this query. */
function topicFollowUps(context: EngineContext, topic: string, entryId: string | undefined, outcome: SearchOutcome): string[] {
  const entry = entryId ? context.faqById.get(entryId) : undefined;
  const ids = [
    ...(entry?.related ?? []),
    ...outcome.ranked.filter((r) => r.kind === 'faq' && r.topic === topic).map((r) => r.id),
    ...context.knowledge.faq.filter((faq) => faq.topic === topic).map((faq) => faq.id),
  ];
  const questions: string[] = [];
  for (const id of ids) {
    if (id === entryId) continue;
    const question = context.faqById.get(id)?.question;
    if (question && !questions.includes(question)) questions.push(question);
    if (questions.length === MAX_FOLLOW_UPS) break;
  }
  return questions;
}
