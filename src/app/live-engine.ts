// The engine the adapters hold. It forwards to whichever engine was built from the knowledge
// most recently accepted, so a reload takes effect for the next question without restarting or
// telling the adapters; and it times and classifies every answer for the metrics.
import type { Engine, EngineResult } from '../engine/index.js';
import type { BotMetrics } from './metrics.js';

export interface EngineSlot {
  current: Engine;
}

/** The view of `slot` that one platform's adapter gets: every answer is counted under `platform`. */
export function engineFor(slot: EngineSlot, platform: string, metrics: BotMetrics): Engine {
  const timed = (answer: (engine: Engine) => EngineResult): EngineResult => {
    const started = performance.now();
    const result = answer(slot.current);
    metrics.observeAnswer(platform, result, (performance.now() - started) / 1000);
    return result;
  };
  return {
    get knowledge() {
      return slot.current.knowledge;
    },
    respond: (input, conversation) => timed((engine) => engine.respond(input, conversation)),
    run: (request) => timed((engine) => engine.run(request)),
    suggestQuestions: (partial, limit) => slot.current.suggestQuestions(partial, limit),
    suggestTopics: (partial, limit) => slot.current.suggestTopics(partial, limit),
  };
}
