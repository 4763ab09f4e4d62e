// A conversation with the engine as an adapter holds it: each message with the state the
// previous reply left.
import type { Engine, EngineResult } from '../../src/engine/index.js';

/** Every reply of the conversation, in order. */
export function converse(engine: Engine, messages: readonly string[]): EngineResult[] {
  const results: EngineResult[] = [];
  let conversation: EngineResult['conversation'];
  for (const message of messages) {
    const result = engine.respond(message, conversation);
    conversation = result.conversation ?? conversation;
    results.push(result);
  }
  return results;
}
