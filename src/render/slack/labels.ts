// The shared words for the knowledge's vocabularies, with the emoji Slack shows beside them.
import type { Verdict } from '../../knowledge/model.js';
import { VERDICT_LABELS } from '../labels.js';

const VERDICT_EMOJI: Record<Verdict, string> = {
  accurate: ':white_check_mark:',
  'partly-true': ':large_yellow_circle:',
  outdated: ':hourglass:',
  unverified: ':grey_question:',
  opinion: ':speech_balloon:',
  anecdote: ':speaking_head_in_silhouette:',
};

export const verdictLabel = (verdict: Verdict): string => `${VERDICT_EMOJI[verdict]} ${VERDICT_LABELS[verdict]}`;
