// Conversations: a mention in a channel is answered in a thread (so the channel stays readable),
// a direct message is answered in the DM, and opening the App Home shows what the bot does.
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome, type HomeView } from '../../../render/slack/index.js';
import { slackTextToPlain } from '../incoming-text.js';
import { conversationKey } from '../../conversations.js';
import { answerInConversation, isDirectMessageChannel, POST_OPTIONS, type ListenerDeps } from './answer.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * Only messages a person typed in a DM with the bot. Anything with a subtype is not a new
 * message from a person (bot_message, message_changed, message_deleted, channel_join, ...), and
 * anything with a bot_id comes from a bot, possibly this one: answering it could loop.
 */
function isPersonInDirectMessage(
  message: MessageArgs['message'],
  botUserId: string | undefined,
): message is Extract<MessageArgs['message'], { subtype: undefined }> {
  if (message.subtype !== undefined) return false;
  if (message.channel_type !== 'im') return false;
  if (message.bot_id !== undefined) return false;
  return message.user !== botUserId;
}

export function registerEventListeners(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.bot_id !== undefined || event.user === context.botUserId) return;
    const input = slackTextToPlain(event.text);
    // In a channel the answer goes in a thread: the mention's own, or the one it was written in,
    // which is also where a follow-up mention continues the conversation. In a DM (a mention
    // there is just talking to it) it goes straight in, as a DM's answer does.
    const threadTs = isDirectMessageChannel(event.channel) ? event.thread_ts : (event.thread_ts ?? event.ts);
    const asker = { userId: event.user ?? '', channelId: event.channel };
    const message = await answerInConversation(deps, input, conversationKey.slack(event.channel, threadTs), { audience: 'public' }, asker);
    await client.chat.postMessage({
      channel: event.channel,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      ...message,
      ...POST_OPTIONS,
    });
  });

  app.message(async ({ message, context, client }) => {
    if (!isPersonInDirectMessage(message, context.botUserId)) return;
    // Mentioning the bot (or anyone) inside its own DM is just talking to it.
    const input = slackTextToPlain(message.text);
    const reply = await answerInConversation(
      deps,
      input,
      conversationKey.slack(message.channel, message.thread_ts),
      { audience: 'public' },
      { userId: message.user, channelId: message.channel },
    );
    await client.chat.postMessage({
      channel: message.channel,
      ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      ...reply,
      ...POST_OPTIONS,
    });
  });

  // The Home tab shows the same content to everyone and the engine is pure: render it once.
  let home: HomeView | undefined;
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    if (home === undefined) {
      const help = deps.engine.run({ command: 'help' });
      const topics = deps.engine.run({ command: 'topics' });
      if (help.kind !== 'help' || topics.kind !== 'topics') throw new Error('the engine answered help or topics with another kind');
      home = renderHome({ help, topics });
    }
    // Admins see the curation summary above it, fresh each time.
    if (deps.curation.isAdmin('slack', event.user)) {
      const summary = await deps.curation.summary();
      const stats = deps.engine.run({ command: 'stats' });
      if (stats.kind === 'stats') {
        const help = deps.engine.run({ command: 'help' });
        const topics = deps.engine.run({ command: 'topics' });
        if (help.kind === 'help' && topics.kind === 'topics') {
          const filled = { ...stats, access: summary ? ('granted' as const) : ('unavailable' as const), summary: summary ?? null };
          await client.views.publish({ user_id: event.user, view: renderHome({ help, topics, stats: filled }) });
          return;
        }
      }
    }
    await client.views.publish({ user_id: event.user, view: home });
  });
}
