// "hi", "thanks a lot!", "good morning team": a message that only greets or thanks gets a
// friendly reply with example questions instead of a search for its words.
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
