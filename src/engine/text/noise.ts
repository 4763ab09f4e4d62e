// Removes what chat platforms add to a message but the user did not ask: mentions, channel
// links, broadcasts, custom emoji, links and pictographs. Labels of links are kept, because
// people paste "<https://pytorch.org|PyTorch docs>" and mean the words.

const SLACK_LABELLED_LINK = /<(?:https?:\/\/|mailto:)[^|>]*\|([^>]*)>/g;
const SLACK_BARE_LINK = /<(?:https?:\/\/|mailto:)[^>]*>/g;
const SLACK_MENTION = /<[@#!][^>]*>/g; // <@U123>, <@U123|name>, <#C1|general>, <!here>, <!subteam^S1|@team>
const DISCORD_TOKEN = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::[a-zA-Z])?|\/[\w -]+:\d+)>/g; // users, roles, channels, emoji, timestamps, commands
const BROADCAST = /(?:^|\s)@(?:everyone|here|channel)\b/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/gi; // Slack renders :thumbsup: from the text
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;
// C0/C1 controls except tab and newline, which are ordinary white space in a long question.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripPlatformNoise(raw: string): string {
  return raw
    .toWellFormed() // lone surrogates would make later unicode steps throw or mis-match
    .replace(CONTROL, ' ')
    .replace(SLACK_LABELLED_LINK, ' $1 ')
    .replace(SLACK_BARE_LINK, ' ')
    .replace(DISCORD_TOKEN, ' ')
    .replace(SLACK_MENTION, ' ')
    .replace(BROADCAST, ' ')
    .replace(URL, ' ')
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(PICTOGRAPH, ' ')
    .replace(/\uFFFD/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
