// The words for the knowledge's fixed vocabularies (frameworks, verdicts, leans, weights), once
// for every platform. Renderers add only their own emoji, colour and markup around them.
import type { Framework, Lean, Verdict } from '../knowledge/model.js';
import { longDate } from '../knowledge/releases.js';

/** The bot's slash command on Slack and Discord, without the slash. */
export const SLASH_COMMAND_NAME = 'pytorch-vs-tf';

export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = { pytorch: 'PyTorch', tensorflow: 'TensorFlow' };

/** A verdict as a label ("Partly true"). */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  accurate: 'Accurate',
  'partly-true': 'Partly true',
  outdated: 'Outdated',
  unverified: 'Unverified',
  opinion: 'Opinion',
  anecdote: 'Anecdote',
};

/** A verdict inside a sentence: "The closest recorded claim is <…>." */
export const VERDICT_IN_A_SENTENCE: Readonly<Record<Verdict, string>> = {
  accurate: 'accurate',
  'partly-true': 'partly true',
  outdated: 'outdated',
  unverified: 'unverified (no source confirms it)',
  opinion: 'an opinion rather than a fact',
  anecdote: 'an anecdote (no published data)',
};

/** Which way a need or a recommendation leans. */
export const LEAN_NAMES: Readonly<Record<Lean, string>> = { ...FRAMEWORK_NAMES, either: 'either framework' };

/** A recommendation's lean as a heading; null when no need was recognised. */
export function leanHeadline(lean: Lean | null): string {
  if (lean === null) return 'No clear lean for those needs';
  return lean === 'either' ? 'Either framework fits' : `Leans ${LEAN_NAMES[lean]}`;
}

const WEIGHT_LABELS: Readonly<Record<number, string>> = { 1: 'slight preference', 2: 'clear preference', 3: 'decisive' };

/** How strongly a need leans (criteria weigh 1 to 3). */
export const weightLabel = (weight: number): string => WEIGHT_LABELS[weight] ?? `weight ${weight}`;

/** "As of 1 December 2026": the day a result's facts were last checked (YYYY-MM-DD). */
export const asOfLabel = (date: string): string => `As of ${longDate(date)}`;
