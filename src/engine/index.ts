export { COMMANDS } from './commands/registry.js';
export { createEngine } from './engine.js';
export { prebuildIndex, type PrebuiltIndex } from './context.js';
export { toEvaluationRecord, type EvaluationRecord } from './evaluation-record.js';
export { MAX_INPUT_LENGTH } from './input.js';
export * from './types.js';
export type { ConversationState } from './conversation.js';
