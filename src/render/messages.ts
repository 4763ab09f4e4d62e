// The sentences a user reads that the knowledge does not hold: declines, prompts, greetings,
// list intros, notes. The engine returns codes and data; these functions word them once for
// every platform. Each renderer passes how a command is written where it runs (`help` in the
// terminal, `/pytorch-vs-tf help` in Slack, `/pytorch-vs-tf compare topic:…` in Discord) and
// then escapes and lays out the plain text it gets back.
import { COMMANDS } from '../engine/index.js';
import type { CommandName, CommandSpec, CurationSummary, EngineResult, FollowUp, InputNote, ResultOf } from '../engine/types.js';
import { FRAMEWORK_NAMES, VERDICT_IN_A_SENTENCE } from './labels.js';

/** How a platform shows a command to type, e.g. `compare mobile` (with its code markup, if any). */
export type CommandFormat = (name: CommandName, value?: string) => string;

/** Typed text, as in a message: "compare <topic>". */
export const usageOf = (spec: CommandSpec) => (spec.argument ? `${spec.name} <${spec.argument.name}>` : spec.name);

/** A command with its example value, as typed: "compare mobile deployment". */
export const exampleOf = (spec: CommandSpec) => (spec.argument ? `${spec.name} ${spec.argument.example}` : spec.name);

const ABOUT = 'I answer questions about choosing between PyTorch and TensorFlow';
/** The statement `check` shows as its example, wherever it is asked for one. */
const STATEMENT_EXAMPLE = COMMANDS.find((spec) => spec.name === 'check')?.argument?.example ?? '';

export function noteText(note: InputNote): string {
  switch (note.code) {
    case 'input-cut':
      return `Your message was long, so only its first ${note.keptCharacters} characters were read.`;
    case 'read-as-follow-up':
      return `Read as a follow-up to your previous question: "${note.question}".`;
  }
}

/** What a follow-up ("why?", "is that still true?", "more") gets before the answer it asked about. */
function detailLead(result: ResultOf<'answer'>): string {
  switch (result.detail) {
    case 'why':
      return result.claims.length > 0
        ? 'Why: the checked claims and the sources this answer rests on are below.'
        : 'Why: the sources this answer rests on are below.';
    case 'still-true':
      return result.asOf
        ? `This answer was last checked against its sources on ${result.asOf}.`
        : 'This answer has no recorded check date; its sources are below.';
    default:
      return 'In full, with every claim it rests on:';
  }
}

/** A decline: what the bot covers instead, and where to look. */
function declineText(result: ResultOf<'no-match'>, command: CommandFormat): string {
  if (result.reason === 'unknown-entry') return 'That question is no longer in my knowledge. Ask it in your own words?';
  const scope =
    `Sorry, that's outside what I know. ${ABOUT}: ${result.topicTitles.map((title) => title.toLowerCase()).join(', ')} and more. ` +
    `Type ${command('topics')} for the full list or ${command('help')} for the commands.`;
  return result.reason === 'no-question' ? `I could not find a question in that. ${scope}` : scope;
}

function recommendationText(result: ResultOf<'recommendation'>, command: CommandFormat): string {
  const { lean, points, exampleNeeds } = result;
  if (lean === null) {
    const prompt =
      `Tell me what matters to your team, separated by commas, e.g. ${command('recommend', exampleNeeds.slice(0, 3).join(', '))}. ` +
      `Needs I know about include: ${exampleNeeds.join('; ')}.`;
    return result.reason === 'no-need-recognised' ? `I could not recognise a need in that. ${prompt}` : prompt;
  }
  if (lean === 'either') {
    return 'For these needs neither framework has a decisive edge; pick the one your team knows, and check the points below.';
  }
  const other = lean === 'pytorch' ? 'tensorflow' : 'pytorch';
  return `For these needs, ${FRAMEWORK_NAMES[lean]} is the better fit (${points[lean]} points of preference against ${points[other]}).`;
}

function claimCheckText(result: ResultOf<'claim-check'>, command: CommandFormat): string {
  switch (result.reason) {
    case 'no-statement':
      return `Give me a statement to fact-check, e.g. ${command('check', STATEMENT_EXAMPLE)}.`;
    case 'no-close-claim':
      return `I have no recorded claim close to that statement. Try asking it as a question instead, or type ${command('topics')} to see what I cover.`;
    case 'checked': {
      const top = result.claims[0];
      return top ? `The closest recorded claim is ${VERDICT_IN_A_SENTENCE[top.verdict]}. ${result.text}` : result.text;
    }
  }
}

function topicsText(result: ResultOf<'topics'>, command: CommandFormat): string {
  switch (result.reason) {
    case 'asked':
      return `I can answer questions on ${result.topics.length} topics:`;
    case 'compare-without-topic': {
      const example = result.topics[0]?.id;
      return `Which topic should I compare? Pick one${example ? `, e.g. ${command('compare', example)}` : ''}:`;
    }
    case 'compare-unknown-topic':
      return `I have no comparison for "${result.requestedTopic ?? ''}". These are the topics I can compare:`;
  }
}

/**
 * The main message of a result as plain text: the knowledge's own text where the result has one
 * (an answer, a topic's summary), otherwise the words for its kind and code.
 */
