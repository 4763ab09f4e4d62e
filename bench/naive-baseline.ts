// The baseline the engine is measured against: one fuse.js index over the FAQ questions with
// default options, answering with the best hit when its score is under a cut-off.
import Fuse from 'fuse.js';
import type { Knowledge } from '../src/knowledge/model.js';

/** fuse.js scores run from 0 (exact) to 1 (no match); above this the baseline declines. */
export const BASELINE_CUTOFF = 0.6;

export interface BaselineAnswer {
  answered: boolean;
  topic: string | null;
}

export function createNaiveBaseline(knowledge: Knowledge): (question: string) => BaselineAnswer {
  const fuse = new Fuse(knowledge.faq, { keys: ['question'], includeScore: true });
  return (question) => {
    const [best] = fuse.search(question, { limit: 1 });
    return best && (best.score ?? 1) <= BASELINE_CUTOFF ? { answered: true, topic: best.item.topic } : { answered: false, topic: null };
  };
}
