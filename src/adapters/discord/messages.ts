// Chat messages: a mention or a DM is a question for the bot and is always answered (a polite
// decline included). In the configured help channels the bot also answers unprompted, but only
// when it is confident it has the answer, and never often: it must help, not flood.
import type { Message } from 'discord.js';
import type { EngineResult } from '../../engine/types.js';
import type { DiscordContext } from './context.js';
import { discordTextToPlain } from './incoming-text.js';
import type { Cooldown } from './cooldown.js';
import { NO_OBSERVER, type AdapterObserver } from '../types.js';
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
}

type Route = 'mention' | 'dm' | 'help-channel';

export function createMessageHandler({ context, helpChannelIds, cooldown, seen, observer = NO_OBSERVER }: MessageHandlerOptions) {
  const { engine, logger } = context;

  return async function handleMessage(message: Message): Promise<void> {
    // Never answer bots (including itself) or webhooks: two bots can answer each other forever.
    if (message.author.bot || message.webhookId !== null || message.system) return;
    const botId = message.client.user.id;
    const route = routeOf(message, botId, helpChannelIds);
    if (route === undefined) return;
    // A message delivered twice (replayed events) is answered once.
    if (!seen.add(message.id)) {
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
      if (!cooldown.tryAcquire(message.author.id, message.channelId)) {
        logger.debug(
          { messageId: message.id, channelId: message.channelId, userId: message.author.id },
          'help channel: cooling down, staying silent',
        );
        return;
      }
      await reply(message, result, route);
      return;
    }
    await reply(message, engine.respond(text), route);
  };

  async function reply(message: Message, result: EngineResult, route: Route): Promise<void> {
    const log = {
      messageId: message.id,
      channelId: message.channelId,
      userId: message.author.id,
      route,
      kind: result.kind,
      entryId: result.entryId,
    };
    try {
      await message.reply(context.render(result));
      logger.info({ ...log, confidence: Number(result.confidence.toFixed(2)) }, 'answered message');
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
