// Text typed or pasted into the terminal (`npm run chat`, `npm run ask`, the evaluation sets)
// often comes from a chat: "<@U024BE7LH> what is torchscript" as Slack delivers it, or
// "<@123456789012345678> tf or pt?" from Discord. The terminal reads it as either platform's
// adapter would, Discord's tokens first (Slack would keep an unknown `<…>` as words).
import { discordTextToPlain } from './discord/incoming-text.js';
import { slackTextToPlain } from './slack/incoming-text.js';

export function plainFromPastedChat(text: string): string {
  return slackTextToPlain(discordTextToPlain(text));
}
