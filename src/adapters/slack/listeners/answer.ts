// The one thing every listener does: ask the engine and render its result for Slack.
import { type Actor, type CurationService, withStats } from '../../../curation/service.js';
import type { Engine, EngineRequest, EngineResult } from '../../../engine/index.js';
import type { Logger } from '../../../logging/logger.js';
import type { ConversationMemory } from '../../conversations.js';
import { renderNotice, renderResult, type RenderOptions, type SlackMessage } from '../../../render/slack/index.js';

export interface ListenerDeps {
  engine: Engine;
  logger: Logger;
  /** Follow-up state per thread or DM. */
  conversations: ConversationMemory;
  /** Records questions, votes and disputes; serves the curators' summary. */
  curation: CurationService;
}

/** Options for every message we post: no link previews (sources would flood the thread), no name linking. */
export const POST_OPTIONS = { unfurl_links: false, unfurl_media: false, parse: 'none', link_names: false } as const;

const ENGINE_FAILED = 'Sorry, something went wrong while answering that. Please try again, or try `help`.';

/**
 * Asks the engine, fills in the curators' summary for an admin's `stats`, records the question
 * when someone asked it (the answer's buttons carry its id), logs the outcome and renders it; a
 * bug becomes an apology, not a silent failure. Recording never waits for the store.
 */
async function renderAnswer(
  deps: ListenerDeps,
  ask: () => EngineResult,
  options: RenderOptions,
  asker: Actor | undefined,
  command?: string,
): Promise<{ message: SlackMessage; result?: EngineResult }> {
  try {
    // Only the slash command's ephemeral answers and DMs are private.
    const isPrivate = options.audience === 'private' || isDirectMessageChannel(asker?.channelId);
    const result = await withStats(deps.curation, 'slack', ask(), asker, isPrivate);
    deps.logger.debug({ kind: result.kind, entryId: result.entryId, topic: result.topic, confidence: result.confidence }, 'answered');
    const answerId = asker !== undefined ? deps.curation.answered('slack', asker, result, command) : undefined;
    return { message: renderResult(result, answerId !== undefined ? { ...options, answerId } : options), result };
  } catch (error) {
    deps.logger.error({ err: error }, 'the engine failed to answer a Slack message');
    return { message: renderNotice(ENGINE_FAILED) };
  }
}

/**
 * The engine's answer to what the person typed (or to a request a button carries), rendered.
 * Empty input shows help. The engine is pure and does not throw for bad input, but a bug must
 * still produce a reply. With an asker, the question is recorded.
 */
export async function answerFor(
  deps: ListenerDeps,
  input: string | EngineRequest,
  options: RenderOptions,
  asker?: Actor,
): Promise<SlackMessage> {
  const ask = () =>
    typeof input !== 'string'
      ? deps.engine.run(input)
      : input.trim() === ''
        ? deps.engine.run({ command: 'help' })
        : deps.engine.respond(input);
  return (await renderAnswer(deps, ask, options, asker, typeof input === 'string' ? undefined : input.command)).message;
}

/**
 * The engine's answer to a message in a conversation (a thread the bot answers in, or a DM): a
 * follow-up is read against the previous question there, and the new state is kept for the
 * next one. Losing the state costs the follow-up, never the answer.
 */
export async function answerInConversation(
  deps: ListenerDeps,
  input: string,
  key: string,
  options: RenderOptions,
  asker?: Actor,
): Promise<SlackMessage> {
  if (input.trim() === '') return answerFor(deps, input, options, asker);
  const previous = await deps.conversations.get(key).catch((error: unknown) => {
    deps.logger.warn({ err: error, key }, 'could not read the conversation state; answering without it');
    return undefined;
  });
  const { message, result } = await renderAnswer(deps, () => deps.engine.respond(input, previous), options, asker);
  if (result?.conversation) {
    await deps.conversations.set(key, result.conversation).catch((error: unknown) => {
      deps.logger.warn({ err: error, key }, 'could not keep the conversation state');
    });
  }
  return message;
}

/** IM channel ids start with D; there an answer goes straight into the conversation, not a thread. */
export const isDirectMessageChannel = (channelId: string | undefined) => channelId?.startsWith('D') === true;
