// Chat messages: a mention or a DM is a question for the bot and is always answered (a polite
// decline included). In the configured help channels the bot also answers unprompted, but only
// when it is confident it has the answer, and never often: it must help, not flood.
import type { Message } from 'discord.js';
import type { ConversationState, EngineResult } from '../../engine/index.js';
import { type ConversationMemory, conversationKey, createInMemoryConversations } from '../conversations.js';
import type { DiscordContext } from './context.js';
import { discordTextToPlain } from './incoming-text.js';
import type { Cooldown } from './cooldown.js';
import { claimOrAllow, NO_OBSERVER, type AdapterObserver, type ClaimOnce } from '../types.js';
import type { SeenKeys } from '../seen-keys.js';

/**
 * Unprompted answers need more certainty than asked-for ones: the engine answers a question
 * addressed to it from its own, lower threshold, but a wrong answer nobody asked for is noise,
 * so help channels get only answers the engine is clearly sure of.
 */
export const UNPROMPTED_MIN_CONFIDENCE = 0.6;

export interface MessageHandlerOptions {
  context: DiscordContext;
  helpChannelIds: ReadonlySet<string>;
  cooldown: Cooldown;
  /** Message ids already answered: a message delivered twice (a replay after a resume) is answered once. */
  seen: SeenKeys;
  observer?: AdapterObserver;
  /** Follow-up state: per DM, and per bot reply (a user replying to it continues the conversation). */
  conversations?: ConversationMemory;
  /**
   * Messages claimed by every process of the bot (the store): two processes that receive the same
   * message (the same shard run twice, say during a rolling restart) answer it once.
   */
  claims?: ClaimOnce;
}

/** How long a message stays claimed: far longer than any replay after a resume or a restart. */
export const MESSAGE_CLAIM_MS = 15 * 60 * 1000;

type Route = 'mention' | 'dm' | 'help-channel';

export function createMessageHandler({
  context,
  helpChannelIds,
  cooldown,
  seen,
  observer = NO_OBSERVER,
  conversations = createInMemoryConversations(),
  claims,
}: MessageHandlerOptions) {
  const { engine, logger } = context;

  /** Where this message continues a conversation: its DM, or the bot answer it replies to. */
  const conversationOf = (message: Message, route: Route): string | undefined => {
    if (route === 'dm') return conversationKey.discordDm(message.channelId);
    const repliedTo = message.reference?.messageId;
    return repliedTo !== undefined && message.mentions.repliedUser?.id === message.client.user.id
      ? conversationKey.discordMessage(repliedTo)
      : undefined;
  };
  /** Losing the state costs the follow-up, never the answer. */
  const previousState = async (key: string | undefined) =>
    key === undefined
      ? undefined
      : conversations.get(key).catch((error: unknown) => {
          logger.warn({ err: error, key }, 'could not read the conversation state; answering without it');
          return undefined;
        });
  const keep = (key: string, state: ConversationState) =>
    conversations.set(key, state).catch((error: unknown) => logger.warn({ err: error, key }, 'could not keep the conversation state'));

  return async function handleMessage(message: Message): Promise<void> {
    // Never answer bots (including itself) or webhooks: two bots can answer each other forever.
    if (message.author.bot || message.webhookId !== null || message.system) return;
    const botId = message.client.user.id;
    const route = routeOf(message, botId, helpChannelIds);
    if (route === undefined) return;
    // A message delivered twice (replayed events) is answered once.
    if (!seen.add(message.id) || (claims && !(await claimOrAllow(claims, `discord:message:${message.id}`, MESSAGE_CLAIM_MS, logger)))) {
      observer.repeatIgnored();
      return;
    }

    const text = discordTextToPlain(message.content);
    // A reply that does not ping the bot arrives without its text unless the Message Content
    // intent is on; answering the empty text would be a non sequitur.
    if (route === 'mention' && text === '' && !message.mentions.users.has(botId)) return;
    if (route === 'help-channel') {
      // Without the Message Content intent, messages that do not mention the bot arrive empty.
      if (text.trim() === '') return;
      const result = engine.respond(text);
      if (!isConfidentAnswer(result)) {
        logger.debug(
          { messageId: message.id, channelId: message.channelId, kind: result.kind, confidence: result.confidence },
          'help channel: not confident, staying silent',
        );
        return;
      }
      if (!(await cooldown.tryAcquire(message.author.id, message.channelId))) {
        logger.debug(
          { messageId: message.id, channelId: message.channelId, userId: message.author.id },
          'help channel: cooling down, staying silent',
        );
        return;
      }
      await reply(message, result, route);
      return;
    }
    const key = conversationOf(message, route);
    await reply(message, engine.respond(text, await previousState(key)), route, key);
  };

  async function reply(message: Message, result: EngineResult, route: Route, conversation?: string): Promise<void> {
    const log = {
      messageId: message.id,
      channelId: message.channelId,
      userId: message.author.id,
      route,
      kind: result.kind,
      entryId: result.entryId,
    };
    try {
      const asker = { userId: message.author.id, channelId: message.channelId };
      const sent = await message.reply(await context.answer(result, asker, route === 'dm' ? 'dm' : 'channel'));
      logger.info({ ...log, confidence: Number(result.confidence.toFixed(2)) }, 'answered message');
      if (result.conversation) {
        // A reply to this answer continues from it; in a DM, so does the next message.
        await keep(conversationKey.discordMessage(sent.id), result.conversation);
        if (conversation !== undefined && route === 'dm') await keep(conversation, result.conversation);
      }
    } catch (error) {
      // A failed send (Discord outage, missing permission) loses this answer, not the bot.
      logger.error({ ...log, err: error }, 'could not send the reply to Discord');
    }
  }
}

function routeOf(message: Message, botId: string, helpChannelIds: ReadonlySet<string>): Route | undefined {
  if (!message.inGuild()) return 'dm';
  // A direct mention, or a reply to one of the bot's own messages (with or without the ping).
  const mentioned = message.mentions.users.has(botId) || message.mentions.repliedUser?.id === botId;
  if (mentioned) return 'mention';
  const channel = message.channel;
  const inHelpChannel =
    helpChannelIds.has(message.channelId) || (channel.isThread() && channel.parentId !== null && helpChannelIds.has(channel.parentId));
  return inHelpChannel ? 'help-channel' : undefined;
}

export function isConfidentAnswer(result: EngineResult): boolean {
  return result.kind === 'answer' && result.confidence >= UNPROMPTED_MIN_CONFIDENCE;
}
