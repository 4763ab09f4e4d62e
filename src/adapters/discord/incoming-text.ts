// Discord message content carries its markup as tokens: `<@123>` and `<@!123>` for a user (the
// bot among them), `<@&123>` for a role, `<#123>` for a channel, `<:name:123>` for a custom
// emoji, `<t:1700000000:R>` for a timestamp, `</command:123>` for a command, and plain
// `@everyone` / `@here` broadcasts. None of them is a word of the question, so this is where
// Discord's markup ends: each is removed before the engine reads the text.

import { cutIncomingText } from '../input-limit.js';

const TOKEN = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?|\/[\w -]+:\d+)>/g;
const BROADCAST = /(?:^|\s)@(?:everyone|here)\b/gi;

/** Discord message content -> the plain words of the question. */
export function discordTextToPlain(content: string): string {
  return cutIncomingText(content).replace(TOKEN, ' ').replace(BROADCAST, ' ').replace(/\s+/g, ' ').trim();
}