export function messageOf(result: EngineResult, command: CommandFormat): string {
  switch (result.kind) {
    case 'answer':
      return result.detail ? `${detailLead(result)}\n\n${result.text}` : result.text;
    case 'comparison':
      return result.text;
    case 'partial':
      return result.followUps.length > 0
        ? "I don't have an answer to exactly that. These are the closest questions I can answer:"
        : `I don't have an answer to exactly that. Try rephrasing it, or type ${command('topics')} to see what I cover.`;
    case 'other-language':
      return result.followUps.length > 0
        ? 'I can only answer in English. This may be the question you mean:'
        : 'I can only answer in English. Could you ask your question in English?';
    case 'no-match':
      return declineText(result, command);
    case 'greeting':
      return result.greeting === 'thanks'
        ? `Glad it helped! Ask me anything else about PyTorch vs TensorFlow, or type ${command('help')} to see the commands.`
        : 'Hi! I help teams choose between PyTorch and TensorFlow with short, sourced, current answers. ' +
            `Ask a question in your own words, or type ${command('help')} to see the commands.`;
    case 'invalid-input':
      return `I could not read any words in that message. Ask a question in plain text, or type ${command('help')}.`;
    case 'help': {
      const intro = `${ABOUT}, with current facts and sources. Ask in your own words, or use a command:`;
      return result.reason === 'empty-input' ? `Ask me a question about PyTorch or TensorFlow.\n\n${intro}` : intro;
    }
    case 'topics':
      return topicsText(result, command);
    case 'sources': {
      const articles = result.sourceList.filter((source) => source.kind === 'article').length;
      return (
        `My answers rest on ${result.sourceList.length} sources: ${articles} comparison articles whose claims I fact-check, ` +
        'and the official documentation, release notes and repositories used to check them.'
      );
    }
    case 'recommendation':
      return recommendationText(result, command);
    case 'claim-check':
      return claimCheckText(result, command);
    case 'stats':
      return statsText(result);
  }
}

function statsText(result: ResultOf<'stats'>): string {
  switch (result.access) {
    case 'refused':
      return "Sorry, the curation summary is only for this bot's admins. Ask me a question about PyTorch or TensorFlow instead?";
    case 'unavailable':
      return 'The curation summary cannot be read right now (the store is unavailable). Answers are not affected; try again in a minute.';
    case 'ask-privately':
      return 'The curation summary quotes what people asked, so I show it only privately: use the slash command or a direct message.';
    case 'granted':
      return result.summary ? `Curation summary for the last ${result.summary.days} days.` : 'No summary.';
  }
}

/**
 * Results a reader is asked to rate (👍/👎) on every platform: the ones that give an answer
 * someone could find right or wrong. A decline or a list of closest questions is recorded as
 * such for the curators (see curation/), so a vote on it would say nothing more.
 */
export const RATED_KINDS: ReadonlySet<EngineResult['kind']> = new Set<EngineResult['kind']>([
  'answer',
  'comparison',
  'recommendation',
  'claim-check',
]);

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The curation summary as titled groups of plain lines; each renderer lays them out its own way. */
export function statsSections(summary: CurationSummary, top = 5): { title: string; lines: string[] }[] {
  const none = (lines: string[]) => (lines.length === 0 ? ['none'] : lines);
  return [
    {
      title: `Questions in the last ${summary.days} days: ${summary.questions}`,
      lines: [
        `${summary.answered} answered (${percent(summary.rates.answered)}), ` +
          `${summary.partial} partial (${percent(summary.rates.partial)}), ${summary.declined} declined (${percent(summary.rates.declined)})`,
      ],
    },
    {
      title: `Votes: 👍 ${summary.votes.up} · 👎 ${summary.votes.down}`,
      lines: none(summary.votes.byEntry.slice(0, top).map((entry) => `${entry.entryId ?? '(no entry)'}: 👍 ${entry.up} 👎 ${entry.down}`)),
    },
    {
      title: 'Top unanswered questions',
      lines: none(summary.unanswered.slice(0, top).map((cluster) => `${cluster.count}× “${cluster.text}” (${cluster.id})`)),
    },
    {
      title: '👎 reasons',
      lines: none(
        summary.downVotes
          .slice(0, top)
          .map((vote) => `${vote.entryId ?? '(no entry)'}: ${vote.reason ?? vote.text ?? '(no reason)'} (${vote.id})`),
      ),
    },
    {
      title: `Open disputes: ${summary.disputes.open}`,
      lines: none(summary.disputes.items.slice(0, top).map((dispute) => `${dispute.id} on ${dispute.claimId}: ${dispute.reason}`)),
    },
    {
      title: `Answers from entries past their review date: ${summary.stale.served}`,
      lines: none(summary.stale.byEntry.slice(0, top).map((entry) => `${entry.entryId}: ${entry.count}`)),
    },
  ];
}

/** The questions a result offers as buttons, each once. Both platforms' buttons carry the entry id. */
export function followUpChoices(result: EngineResult): FollowUp[] {
  const offered = result.followUps;
  const seen = new Set<string>();
  return offered.filter(({ entryId, question }) => {
    if (seen.has(entryId) || question.trim() === '') return false;
    seen.add(entryId);
    return true;
  });
}
