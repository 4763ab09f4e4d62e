// The default command: find the best answer to a free-text question, or decline honestly. A
// follow-up the user picked (a button) is answered directly from its entry.
import { emptyResult, type EngineContext, followUpOf } from '../context.js';
import { type AnswerFit, FIT_MODEL } from '../search/answer-fit.js';
import { confidenceFeatures, confidenceOf, rankingFeatures, rankingScore, type ScoredCandidate } from '../search/answer-model.js';
import { ANSWER_MODEL_WEIGHTS } from '../search/answer-model-weights.js';
import { CONFIDENCE_MODEL, confidenceFrom, evidenceFor } from '../search/confidence.js';
import type { RankedEntry, SearchOutcome } from '../search/knowledge-search.js';
import type { Candidate, ClaimRef, EngineResult, FollowUp, InputNote } from '../types.js';
import { exampleQuestions, helpResult } from './catalog.js';
import {
  asWhenQuestion,
  type ConversationState,
  mergeFollowUp,
  readFollowUp,
  reverseFrameworks,
  subjectOf,
  withSubject,
} from '../conversation.js';
import { isNotEnglish } from '../language.js';
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
  return askInConversation(context, text, notes, undefined);
};

/** Frameworks a follow-up can switch to: "and in tensorflow?" after a PyTorch question. */
const FOLLOW_UP_FRAMEWORKS = ['pytorch', 'tensorflow', 'keras', 'jax'];
const followUpReadings = new WeakMap<EngineContext, Parameters<typeof mergeFollowUp>[2]>();
/** How a follow-up's words are told apart: framework names replace framework names, other named things replace named things. */
function followUpReading(context: EngineContext): Parameters<typeof mergeFollowUp>[2] {
  let reading = followUpReadings.get(context);
  if (!reading) {
    const frameworks = new Set(FOLLOW_UP_FRAMEWORKS.flatMap((name) => context.analyzer.analyze(name)));
    reading = {
      termsOf: (text) => context.analyzer.analyze(text),
      isFramework: (term) => frameworks.has(term),
      isThing: (term) => context.search.namesThing(term),
    };
    followUpReadings.set(context, reading);
  }
  return reading;
}

/**
 * A question in free text, read against the conversation so far when there is one: a follow-up
 * ("and for mobile?") is merged with the previous question, "why?" or "more" gives the previous
 * answer in full, a question in another language gets an honest note. The result carries the
 * state the next message continues from.
 */
export function askInConversation(
  context: EngineContext,
  text: string,
  notes: InputNote[],
  conversation: ConversationState | undefined,
): EngineResult {
  const remembered = (result: EngineResult, query: string): EngineResult => ({
    ...result,
    conversation: { query, entryId: result.entryId, topic: result.topic, turns: (conversation?.turns ?? 0) + 1 },
  });
  /**
   * The message read as `question` (the previous question merged with it): answered as that, shown
   * as typed, with a note saying how it was read; `added` are the words the message brought.
   */
  const askedAs = (question: string, added?: string): EngineResult =>
    remembered({ ...askResult(context, question, [...notes, { code: 'read-as-follow-up', question }], added), query: text }, question);
  if (isNotEnglish(text)) return remembered(otherLanguageResult(context, text, notes), text);
  const followUp = conversation ? readFollowUp(text) : undefined;
  if (conversation && followUp) {
    switch (followUp.kind) {
      case 'refers': {
        const subject = subjectOf(conversation.query, followUpReading(context));
        return subject
          ? askedAs(withSubject(followUp.question, subject), followUp.question)
          : remembered(askResult(context, text, notes), text);
      }
      case 'when':
        return askedAs(asWhenQuestion(conversation.query));
      case 'reverse':
        return askedAs(reverseFrameworks(conversation.query, followUpReading(context)));
      case 'about':
        return askedAs(mergeFollowUp(conversation.query, followUp.fragment, followUpReading(context)), followUp.fragment);
      case 'more':
      case 'why':
      case 'still-true': {
        const again = conversation.entryId ? answerInFull(context, conversation.entryId, text, notes, followUp.kind) : undefined;
        if (again) return remembered(again, conversation.query);
        // Not an entry of the knowledge (an answer from the release registry, a partial): ask again.
        const asked = askResult(context, conversation.query, notes);
        return remembered(
          asked.kind === 'answer' ? { ...asked, query: text, detail: followUp.kind } : { ...asked, query: text },
          conversation.query,
        );
      }
    }
  }
  return remembered(askResult(context, text, notes), text);
}

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

