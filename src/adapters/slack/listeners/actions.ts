// Button clicks. Every click is acknowledged first (Slack shows an error to the user after 3 s
// otherwise), then answered where the button was: an ephemeral slash-command reply is answered
// ephemerally through its response_url, a conversation message in its thread.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { sourceUrlOf } from '../../../curation/service.js';
import {
  ACTION_IDS,
  ASK_ACTION_PATTERN,
  DISPUTE_ACTION_PATTERN,
  decodeDisputeValue,
  decodeFeedbackValue,
  decodeFollowUpValue,
  decodeQuestionValue,
  INPUT_IDS,
  INVALID_SOURCE_URL,
  renderDisputeModal,
  renderDisputeRecorded,
  renderDisputeRecordedModal,
  renderFeedbackReasonModal,
  renderNotice,
  type SlackMessage,
  VIEW_IDS,
} from '../../../render/slack/index.js';
import { platformErrorOf } from '../web-api-errors.js';
import { answerFor, isDirectMessageChannel, POST_OPTIONS, type ListenerDeps } from './answer.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where a reply to a click belongs. */
type ReplyTarget = { kind: 'ephemeral' } | { kind: 'conversation'; channel: string; threadTs: string | undefined };

function replyTargetOf(body: BlockAction): ReplyTarget {
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  if (body.container.is_ephemeral === true || body.message === undefined || channel === undefined) return { kind: 'ephemeral' };
  const threadTs = (body.message.thread_ts as string | undefined) ?? (isDirectMessageChannel(channel) ? undefined : body.message.ts);
  return { kind: 'conversation', channel, threadTs };
}

/** A plain-text name for attribution. Never a `<@U...>` mention: sharing must not ping the asker. */
const displayNameOf = (body: BlockAction) => body.user.username ?? body.user.name ?? 'Someone';

async function replyPrivately({ body, respond, client }: ButtonArgs, message: SlackMessage): Promise<void> {
  const target = replyTargetOf(body);
  if (target.kind === 'ephemeral') {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  await client.chat.postEphemeral({
    channel: target.channel,
    user: body.user.id,
    ...(target.threadTs !== undefined ? { thread_ts: target.threadTs } : {}),
    ...message,
    ...POST_OPTIONS,
  });
}

const KNOWN_ACTION_IDS = new Set<string>(Object.values(ACTION_IDS));
const isKnownActionId = (actionId: string) =>
  KNOWN_ACTION_IDS.has(actionId) || ASK_ACTION_PATTERN.test(actionId) || DISPUTE_ACTION_PATTERN.test(actionId);
const KNOWN_VIEWS = new Set<string>(Object.values(VIEW_IDS));

/** Lets through only form submissions no other listener handles. */
const onlyUnknownViews: Middleware<SlackViewMiddlewareArgs> = async ({ view, next }) => {
  if (KNOWN_VIEWS.has(view.callback_id)) return;
  await next();
};

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A text input's value in a submitted form. */
const inputOf = (view: ViewSubmitAction['view'], id: string): string | null => {
  const state = view.state.values[id]?.[id] as { value?: string | null } | undefined;
  return typeof state?.value === 'string' ? state.value : null;
};

/** Lets through only actions no other listener handles. */
const onlyUnknownActions: Middleware<SlackActionMiddlewareArgs> = async ({ action, next }) => {
  const actionId = (action as { action_id?: unknown }).action_id;
  if (typeof actionId === 'string' && isKnownActionId(actionId)) return;
  await next();
};

/** Slack refuses channel posts from an app that is not in the channel; the response_url still works there. */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);
const COULD_NOT_SHARE = 'Sorry, I could not share that answer here. Please try again in a moment.';

/** Posts in the channel as the app; where the app may not post, through the response_url instead. */
async function postVisibly({ body, client, respond }: ButtonArgs, message: SlackMessage): Promise<void> {
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  if (channel !== undefined) {
    try {
      await client.chat.postMessage({ channel, ...message, ...POST_OPTIONS });
      return;
    } catch (error) {
      if (!CANNOT_POST_HERE.has(platformErrorOf(error) ?? '')) throw error;
    }
  }
  await respond({ response_type: 'in_channel', replace_original: false, ...message });
}

