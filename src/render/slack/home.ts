// The App Home tab: what the bot does, how to ask, its commands and its topics.
import type { ResultOf } from '../../engine/types.js';
import { contextBlock, divider, header, section, type HomeView, type SlackBlock } from './blocks.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';
import { commandLines, fitBlocks, listSections, SLASH_COMMAND, statsBlocks } from './result.js';

/** The engine's answers to `help` and `topics`, which the Home tab lists. */
export interface HomeContent {
  help: ResultOf<'help'>;
  topics: ResultOf<'topics'>;
  /** For admins: the curation summary, shown first. */
  stats?: ResultOf<'stats'>;
}

export function renderHome({ help, topics, stats }: HomeContent): HomeView {
  const topicList = topics.topics;
  const content: SlackBlock[] = [
    ...(stats ? [...statsBlocks(stats), divider()] : []),
    header('PyTorch vs TensorFlow'),
    section(
      'I answer questions about choosing between PyTorch and TensorFlow with short answers that cite their sources, ' +
        'and I check popular claims from well-known comparison articles against current documentation and release notes.',
    ),
    section(
      [
        '*How to ask*',
        `• \`${SLASH_COMMAND} &lt;question&gt;\` anywhere: only you see the answer, and *Share in channel* posts it for everyone.`,
        '• Mention me in a channel: I answer in a thread.',
        '• Send me a direct message from the *Messages* tab.',
      ].join('\n'),
    ),
    divider(),
    section('*Commands*'),
    ...listSections(commandLines(help.commands)),
    divider(),
    section(`*Topics* (${topicList.length})`),
    ...listSections(
      topicList.map((topic) => `• *${escapeText(topic.title)}* (\`${escapeText(topic.id)}\`) — ${escapeText(topic.summary)}`),
    ),
  ];
  const tail = [
    contextBlock([
      `Example: \`${SLASH_COMMAND} compare deployment-mobile\` or \`${SLASH_COMMAND} is TensorFlow Lite still called TF Lite?\``,
    ]),
  ];
  return { type: 'home', blocks: fitBlocks(content, tail, SLACK_LIMITS.blocksPerHomeView) };
}
