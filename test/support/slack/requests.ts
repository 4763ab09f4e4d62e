// Requests shaped the way Slack sends them to an app in HTTP mode, signed the way Slack signs them:
// x-slack-signature = "v0=" + hex HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}").
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM_ID = 'T0000001';
export const ASKER = { id: 'U0ASKER1', name: 'ada.lovelace' } as const;
export const CHANNEL = { id: 'C0CHANNEL1', name: 'ml-frameworks' } as const;
export const DM_CHANNEL = 'D0DIRECT01';

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to forge one). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackHttpResponse {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: Record<string, unknown> | undefined;
}

let sequence = 0;
const triggerId = () => `${Date.now()}.${++sequence}.${Math.random().toString(16).slice(2, 10)}`;
/** Unique ids per test run, so events never collide in the app's dedupe memory by accident. */
export const uniqueId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++sequence).toString(36)}`.toUpperCase();

export class SlackRequestSender {
  constructor(
    /** e.g. http://127.0.0.1:PORT/slack/events */
    readonly eventsUrl: string,
    private readonly signingSecret: string = TEST_SIGNING_SECRET,
  ) {}

  async post(rawBody: string, contentType: string, options: SendOptions = {}): Promise<SlackHttpResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const response = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': options.signature ?? slackSignature(this.signingSecret, timestamp, rawBody),
        ...options.headers,
      },
      body: rawBody,
    });
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  postForm(fields: Record<string, string>, options?: SendOptions): Promise<SlackHttpResponse> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  postJson(body: unknown, options?: SendOptions): Promise<SlackHttpResponse> {
    return this.post(JSON.stringify(body), 'application/json', options);
  }

  slashCommand(text: string, overrides: Record<string, string> = {}, options?: SendOptions): Promise<SlackHttpResponse> {
    return this.postForm({ ...slashCommandFields(text), ...overrides }, options);
  }

  /** An Events API delivery; pass `retryNum` to send it the way Slack retries. */
  event(
    event: Record<string, unknown>,
    { eventId = uniqueId('Ev'), retryNum }: { eventId?: string; retryNum?: number } = {},
  ): Promise<SlackHttpResponse> {
    const headers: Record<string, string> =
      retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
    // Slack signs every delivery afresh: a retry, sent seconds after the original, carries its
    // own timestamp and so its own signature (here a second later per retry).
    const timestamp = Math.floor(Date.now() / 1000) + (retryNum ?? 0);
    return this.postJson(eventCallback(event, eventId), { headers, timestamp });
  }

  /** An interactive payload, sent as Slack does: a form with one `payload` field holding JSON. */
  interaction(payload: Record<string, unknown>, options?: SendOptions): Promise<SlackHttpResponse> {
    return this.postForm({ payload: JSON.stringify(payload) }, options);
  }
}

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  response_url: string;
  trigger_id: string;
  [field: string]: string;
}

export function slashCommandFields(text: string, responseUrl = 'http://127.0.0.1:9/unused'): SlashCommandFields {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    team_domain: 'example',
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: ASKER.id,
    user_name: ASKER.name,
    command: '/pytorch-vs-tf',
    text,
    api_app_id: 'A0000001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    // Unique per command, as Slack's are: two commands are never the same signed request.
    trigger_id: triggerId(),
  };
}

export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0000001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

export function appMention(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `1700000100.${String(++sequence).padStart(6, '0')}`;
  return { type: 'app_mention', user: ASKER.id, text, ts, channel: CHANNEL.id, event_ts: ts, team: TEAM_ID, ...fields };
}

export function directMessage(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `1700000200.${String(++sequence).padStart(6, '0')}`;
  return { type: 'message', channel: DM_CHANNEL, user: ASKER.id, text, ts, event_ts: ts, channel_type: 'im', team: TEAM_ID, ...fields };
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  /** The message the button was on: omit for an ephemeral message (Slack sends no `message` then). */
  message?: { ts: string; thread_ts?: string };
  channelId?: string;
  user?: { id: string; name: string };
}

/** A block_actions payload for a button click. */
export function blockActions({
  actionId,
  value,
  responseUrl,
  message,
  channelId = CHANNEL.id,
  user = ASKER,
}: ButtonClick): Record<string, unknown> {
  const ephemeral = message === undefined;
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
    api_app_id: 'A0000001',
    token: 'deprecated-verification-token',
    container: ephemeral
      ? { type: 'message', message_ts: '1700000300.000001', channel_id: channelId, is_ephemeral: true }
      : {
          type: 'message',
          message_ts: message.ts,
          channel_id: channelId,
          is_ephemeral: false,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        },
    trigger_id: triggerId(),
    team: { id: TEAM_ID, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : CHANNEL.name },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: 'UBOT0001',
            bot_id: 'BBOT0001',
            text: 'an answer',
            ts: message.ts,
            ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
          },
        }),
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value,
        type: 'button',
        action_ts: '1700000400.000001',
      },
    ],
  };
}