export function registerActionListeners(app: App, deps: ListenerDeps): void {
  // Follow-up and closest-question buttons: answer the entry the button carries (the same contract
  // as Discord's buttons), or its question when the knowledge no longer has the entry.
  app.action<BlockAction<ButtonAction>>(ASK_ACTION_PATTERN, async (args) => {
    await args.ack();
    const { body, action, client } = args;
    const { entryId, question } = decodeFollowUpValue(action.value);
    // A button from before follow-ups carried entries holds only the text, answered as it was typed.
    const request = entryId !== undefined ? ({ command: 'ask', entryId, text: question } as const) : question;
    const target = replyTargetOf(body);
    const asker = { userId: body.user.id, channelId: body.channel?.id ?? body.container.channel_id ?? '' };
    if (target.kind === 'ephemeral') {
      const message = await answerFor(deps, request, { audience: 'private', shareInput: question }, asker);
      await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
      return;
    }
    // In a channel anyone may click; say who asked, as text. In a DM it is obvious.
    const askedBy = isDirectMessageChannel(target.channel) ? undefined : displayNameOf(body);
    const message = await answerFor(deps, request, { audience: 'public', ...(askedBy !== undefined ? { askedBy } : {}) }, asker);
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs !== undefined ? { thread_ts: target.threadTs } : {}),
      ...message,
      ...POST_OPTIONS,
    });
  });

  // "Share in channel" on an ephemeral answer: answer the same input again, visibly, credited by name.
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async (args) => {
    await args.ack();
    const { body, action, respond } = args;
    // The same question again, now for everyone: not a new question, so not recorded again.
    const message = await answerFor(deps, decodeQuestionValue(action.value), { audience: 'public', askedBy: displayNameOf(body) });
    try {
      await postVisibly(args, message);
    } catch (error) {
      deps.logger.error({ err: error, slackError: platformErrorOf(error) }, 'could not share an answer in the channel');
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(COULD_NOT_SHARE) });
      return;
    }
    // The private copy has done its job; if removing it fails, the share still happened.
    await respond({ delete_original: true }).catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'could not remove the shared ephemeral answer'),
    );
  });

  // 👍 and 👎 are recorded at once. A 👎 also opens a short form asking why (optional); when the
  // form cannot open, the voter is thanked in the conversation instead.
  const feedback = (vote: 'up' | 'down') => async (args: ButtonArgs) => {
    await args.ack();
    const value = decodeFeedbackValue(args.action.value);
    const voter = { userId: args.body.user.id, channelId: args.body.channel?.id ?? args.body.container.channel_id ?? '' };
    deps.curation.voted('slack', voter, {
      answerId: value.answerId ?? null,
      entryId: value.entryId,
      topic: value.topic,
      kind: value.kind,
      vote,
    });
    deps.logger.info({ event: 'feedback', vote, entryId: value.entryId, topic: value.topic, kind: value.kind }, 'answer feedback');
    if (vote === 'down') {
      try {
        await args.client.views.open({ trigger_id: args.body.trigger_id, view: renderFeedbackReasonModal(value) });
        return;
      } catch (error) {
        deps.logger.warn({ err: error, slackError: platformErrorOf(error) }, 'could not open the feedback form');
      }
    }
    await replyPrivately(
      args,
      renderNotice(
        vote === 'up' ? 'Thanks for the feedback, glad it helped!' : 'Thanks for the feedback: it helps us fix answers that fall short.',
      ),
    );
  };
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.feedbackUp, feedback('up'));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.feedbackDown, feedback('down'));

  // The reason for a 👎: the same vote again, now with its reason (one vote per person per answer).
  app.view<ViewSubmitAction>(VIEW_IDS.feedbackReason, async ({ ack, view, body }: ViewArgs) => {
    await ack();
    const value = decodeFeedbackValue(view.private_metadata);
    const reason = inputOf(view, INPUT_IDS.reason);
    if (reason === null || reason.trim() === '') return;
    deps.curation.voted(
      'slack',
      { userId: body.user.id, channelId: '' },
      {
        answerId: value.answerId ?? null,
        entryId: value.entryId,
        topic: value.topic,
        kind: value.kind,
        vote: 'down',
        reason,
      },
    );
  });

  // "Dispute" beside a claim: a form for the reason and a source.
  app.action<BlockAction<ButtonAction>>(DISPUTE_ACTION_PATTERN, async (args) => {
    await args.ack();
    const value = decodeDisputeValue(args.action.value);
    if (value === undefined) return;
    const channelId = args.body.channel?.id ?? args.body.container.channel_id;
    const responseUrl = (args.body as { response_url?: string }).response_url;
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: renderDisputeModal({ ...value, ...(responseUrl ? { responseUrl } : {}), ...(channelId ? { channelId } : {}) }),
    });
  });

  // A dispute sent: recorded as a review item; the disputer sees its id in the form and in the conversation.
  app.view<ViewSubmitAction>(VIEW_IDS.dispute, async ({ ack, view, body, client }: ViewArgs) => {
    const value = decodeDisputeValue(view.private_metadata);
    const reason = (inputOf(view, INPUT_IDS.reason) ?? '').trim();
    const sourceUrl = sourceUrlOf(inputOf(view, INPUT_IDS.sourceUrl));
    if (sourceUrl === 'invalid') {
      await ack({ response_action: 'errors', errors: { [INPUT_IDS.sourceUrl]: INVALID_SOURCE_URL } });
      return;
    }
    if (value === undefined || reason === '') {
      await ack({ response_action: 'errors', errors: { [INPUT_IDS.reason]: 'Say what is wrong with the claim.' } });
      return;
    }
    const id = deps.curation.disputed(
      'slack',
      { userId: body.user.id, channelId: value.channelId ?? '' },
      {
        claimId: value.claimId,
        entryId: value.entryId,
        reason,
        sourceUrl,
      },
    );
    deps.logger.info({ event: 'dispute', disputeId: id, claimId: value.claimId }, 'claim disputed');
    await ack({ response_action: 'update', view: renderDisputeRecordedModal(id) });
    const confirmation = renderDisputeRecorded(id);
    try {
      if (value.responseUrl) {
        await fetch(value.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...confirmation }),
          signal: AbortSignal.timeout(5_000),
        });
      } else if (value.channelId) {
        await client.chat.postEphemeral({ channel: value.channelId, user: body.user.id, ...confirmation, ...POST_OPTIONS });
      }
    } catch (error) {
      deps.logger.warn({ err: error, disputeId: id }, 'could not confirm the dispute in the conversation (the form showed it)');
    }
  });

  // Anything else (a button from an older version of the bot, a link button): acknowledge, so
  // Slack does not show the user an error, and do nothing.
  app.action(/.*/, onlyUnknownActions, async ({ ack, action }) => {
    await ack();
    deps.logger.debug({ actionId: (action as { action_id?: unknown }).action_id }, 'acknowledged an unknown Slack action');
  });
  app.shortcut(/.*/, async ({ ack }) => ack());
  app.view(/.*/, onlyUnknownViews, async ({ ack }) => ack());
}
