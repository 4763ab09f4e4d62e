// The one thing every listener does: ask the engine and render its result for Slack.
import type { Engine, EngineRequest, EngineResult } from '../../../engine/index.js';
import type { Logger } from '../../../logging/logger.js';
import type { ConversationMemory } from '../../conversations.js';
import { renderNotice, renderResult, type RenderOptions, type SlackMessage } from '../../../render/slack/index.js';

export interface ListenerDeps {
  engine: Engine;
  logger: Logger;
  /** Follow-up state per thread or DM. */
  conversations: ConversationMemory;
}

/** Options for every message we post: no link previews (sources would flood the thread), no name linking. */
export const POST_OPTIONS = { unfurl_links: false, unfurl_media: false, parse: 'none', link_names: false } as const;

const ENGINE_FAILED = 'Sorry, something went wrong while answering that. Please try again, or try `help`.';

/** Asks the engine, logs the outcome and renders it; a bug becomes an apology, not a silent failure. */
function renderAnswer(
  deps: ListenerDeps,
  ask: () => EngineResult,
  options: RenderOptions,
): { message: SlackMessage; result?: EngineResult } {
  try {
    const result = ask();
    deps.logger.debug({ kind: result.kind, entryId: result.entryId, topic: result.topic, confidence: result.confidence }, 'answered');
    return { message: renderResult(result, options), result };
  } catch (error) {
    deps.logger.error({ err: error }, 'the engine failed to answer a Slack message');
    return { message: renderNotice(ENGINE_FAILED) };
  }
}

/**
 * The engine's answer to what the person typed (or to a request a button carries), rendered.
 * Empty input shows help. The engine is pure and does not throw for bad input, but a bug must
 * still produce a reply.
 */
export function answerFor(deps: ListenerDeps, input: string | EngineRequest, options: RenderOptions): SlackMessage {
  const ask = () =>
    typeof input !== 'string'
      ? deps.engine.run(input)
      : input.trim() === ''
        ? deps.engine.run({ command: 'help' })
        : deps.engine.respond(input);
  return renderAnswer(deps, ask, options).message;
}

/**
 * The engine's answer to a message in a conversation (a thread the bot answers in, or a DM): a
 * follow-up is read against the previous question there, and the new state is kept for the
 * next one. Losing the state costs the follow-up, never the answer.
 */
export async function answerInConversation(deps: ListenerDeps, input: string, key: string, options: RenderOptions): Promise<SlackMessage> {
  if (input.trim() === '') return answerFor(deps, input, options);
  const previous = await deps.conversations.get(key).catch((error: unknown) => {
    deps.logger.warn({ err: error, key }, 'could not read the conversation state; answering without it');
    return undefined;
  });
  const { message, result } = renderAnswer(deps, () => deps.engine.respond(input, previous), options);
  if (result?.conversation) {
    await deps.conversations.set(key, result.conversation).catch((error: unknown) => {
      deps.logger.warn({ err: error, key }, 'could not keep the conversation state');
    });
  }
  return message;
}

/** IM channel ids start with D; there an answer goes straight into the conversation, not a thread. */
export const isDirectMessageChannel = (channelId: string | undefined) => channelId?.startsWith('D') === true;
