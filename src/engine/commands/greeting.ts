// "hi", "thanks a lot!", "good morning team": a message that only greets or thanks gets a
// friendly reply with example questions instead of a search for its words. "What can you do?"
// asks about the bot itself, which help answers; searched, its words matched an entry about
// what PyTorch is.
import { emptyResult, type EngineContext } from '../context.js';
import type { EngineResult, InputNote } from '../types.js';
import { exampleQuestions } from './catalog.js';

const HELLO_WORDS = ['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'howdy', 'greetings', 'morning', 'afternoon', 'evening', 'sup'];
const THANKS_WORDS = ['thanks', 'thank', 'thx', 'ty', 'tysm', 'cheers', 'appreciated', 'appreciate'];
/** Words that may come with a greeting without making it a question. */
const GREETING_COMPANIONS = new Set([
  ...HELLO_WORDS,
  ...'good day there all team folks everyone bot buddy friend whats up hows it going'.split(' '),
]);
const THANKS_COMPANIONS = new Set([
  ...THANKS_WORDS,
  ...'much so a lot lots you great awesome nice cool perfect helpful very ok okay'.split(' '),
]);

/** A greeting or thanks with nothing else in it. */
export function detectGreeting(text: string): 'hello' | 'thanks' | undefined {
  const words =
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || words.length > 6) return undefined;
  const isCompanion = (word: string) => THANKS_COMPANIONS.has(word) || GREETING_COMPANIONS.has(word);
  if (words.some((word) => THANKS_WORDS.includes(word)) && words.every(isCompanion)) return 'thanks';
  if (words.every((word) => GREETING_COMPANIONS.has(word)) && words.some((word) => HELLO_WORDS.includes(word))) return 'hello';
  return undefined;
}

export function greetingResult(context: EngineContext, query: string, notes: InputNote[], greeting: 'hello' | 'thanks'): EngineResult {
  return { ...emptyResult(query, notes), kind: 'greeting', greeting, followUps: exampleQuestions(context) };
}

/**
 * A question about the bot itself rather than about the frameworks: "what can you do?", "how
 * do I use you", "who are you", "what can I ask".
 */
const ABOUT_THE_BOT =
  /^(?:(?:so|ok|okay|hey|hi|hello|and)[\s,]+)?(?:what (?:can|do|could|should) (?:you|i|we) (?:do|know|answer|help with|ask(?: you)?)|what (?:are|r) (?:you|u)|who (?:are|r) (?:you|u)|how (?:do|can|should) (?:i|we) use (?:you|this(?: bot)?)|how do you work|what do you know(?: about)?|what is this bot|what does this bot do)(?:[\s,]+(?:here|bot|exactly|for me|for us))*[\s?!.]*$/;

export function asksAboutTheBot(text: string): boolean {
  return ABOUT_THE_BOT.test(text.toLowerCase().replace(/[’']/g, '').trim());
}
