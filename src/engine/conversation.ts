// Follow-ups in a conversation: "and for mobile?", "what about jax?", "why?", "is that still
// true?", "more". People ask these right after an answer and mean the previous question; read
// alone they are either unanswerable or answered as a different question. The engine stays
// pure: the caller keeps the state (per Slack thread, Discord reply chain, DM or terminal chat),
// passes it in with the next message, and stores the state that comes back.
import { normalizeText, WORD } from './text/normalize.js';

/** What the engine needs to remember about a conversation: the question it last worked on. */
export interface ConversationState {
  /** The question as the engine understood it (a follow-up merged with what it followed). */
  query: string;
  /** The entry that answered it, when one did. */
  entryId: string | null;
  topic: string | null;
  /** How many questions the conversation has had; callers may cap how long they keep it. */
  turns: number;
}

/** What a message says as a follow-up to the previous question, if anything. */
export type FollowUpIntent =
  /** More of the same answer: its claims and sources in full. */
  | { kind: 'more' }
  /** Why the previous answer holds: the evidence behind it. */
  | { kind: 'why' }
  /** Whether the previous answer is still current: its check date and verdicts. */
  | { kind: 'still-true' }
  /** The previous question asked again about something else ("what about jax?"). */
  | { kind: 'about'; fragment: string }
  /**
   * A new short question about what the previous one named ("is it still maintained?", "is
   * there something similar in TensorFlow?"): it needs the previous question's subject.
   */
  | { kind: 'refers'; question: string }
  /** The previous question with its two frameworks the other way round ("and vice versa?"). */
  | { kind: 'reverse' }
  /** When what the previous question asked about came about ("since when?"). */
  | { kind: 'when' };

/** Messages that ask for more of the answer just given. */
const MORE =
  /^(?:more|tell me more|more (?:details|detail|info|information|please)|details|go on|continue|expand|elaborate|explain(?: that| more| further)?|sources\??|show (?:me )?(?:the )?(?:claims|sources|more)|full answer|long(?:er)? (?:answer|version))$/;
/** Messages that ask why the answer just given holds. */
const WHY = /^(?:why|why so|why is that|why not|how come|how so|reason|reasons|says who|source|evidence|proof|really)$/;
/** Messages that ask whether the answer just given is current. */
const STILL_TRUE =
  /^(?:is (?:that|this|it) (?:still )?(?:true|correct|accurate|current|up to date|valid|right)(?: (?:now|today|this year|in \d{4}))?|still (?:true|the case|correct|accurate|valid)|as of when|how (?:old|recent|current) is (?:that|this)(?: info(?:rmation)?)?|is (?:that|this) (?:info(?:rmation)? )?(?:outdated|old|stale)|up to date|source date)$/;
/** Messages that ask the previous question the other way round. */
const REVERSE =
  /^(?:(?:and|but|what about|how about|ok|okay|also|or)\s+)*(?:the\s+)?(?:other way (?:a)?round|vice versa|reverse|opposite(?: direction)?|the other direction|other direction)$/;
/** Openings that make a short message ask the previous question about something else. */
const ABOUT =
  /^(?:(?:and|but|so|ok|okay|also|then)\s+)?(?:what about|how about|what of|and for|and in|and on|and with|and the|and what about|same (?:for|with|in|on)|for|in|on|with|and|vs|versus|or)\s+(.+)$/;
/** Messages that ask when what the previous question asked about happened ("since when?"). */
const WHEN =
  /^(?:(?:and|so|ok|okay|but)\s+)?(?:since when|when|when was that|when did that happen|when did (?:it|that|this) (?:start|change|happen)|from when|what year|which year|which version)$/;
/** A follow-up is short; a longer message is a question of its own. */
const MAX_FOLLOW_UP_WORDS = 6;
/**
 * A follow-up that opens with a preposition ("and with Keras 3 on the torch backend?") cannot
 * stand alone, so it may be longer than one that opens with a bare "and".
 */
const PREPOSITIONAL_OPENING =
  /^(?:(?:and|but|so|ok|okay|also|then)\s+)?(?:what about|how about|what of|and for|and in|and on|and with|same (?:for|with|in|on)|for|in|on|with)\s/;
/**
 * Words that point back at what was just discussed. "that" and "this" count too: in a message
 * this short they are nearly always pronouns ("how can I reduce that?").
 */
