// British and American spellings read as one word. The knowledge is written in British English
// ("organisation", "optimise", "behaviour", "modelling") and many people ask in American English
// ("organization", "optimize"); the stemmer keeps the two apart ("organis" vs "organ"), so an
// entry that says "organisation" never matched a question that says "organization". Both the
// knowledge and questions go through this before stemming, so only consistency matters: the
// rules need not produce real words, only never merge two different ones.

/** -ise verbs whose stem is this short are not -ize verbs ("rise", "noise", "cruise"). */
const MIN_STEM = 4;

const RULES: [RegExp, string][] = [
  // organisation -> organization, optimisations -> optimizations
  [/^(\p{L}{3,})isation(s?)$/u, '$1ization$2'],
  // analyse, analysed, analyses, analysing -> analyze...
  [/^(\p{L}{2,})ys(e|ed|es|ing)$/u, '$1yz$2'],
  // behaviour, colour, favour -> behavior, color, favor (not four, your, tour)
  [/^(\p{L}{3,})our(s?)$/u, '$1or$2'],
  // modelling, labelled, traveller -> modeling, labeled, traveler
  [/^(\p{L}{3,})ell(ing|ed|er|ers)$/u, '$1el$2'],
  // catalogue, dialogue -> catalog, dialog
  [/^(\p{L}{3,})ogue(s?)$/u, '$1og$2'],
];
/** optimise, optimised, optimises, optimising, optimiser -> optimize... */
const ISE = new RegExp(`^(\\p{L}{${MIN_STEM},})is(e|ed|es|ing|er|ers)$`, 'u');

/** The word in one spelling of the two; other words are returned unchanged. */
export function oneSpelling(word: string): string {
  const ise = ISE.exec(word);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  for (const [pattern, replacement] of RULES) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}
