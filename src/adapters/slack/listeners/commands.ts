// The slash command. The answer goes back in the acknowledgement itself: one HTTP round trip,
// no Web API call, and the engine answers in well under Slack's 3-second deadline. Ephemeral,
// so only the asker sees it until they press "Share in channel".
import type { App } from '@slack/bolt';
import { slackTextToPlain } from '../incoming-text.js';
import { answerFor, type ListenerDeps } from './answer.js';

export function registerCommandListeners(app: App, deps: ListenerDeps): void {
  // Slack only sends an app the commands defined in its own manifest, so every command is ours:
  // this keeps working if a workspace renames /pytorch-vs-tf to avoid a clash.
  app.command(/^\/.+/, async ({ command, ack }) => {
    const input = slackTextToPlain(command.text);
    const message = await answerFor(
      deps,
      input,
      { audience: 'private', shareInput: input },
      { userId: command.user_id, channelId: command.channel_id },
    );
    await ack({ response_type: 'ephemeral', ...message });
  });
}
