// Words and emoji for the engine's enums, as Slack users see them.
import type { Lean, Verdict } from '../../knowledge/schema.js';

const VERDICT_LABELS: Record<Verdict, string> = {
  accurate: ':white_check_mark: Accurate',
  'partly-true': ':large_yellow_circle: Partly true',
  outdated: ':hourglass: Outdated',
  unverified: ':grey_question: Unverified',
  opinion: ':speech_balloon: Opinion',
  anecdote: ':speaking_head_in_silhouette: Anecdote',
};

export const verdictLabel = (verdict: Verdict): string => VERDICT_LABELS[verdict];

const LEAN_NAMES: Record<Lean, string> = {
  pytorch: 'PyTorch',
  tensorflow: 'TensorFlow',
  either: 'Either',
};

export const leanName = (lean: Lean): string => LEAN_NAMES[lean];

export function leanHeadline(lean: Lean | null): string {
  if (lean === null) return 'No clear lean for those needs';
  return lean === 'either' ? 'Either framework fits' : `Leans ${LEAN_NAMES[lean]}`;
}

const WEIGHT_WORDS: Record<number, string> = { 1: 'slight', 2: 'clear', 3: 'decisive' };

export const weightWord = (weight: number): string => WEIGHT_WORDS[weight] ?? `weight ${weight}`;
