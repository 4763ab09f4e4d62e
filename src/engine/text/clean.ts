// Generic cleanup of any text before it is searched: control characters, lone surrogates,
// pictographs, and links reduced to the words of their address. Each platform's own markup
// (mentions, channel links, custom emoji, Slack's labelled links) is turned into plain words by
// its adapter before the text gets here; the engine knows no platform.

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
// Joiners and variation selectors are listed one by one on purpose: each is removed on its own.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class strips the joiners individually
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;
// C0/C1 controls except tab and newline, which are ordinary white space in a long question.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Parts of a link that name nothing: schemes, common host labels and file endings. */
const LINK_FILLER = new Set([
  'http',
  'https',
  'www',
  'com',
  'org',
  'net',
  'io',
  'dev',
  'ai',
  'co',
  'uk',
  'html',
  'htm',
  'php',
  'en',
  'us',
  'docs',
  'stable',
  'latest',
  'main',
  'master',
  'blob',
  'tree',
  'mailto',
]);

/**
 * The words a pasted link names: "https://cloud.google.com/tpu" is about TPUs, and
 * "pytorch.org/executorch" about ExecuTorch. Ids, hashes and query strings are dropped.
 */
function linkWords(url: string): string {
  const words = url
    .replace(/[?#].*$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => /^[A-Za-z]{2,30}$/.test(part) && !LINK_FILLER.has(part.toLowerCase()));
  return ` ${words.slice(0, 6).join(' ')} `;
}

export function cleanText(raw: string): string {
  return raw
    .toWellFormed() // lone surrogates would make later unicode steps throw or mis-match
    .replace(CONTROL, ' ')
    .replace(URL, (url) => linkWords(url))
    .replace(PICTOGRAPH, ' ')
    .replace(/\uFFFD/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