/** Candidates by the search's own confidence (claim checks use it; questions use the answer model). */
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

/** How many of the best-ranked entries are checked for whether they answer the question itself. */
export const FIT_POOL = 20;
/**
 * Closeness at which the question is, word for word, one of an entry's ways of asking it: that
 * entry joins the pool whatever its rank and stands first among the entries that may answer. A
 * curator who writes a phrasing means it to reach its entry; ranked by topic, it could lose to a
 * topic whose other entries share more of its words. Questions that merely resemble a phrasing
 * (closeness 0.93 and below) are left to the model: forcing them cost answers on the FAQ sets.
 */
const NEAR_PHRASING = 0.97;
/** At most this many closest questions are offered when none answers exactly. */
const MAX_SUGGESTIONS = 3;

/** The candidates of a question, best first, with the confidence that the first answers it. */
interface Judgement {
  ranked: ScoredCandidate[];
  confidence: number;
  /** Whether the question is in the knowledge's area at all (some entry matches it well). */
  inArea: boolean;
}

/**
 * The best-ranked entries of a search with the features the answer model reads, unsorted, and
 * whether the question is in the knowledge's area. Also used to fit the model (npm run fit).
 */
export function describeCandidates(
  context: EngineContext,
  query: string,
  outcome: SearchOutcome,
): { candidates: Omit<ScoredCandidate, 'score'>[]; inArea: boolean } {
  const reading = context.answerFit.read(query, outcome.terms);
  // Several entries of one topic matching well is evidence for each of them (the question is
  // about that area), so the topic's combined evidence is a feature; within it, the entry decides.
  const bestTopicEvidence = outcome.topicEvidence[0]?.score ?? 0;
  const topicShare = new Map(
    outcome.topicEvidence.map(({ topic, score }) => [topic, bestTopicEvidence > 0 ? score / bestTopicEvidence : 0]),
  );
  const topicRelevance = new Map(outcome.topics.map(({ topic, relevance }) => [topic, relevance]));
  let inArea = false;
  // The search orders its list by topic first; the pool is the best entries by their own score,
  // so that an entry from a topic the question only touches can still be judged, and any entry
  // the question asks for word for word.
  const byScore = [...outcome.ranked].sort((a, b) => b.score - a.score);
  const pool = [...byScore.slice(0, FIT_POOL), ...byScore.slice(FIT_POOL).filter((entry) => entry.closeness >= NEAR_PHRASING)];
  const candidates = pool.map((entry) => {
    if (!inArea && confidenceFrom(evidenceFor(outcome, entry, topicRelevance)) >= CONFIDENCE_MODEL.inAreaThreshold) inArea = true;
    const fit = context.answerFit.fit(reading, entry);
    const topic = { share: topicShare.get(entry.topic) ?? 0, relevance: topicRelevance.get(entry.topic) ?? 0 };
    return { entry, fit, features: rankingFeatures(outcome, entry, fit, topic) };
  });
  return { candidates, inArea };
}

function judge(context: EngineContext, query: string, outcome: SearchOutcome): Judgement {
  const { candidates, inArea } = describeCandidates(context, query, outcome);
  const ranked = orderCandidates(candidates.map((candidate) => ({ ...candidate, score: rankingScore(candidate.features) })));
  const confidence = ranked.length > 0 ? confidenceOf(confidenceFeatures(outcome, ranked)) : 0;
  return { ranked, confidence, inArea };
}

/**
 * Candidates best first: those that may answer (see mayAnswer) before those that may not, each
 * group by ranking score, so an entry about the other framework never stands in front of one
 * that answers; within those that may answer, an entry asked for word for word (NEAR_PHRASING)
 * comes first. Ties go by id, so the same question always gets the same order.
 */
