// Scoring rules of the evaluation, at two levels:
// - the topic: is the answer in the right area (top-1), and is an out-of-scope question declined;
// - the answer: does the answer address *this* question. A labelled question says what a direct
//   answer must address, by the ids of the entries that answer it (`entries`), by regular
//   expressions its text must all match (`must`, none of `mustNot`), or both (either suffices).
//   Answered and addressing it is direct; answered but not addressing it is wrong (an answer to
//   another question, the costliest outcome); not answered (declined, partial, asked back) is
//   held back.
// Calibration compares the engine's confidence with how often its answers are direct.
import { plainFromPastedChat } from '../adapters/pasted-text.js';
import { type ConversationState, type Engine, type EngineResult, type EvaluationRecord, toEvaluationRecord } from '../engine/index.js';

export interface LabelledQuestion {
  /** The question; or `turns`, a conversation whose last message is scored. */
  q?: string;
  turns?: string[];
  /** Acceptable topics of the best answer; empty when the bot must decline; absent when only the answer is judged. */
  topics?: string[];
  /** Regular expressions (case-insensitive) that a direct answer's text must all match. */
  must?: string[];
  mustNot?: string[];
  /** Ids of entries whose answer addresses the question. */
  entries?: string[];
  /** For questions in another language: its code. */
  lang?: string;
  source?: string;
}

export interface CalibrationBand {
  /** Lower bound of the confidence band (inclusive). */
  from: number;
  to: number;
  answered: number;
  direct: number;
}

export interface EvaluationScore {
  questions: number;
  inScope: number;
  top1: number;
  top1Rate: number;
  outOfScope: number;
  declined: number;
  declinedRate: number;
  /** In-scope questions labelled with what a direct answer addresses. */
  judged: number;
  direct: number;
  directRate: number;
  wrong: number;
  wrongRate: number;
  heldBack: number;
  /** Held-back questions by the kind of result (partial, no-match, ambiguous...). */
  heldBackKinds: Record<string, number>;
  /**
   * Held-back questions where one of the closest questions offered instead answers it: the user
   * is one pick (a number in the terminal, a button in Slack and Discord) from a direct answer.
   * Counted only when the scorer is given the offered questions' answers (see scoreQuestions).
   */
  onePickAway: number;
  /** Wrong answers where one of the questions offered with the answer answers it when picked. */
  wrongOnePickAway: number;
  calibration: CalibrationBand[];
  /** Wrong answers first, then held back, then topic misses and missed declines. */
  misses: string[];
}

/** Asks one question, or the messages of a conversation in order, and returns the last record. */
export type Asker = (question: LabelledQuestion) => EvaluationRecord;
/** What each question offered with a result (instead of an answer, or after one) answers when picked. */
export type OfferedAnswers = (question: LabelledQuestion) => EvaluationRecord[];

const BANDS = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];

/** The question as shown in reports: the text, or the conversation joined by " / ". */
export function questionText(question: LabelledQuestion): string {
  return question.q ?? (question.turns ?? []).join(' / ');
}

/** Whether an answer addresses the question, by its labels. Undefined when the question has none. */
export function addresses(question: LabelledQuestion, record: EvaluationRecord): boolean | undefined {
  const byEntry =
    question.entries && question.entries.length > 0 ? record.entryId !== null && question.entries.includes(record.entryId) : undefined;
  const hasMust = question.must && question.must.length > 0;
  const byText = hasMust
    ? question.must!.every((pattern) => new RegExp(pattern, 'i').test(record.text)) &&
      !(question.mustNot ?? []).some((pattern) => new RegExp(pattern, 'i').test(record.text))
    : undefined;
  if (byEntry === undefined && byText === undefined) return undefined;
  return byEntry === true || byText === true;
}

