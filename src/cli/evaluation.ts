// Scoring rules of the evaluation: top-1 topic for in-scope questions, declines for the rest.
import type { EvaluationRecord } from '../engine/index.js';

export interface LabelledQuestion {
  q: string;
  /** Acceptable topics of the best answer; empty when the bot must decline. */
  topics: string[];
}

export interface EvaluationScore {
  inScope: number;
  top1: number;
  top1Rate: number;
  outOfScope: number;
  declined: number;
  declinedRate: number;
  misses: string[];
}

export function scoreQuestions(questions: LabelledQuestion[], ask: (question: string) => EvaluationRecord): EvaluationScore {
  let inScope = 0;
  let top1 = 0;
  let outOfScope = 0;
  let declined = 0;
  const misses: string[] = [];
  for (const { q, topics } of questions) {
    // The scorer sends one question per line, so line breaks inside a question become spaces.
    const record = ask(q.replace(/\s+/g, ' '));
    if (topics.length === 0) {
      outOfScope++;
      if (!record.answered) declined++;
      else misses.push(`should decline: ${JSON.stringify(q)} -> ${record.topic} (${record.confidence})`);
    } else {
      inScope++;
      if (record.answered && record.topic !== null && topics.includes(record.topic)) top1++;
      else
        misses.push(
          `${JSON.stringify(q)} -> ${record.answered ? record.topic : record.kind} (${record.confidence}) (want ${topics.join('|')})`,
        );
    }
  }
  return {
    inScope,
    top1,
    top1Rate: inScope ? top1 / inScope : 1,
    outOfScope,
    declined,
    declinedRate: outOfScope ? declined / outOfScope : 1,
    misses,
  };
}