export function orderCandidates<C extends Pick<ScoredCandidate, 'entry' | 'fit' | 'score'>>(candidates: C[]): C[] {
  return candidates
    .map((candidate) => ({ candidate, answerable: mayAnswer(candidate.fit), asked: candidate.entry.closeness >= NEAR_PHRASING }))
    .sort(
      (a, b) =>
        Number(b.answerable) - Number(a.answerable) ||
        Number(b.asked) - Number(a.asked) ||
        b.candidate.score - a.candidate.score ||
        (a.candidate.entry.id < b.candidate.entry.id ? -1 : a.candidate.entry.id > b.candidate.entry.id ? 1 : 0),
    )
    .map(({ candidate }) => candidate);
}

/**
 * Rules the learned model may not overrule: an entry about the other framework only, or one
 * that misses most of what the question names, is never given as the answer, however well the
 * rest of its words match; it can still be offered as a close question.
 */
export function mayAnswer(fit: AnswerFit): boolean {
  return fit.focus > FIT_MODEL.otherFramework && fit.things >= MIN_THINGS_TO_ANSWER;
}
/** The least share of the named things' weight an answering entry keeps (see answer-fit.ts). */
const MIN_THINGS_TO_ANSWER = 0.5;

/** See onlyContextUncovered in askResult. */
const MIN_CONTEXT_COVERAGE = 0.25;

/** `emphasis`: the words a follow-up added to the question it continues (see queryTerms). */
export function askResult(context: EngineContext, query: string, notes: InputNote[], emphasis?: string): EngineResult {
  // Release registry first: "latest keras", "is tf serving still maintained" (issue 10).
  const fromRegistry = releaseAnswer(context, query, notes);
  if (fromRegistry) return fromRegistry;
  const { terms } = context.queryTerms(query, emphasis);
  if (terms.length === 0) return decline(context, query, notes, 'no-question');
  const outcome = context.search.search(terms);
  const { ranked, confidence, inArea } = judge(context, query, outcome);
  const best = ranked[0];
  const candidates = best ? toReportedCandidates(ranked.slice(0, MAX_CANDIDATES), best, confidence) : [];

  // Out of scope: nothing matches well, and the answer model is not sure of the best candidate
  // either (it was fitted with out-of-scope questions as negatives).
  // A question that names no framework, library or API ("is my model railway safe for kids") is
  // in scope only through ML context words; when the best entry covers less than this share of
  // its information, its other words are about something else, however close a phrasing looks.
  const onlyContextUncovered = outcome.scope === 'context' && (best?.fit.coverage ?? 0) < MIN_CONTEXT_COVERAGE;
  const confident = confidence >= ANSWER_MODEL_WEIGHTS.answerThreshold && !onlyContextUncovered;
  if (!best || (!inArea && !confident)) return { ...decline(context, query, notes, 'out-of-scope'), confidence, candidates };

  if (!confident || !mayAnswer(best.fit)) {
    // The knowledge covers the area but the engine is not sure any entry answers this exact
    // question: say so, and offer the closest questions rather than answering a neighbouring one.
    return {
      ...emptyResult(query, notes),
      kind: 'partial',
      confidence,
      topic: best.entry.topic,
      followUps: closestQuestions(ranked).slice(0, MAX_SUGGESTIONS),
      candidates,
    };
  }

  const answer = answerFromEntry(context, query, notes, best.entry, outcome, confidence, candidates);
  return { ...answer, followUps: closeRivalsFirst(ranked, best, answer.followUps) };
}

/** A candidate whose ranking score is within this much of the answer's is a close rival. */
const CLOSE_RIVAL_GAP = 1;
/** At most this many close rivals lead the follow-ups. */
const MAX_CLOSE_RIVALS = 2;

/**
 * The follow-ups of an answer, led by the entries that nearly won: when the engine picks the
 * wrong one of two close candidates, the right one is a click away (about half of the wrong
 * answers on held-out real questions had it second or third).
 */