export function scoreQuestions(questions: readonly LabelledQuestion[], ask: Asker, offered?: OfferedAnswers): EvaluationScore {
  let inScope = 0;
  let top1 = 0;
  let outOfScope = 0;
  let declined = 0;
  let judged = 0;
  let direct = 0;
  let wrong = 0;
  let heldBack = 0;
  let onePickAway = 0;
  let wrongOnePickAway = 0;
  const heldBackKinds: Record<string, number> = {};
  const calibration: CalibrationBand[] = BANDS.slice(0, -1).map((from, i) => ({
    from,
    to: Math.min(1, BANDS[i + 1]!),
    answered: 0,
    direct: 0,
  }));
  const wrongs: string[] = [];
  const held: string[] = [];
  const others: string[] = [];
  /** Whether one of the questions offered with the result answers it when picked. */
  const answeredByAnOffer = (question: LabelledQuestion) =>
    offered?.(question).some((picked) => addresses(question, picked) === true) ?? false;
  for (const question of questions) {
    const record = ask(question);
    const shown = JSON.stringify(questionText(question));
    const topics = question.topics;
    if (topics && topics.length === 0) {
      outOfScope++;
      if (!record.answered) declined++;
      else others.push(`should decline: ${shown} -> ${record.entryId ?? record.topic} (${record.confidence})`);
      continue;
    }
    if (topics) {
      inScope++;
      if (record.answered && record.topic !== null && topics.includes(record.topic)) top1++;
      else
        others.push(`topic: ${shown} -> ${record.answered ? record.topic : record.kind} (${record.confidence}) (want ${topics.join('|')})`);
    }
    const verdict = addresses(question, record);
    if (verdict === undefined) continue;
    judged++;
    if (!record.answered) {
      heldBack++;
      heldBackKinds[record.kind] = (heldBackKinds[record.kind] ?? 0) + 1;
      const pickable = answeredByAnOffer(question);
      if (pickable) onePickAway++;
      held.push(`held back: ${shown} (${record.kind}, ${record.confidence})${pickable ? ', answered by an offered question' : ''}`);
      continue;
    }
    const band = calibration.find((b) => record.confidence >= b.from && record.confidence < (b.to === 1 ? 1.0001 : b.to));
    if (band) band.answered++;
    if (verdict) {
      direct++;
      if (band) band.direct++;
    } else {
      wrong++;
      const pickable = answeredByAnOffer(question);
      if (pickable) wrongOnePickAway++;
      wrongs.push(
        `WRONG: ${shown} -> ${record.entryId} (${record.confidence}): ${record.text.slice(0, 90).replace(/\s+/g, ' ')}${pickable ? ' [an offered question answers it]' : ''}`,
      );
    }
  }
  const rate = (count: number, total: number) => (total > 0 ? count / total : 1);
  return {
    questions: questions.length,
    inScope,
    top1,
    top1Rate: rate(top1, inScope),
    outOfScope,
    declined,
    declinedRate: rate(declined, outOfScope),
    judged,
    direct,
    directRate: rate(direct, judged),
    wrong,
    wrongRate: judged > 0 ? wrong / judged : 0,
    heldBack,
    heldBackKinds,
    onePickAway,
    wrongOnePickAway,
    calibration,
    misses: [...wrongs, ...held, ...others],
  };
}

/** Reads a JSONL set: one labelled question per line; `fileName` names the file in errors. */
export function parseLabelledSet(text: string, fileName: string): LabelledQuestion[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`${fileName}:${index + 1} is not valid JSON`);
      }
      const question = parsed as LabelledQuestion;
      if (typeof question.q !== 'string' && !Array.isArray(question.turns))
        throw new Error(`${fileName}:${index + 1} has neither "q" nor "turns"`);
      return question;
    });
}

/**
 * Asks a labelled question as a user would type it: one question, or a conversation's messages
 * in order with its state carried along; the last answer is the one scored.
 */
export function askLabelled(engine: Engine, question: LabelledQuestion): EvaluationRecord {
  const { message, result } = lastAnswer(engine, question);
  return toEvaluationRecord(message, result);
}

/**
 * Asks labelled questions as askLabelled does, and answers each question a result offered
 * (instead of an answer, or after one) as when the user picks it (the entry itself, as a button
 * or a number does). Each question is asked once: the offers come from the result `ask` got.
 */
export function labelledAsker(engine: Engine): { ask: Asker; offered: OfferedAnswers } {
  const results = new WeakMap<LabelledQuestion, EngineResult>();
  return {
    ask(question) {
      const { message, result } = lastAnswer(engine, question);
      results.set(question, result);
      return toEvaluationRecord(message, result);
    },
    offered(question) {
      const result = results.get(question) ?? lastAnswer(engine, question).result;
      return result.followUps.map((followUp) =>
        toEvaluationRecord(followUp.question, engine.run({ command: 'ask', text: followUp.question, entryId: followUp.entryId })),
      );
    },
  };
}

function lastAnswer(engine: Engine, question: LabelledQuestion): { message: string; result: EngineResult } {
  // A set line is one line of a chat, so line breaks inside a question become spaces.
  const messages = (question.turns ?? [question.q ?? '']).map((message) => message.replace(/\s+/g, ' '));
  let conversation: ConversationState | undefined;
  let last: { message: string; result: EngineResult } | undefined;
  for (const message of messages) {
    const result = engine.respond(plainFromPastedChat(message), conversation);
    conversation = result.conversation ?? conversation;
    last = { message, result };
  }
  return last!;
}
