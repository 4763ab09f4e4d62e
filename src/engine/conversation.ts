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
  | { kind: 'about'; fragment: string };

/** Messages that ask for more of the answer just given. */
const MORE =
  /^(?:more|tell me more|more (?:details|detail|info|information|please)|details|go on|continue|expand|elaborate|explain(?: that| more| further)?|sources\??|show (?:me )?(?:the )?(?:claims|sources|more)|full answer|long(?:er)? (?:answer|version))$/;
/** Messages that ask why the answer just given holds. */
const WHY = /^(?:why|why so|why is that|why not|how come|how so|reason|reasons|says who|source|evidence|proof|really)$/;
/** Messages that ask whether the answer just given is current. */
const STILL_TRUE =
  /^(?:is (?:that|this|it) (?:still )?(?:true|correct|accurate|current|up to date|valid|right)(?: (?:now|today|in \d{4}))?|still (?:true|the case|correct|accurate|valid)|(?:as of|since) when|how (?:old|recent|current) is (?:that|this)(?: info(?:rmation)?)?|is (?:that|this) (?:info(?:rmation)? )?(?:outdated|old|stale)|up to date|source date)$/;
/** Openings that make a short message ask the previous question about something else. */
const ABOUT =
  /^(?:(?:and|but|so|ok|okay|also|then)\s+)?(?:what about|how about|what of|and for|and in|and on|and with|and the|and what about|same (?:for|with|in|on)|for|in|on|with|and|vs|versus|or)\s+(.+)$/;
/** A follow-up is short; a longer message is a question of its own. */
const MAX_FOLLOW_UP_WORDS = 6;

/** Reads a message as a follow-up to a previous question, or returns undefined. */
export function readFollowUp(message: string): FollowUpIntent | undefined {
  const text = normalizeText(message)
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  const words = text.match(WORD) ?? [];
  if (words.length > MAX_FOLLOW_UP_WORDS) return undefined;
  if (MORE.test(text)) return { kind: 'more' };
  if (WHY.test(text)) return { kind: 'why' };
  if (STILL_TRUE.test(text)) return { kind: 'still-true' };
  const about = ABOUT.exec(text);
  if (about?.[1]) return { kind: 'about', fragment: about[1].trim() };
  return undefined;
}

/**
 * The previous question asked about `fragment` instead: the things `fragment` names replace
 * the previous question's things of the same kind (a framework for a framework, another named
 * thing for the named things), and anything else is added. "does pytorch run on windows" with
 * "what about mac" becomes "does pytorch run on mac"; with "and tensorflow" it becomes "does
 * tensorflow run on windows"; "which is faster" with "for inference" becomes "which is faster
 * for inference".
 */
export function mergeFollowUp(
  previous: string,
  fragment: string,
  reading: { termsOf(text: string): string[]; isFramework(term: string): boolean; isThing(term: string): boolean },
): string {
  const fragmentTerms = reading.termsOf(fragment);
  const replacesFrameworks = fragmentTerms.some((term) => reading.isFramework(term));
  const replacesThings = fragmentTerms.some((term) => reading.isThing(term) && !reading.isFramework(term));
  if (!replacesFrameworks && !replacesThings) return `${previous} ${fragment}`;
  const kept = previous
    .split(/\s+/)
    .filter((word) => {
      const terms = reading.termsOf(word);
      if (terms.length === 0) return true;
      return !terms.some(
        (term) =>
          (replacesFrameworks && reading.isFramework(term)) || (replacesThings && reading.isThing(term) && !reading.isFramework(term)),
      );
    })
    .join(' ');
  return `${kept} ${fragment}`;
}