function closeRivalsFirst(ranked: readonly ScoredCandidate[], best: ScoredCandidate, followUps: FollowUp[]): FollowUp[] {
  const rivals = closestQuestions(ranked.filter((c) => c !== best && c.entry.kind === 'faq' && best.score - c.score <= CLOSE_RIVAL_GAP))
    .filter((rival) => rival.question !== best.entry.title)
    .slice(0, MAX_CLOSE_RIVALS);
  const rest = followUps.filter((followUp) => !rivals.some((rival) => rival.entryId === followUp.entryId));
  return [...rivals, ...rest].slice(0, MAX_FOLLOW_UPS);
}

/** The confidence at which a question in another language is shown its best match. */
const OTHER_LANGUAGE_SURE = 0.6;

/**
 * A question not in English gets an honest reply that the bot answers in English, with the best
 * match offered only when the engine is sure of it (framework names read the same in every
 * language, so a weak match is likely a different question).
 */
export function otherLanguageResult(context: EngineContext, query: string, notes: InputNote[]): EngineResult {
  const { terms } = context.queryTerms(query);
  const judgement = terms.length > 0 ? judge(context, query, context.search.search(terms)) : undefined;
  const best = judgement?.ranked[0];
  const sure = best !== undefined && judgement!.confidence >= OTHER_LANGUAGE_SURE && best.entry.kind === 'faq' && mayAnswer(best.fit);
  return {
    ...emptyResult(query, notes),
    kind: 'other-language',
    confidence: judgement?.confidence ?? 0,
    topic: sure ? best.entry.topic : null,
    followUps: sure ? [{ entryId: best.entry.id, question: best.entry.title }] : [],
  };
}

/**
 * Candidates as results report them: the first with the answer confidence, the others scaled by
 * how far their ranking score falls behind the first's, within 0..1. An entry that may not
 * answer is listed after those that may (see orderCandidates) even when its ranking score is
 * higher, so no score is allowed above the one before it: the list stays ordered.
 */
function toReportedCandidates(ranked: readonly ScoredCandidate[], first: ScoredCandidate, confidence: number): Candidate[] {
  let ceiling = confidence;
  return ranked.map(({ entry, score }) => {
    ceiling = Math.min(ceiling, confidence * Math.exp(Math.min(0, score - first.score)));
    return { entryId: entry.id, kind: entry.kind, topic: entry.topic, question: entry.title, score: ceiling };
  });
}

/** FAQ questions first (they read as questions), each once. */
function closestQuestions(ranked: readonly ScoredCandidate[]): FollowUp[] {
  const ordered = [...ranked.filter((c) => c.entry.kind === 'faq'), ...ranked.filter((c) => c.entry.kind === 'claim')];
  const seen = new Set<string>();
  const questions: FollowUp[] = [];
  for (const { entry } of ordered) {
    if (seen.has(entry.title)) continue;
    seen.add(entry.title);
    questions.push({ entryId: entry.id, question: entry.title });
  }
  return questions;
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

/** What a follow-up asks of the answer just given. */
export type AnswerDetail = 'more' | 'why' | 'still-true';

/**
 * The answer of an entry again, in full (every claim behind it), for a follow-up that asks for
 * more of it, for why it holds, or whether it is still true. Undefined for an unknown id.
 */
export function answerInFull(
  context: EngineContext,
  entryId: string,
  query: string,
  notes: InputNote[],
  detail: AnswerDetail,
): EngineResult | undefined {
  const faq = context.faqById.get(entryId);
  const claim = faq ? undefined : context.references.claim(entryId);
  if (!faq && !claim) return undefined;
  const result = answerFromEntry(
    context,
    query,
    notes,
    faq ? { kind: 'faq', id: faq.id, topic: faq.topic } : { kind: 'claim', id: claim!.id, topic: claim!.topic },
    undefined,
    1,
    [],
  );
  if (result.kind !== 'answer') return result;
  const claims = faq ? context.references.claims(faq.claims) : [claim!];
  return { ...result, detail, claims };
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