const REFERS_BACK =
  /\b(?:it|its|it's|itself|that|this|they|them|their|those|these|something similar|anything similar|(?:an |any |the )?(?:equivalent|counterpart|alternative|replacement)s?)\b/;
/** A short question that points back is still short: a longer one says what it is about. */
const MAX_REFERRING_WORDS = 10;

/** Reads a message as a follow-up to a previous question, or returns undefined. */
export function readFollowUp(message: string): FollowUpIntent | undefined {
  const text = normalizeText(message)
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  const words = text.match(WORD) ?? [];
  if (words.length > MAX_REFERRING_WORDS) return undefined;
  if (MORE.test(text)) return { kind: 'more' };
  if (WHY.test(text)) return { kind: 'why' };
  if (STILL_TRUE.test(text)) return { kind: 'still-true' };
  if (REVERSE.test(text)) return { kind: 'reverse' };
  if (WHEN.test(text)) return { kind: 'when' };
  const about = ABOUT.exec(text);
  // "and how can I reduce that?" opens like "and for mobile?" but is a question of its own.
  if (REFERS_BACK.test(text)) return { kind: 'refers', question: about?.[1]?.trim() ?? text };
  const longest = PREPOSITIONAL_OPENING.test(text) ? MAX_REFERRING_WORDS : MAX_FOLLOW_UP_WORDS;
  if (about?.[1] && words.length <= longest) return { kind: 'about', fragment: about[1].trim() };
  return undefined;
}

/** Pronouns a subject can stand in for: "is it still maintained?" -> "is TorchServe still maintained?". */
const PRONOUN = /\b(?:it|that|this|they|them)\b/;

/**
 * A referring question with the previous question's subject put in: in place of its first
 * pronoun, or after it when it has none ("is there an equivalent for pytorch" + "TFX").
 * `subject` is what the previous question named (see subjectOf).
 */
export function withSubject(question: string, subject: string): string {
  const normalized = normalizeText(question).replace(/\s+/g, ' ').trim();
  if (!subject) return normalized;
  return PRONOUN.test(normalized) ? normalized.replace(PRONOUN, subject) : `${normalized} ${subject}`;
}

/**
 * What a question is about, in its own words: the runs of words that name frameworks or other
 * things ("TensorFlow Lite", "torch.compile", "GPU"). Windows of up to three words are tried, so
 * a name of several words ("tensorflow lite") is kept whole.
 */
export function subjectOf(
  question: string,
  reading: { termsOf(text: string): string[]; isFramework(term: string): boolean; isThing(term: string): boolean },
): string {
  const words = normalizeText(question)
    .replace(/[?!,;:]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const names = (term: string) => reading.isFramework(term) || reading.isThing(term);
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let length = 3; length >= 2 && !taken; length--) {
      if (i + length > words.length) continue;
      const window = words.slice(i, i + length);
      const terms = reading.termsOf(window.join(' '));
      // A name of several words reads as other terms than its words do one by one.
      // It starts and ends with words of its own, not with "the" or "what".
      const byWord = window.map((word) => reading.termsOf(word));
      const bounded = byWord[0]!.length > 0 && byWord[byWord.length - 1]!.length > 0;
      if (bounded && terms.length > 0 && terms.every(names) && terms.join(' ') !== byWord.flat().join(' ')) taken = length;
    }
    if (!taken && reading.termsOf(words[i]!).some(names)) taken = 1;
    if (taken) kept.push(...words.slice(i, i + taken));
    i += taken || 1;
  }
  return kept.join(' ').replace(/[.]+$/, '');
}

/**
 * The previous question asked about `fragment` instead: the things `fragment` names replace
 * the previous question's things of the same kind (a framework for the framework named last,
 * another named thing for the named things), and anything else is added. "does pytorch run on
 * windows" with "what about mac" becomes "does pytorch run on mac"; with "and tensorflow" it
 * becomes "does run on windows tensorflow"; "which is faster" with "for inference" becomes
 * "which is faster for inference".
 */
export function mergeFollowUp(
  previous: string,
  fragment: string,
  reading: { termsOf(text: string): string[]; isFramework(term: string): boolean; isThing(term: string): boolean },
): string {
  const isOtherThing = (term: string) => reading.isThing(term) && !reading.isFramework(term);
  const fragmentTerms = reading.termsOf(fragment);
  const replacesFrameworks = fragmentTerms.some((term) => reading.isFramework(term));
  const replacesThings = fragmentTerms.some(isOtherThing);
  if (!replacesFrameworks && !replacesThings) return `${previous} ${fragment}`;
  const words = previous.split(/\s+/);
  // A framework replaces the one named last: "does keras support pytorch" with "what about jax"
  // asks whether Keras supports JAX, not whether something supports JAX.
  const replaced = replacesFrameworks ? words.findLastIndex((word) => reading.termsOf(word).some((term) => reading.isFramework(term))) : -1;
  const kept = words.filter((word, index) => index !== replaced && !(replacesThings && reading.termsOf(word).some(isOtherThing))).join(' ');
  return `${kept} ${fragment}`;
}

/**
 * The previous question asked as a question of when: "does keras 3 run on pytorch?" followed by
 * "since when?" is "when does keras 3 run on pytorch". The words of "since when" add nothing to
 * search for; the opening "when" tells the engine a date is wanted (see intent.ts).
 */
export function asWhenQuestion(previous: string): string {
  return `when ${previous.replace(/[?!.]+\s*$/, '')}`;
}

/**
 * The previous question the other way round: its first two different frameworks swap places
 * ("convert keras to pytorch" -> "convert pytorch to keras"). Unchanged when it names fewer.
 */
export function reverseFrameworks(
  previous: string,
  reading: { termsOf(text: string): string[]; isFramework(term: string): boolean },
): string {
  const words = previous.replace(/[?!]+/g, ' ').trim().split(/\s+/);
  const frameworkAt = words.map((word) => reading.termsOf(word).find((term) => reading.isFramework(term)));
  const first = frameworkAt.findIndex(Boolean);
  const second = frameworkAt.findIndex((term, i) => i > first && term !== undefined && term !== frameworkAt[first]);
  if (first < 0 || second < 0) return previous;
  const swapped = [...words];
  swapped[first] = words[second]!;
  swapped[second] = words[first]!;
  return swapped.join(' ');
}
