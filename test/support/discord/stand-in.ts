// A local stand-in for Discord, just enough of it for the real discord.js client: a node:http
// REST API that records every call, and a `ws` gateway on the same port that sends HELLO, READY
// and GUILD_CREATE, answers heartbeats, resumes sessions, and lets a test dispatch events
// (messages, slash commands, autocomplete, button clicks). Interactions can instead be POSTed to
// the bot's HTTP interactions endpoint, signed with the application's Ed25519 key as Discord signs
// them. Everything stays on 127.0.0.1.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageType,
} from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

export interface DiscordUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export function discordUser(id: string, username: string, bot = false): DiscordUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export interface RecordedCall {
  method: string;
  /** Decoded path below the API version, e.g. "/channels/123/messages". */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: any;
  /** The status the stand-in answered with. */
  status: number;
  /** What the stand-in answered with (e.g. the created message, with its id). */
  response?: any;
}

export interface StandInOptions {
  /** The token the stand-in accepts; any other gets 401 (REST) or close code 4004 (gateway). */
  token?: string;
  /** False: close with 4014 "disallowed intents" when the Message Content intent is requested. */
  messageContentAllowed?: boolean;
  /** The shard count /gateway/bot recommends (what DISCORD_SHARDS=auto uses). Default 1. */
  recommendedShards?: number;
}

/** A message the stand-in created in a channel, with the nonce it was sent with. */
export interface CreatedMessage {
  id: string;
  channelId: string;
  nonce: string | undefined;
  body: any;
}

interface FailureRule {
  method: string;
  path: RegExp;
  status: number;
  /** Do the work (create the message) and then answer with the failure, as a Discord in trouble may. */
  afterDoing: boolean;
  /** Failures left; Infinity until the rule is removed. */
  times: number;
}

/** Fixed ids, so tests read like a real server: one guild with a few text channels. */
export const IDS = {
  application: '100000000000000001',
  bot: '100000000000000001',
  guild: '200000000000000001',
  general: '300000000000000001',
  help: '300000000000000002',
  other: '300000000000000003',
  dm: '300000000000000009',
  command: '400000000000000001',
} as const;

let snowflakeCounter = 500_000_000_000_000_000n;
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

export class DiscordStandIn {
  readonly calls: RecordedCall[] = [];
  /** Every REST request as it arrives (calls are recorded when answered, which a delay postpones). */
  readonly arrivals: { method: string; path: string }[] = [];
  /** Every gateway connection the client opened, in order. */
  readonly connections: WebSocket[] = [];
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  readonly botUser = discordUser(IDS.bot, 'pytorch-vs-tf', true);
  readonly token: string;
  private readonly messageContentAllowed: boolean;
  private readonly failures = new Set<FailureRule>();
  private readonly delays = new Set<{ method: string; path: RegExp; ms: number }>();
  private readonly callWaiters = new Set<() => void>();
  private readonly gatewayWaiters = new Set<() => void>();
  readonly createdMessages: CreatedMessage[] = [];
  /** The application's key pair: Discord signs HTTP interactions with the private key. */
  private readonly interactionKeys = generateKeyPairSync('ed25519');
  /**
   * When set, interactions are POSTed to this URL (the bot's HTTP interactions endpoint), signed,
   * instead of sent over the gateway; their HTTP responses land in `interactionResponses`.
   */
  interactionsUrl: string | undefined;
  /** The HTTP response to each interaction POSTed to `interactionsUrl`, by interaction id. */
  readonly interactionResponses = new Map<string, Promise<{ status: number; json: any }>>();
  /** Exactly what was POSTed for each interaction (to replay it). */
  readonly interactionRequests = new Map<string, { body: string; timestamp: number; signature: string }>();
  private readonly recommendedShards: number;
  /** The live gateway session of each shard: its socket, sequence and session id. */
  private readonly sessions = new Map<number, { socket: WebSocket; sequence: number; sessionId: string; shardCount: number }>();
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    options: StandInOptions,
  ) {
    this.token = options.token ?? 'stand-in-token';
    this.messageContentAllowed = options.messageContentAllowed ?? true;
    this.recommendedShards = options.recommendedShards ?? 1;
  }

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    const standIn = new DiscordStandIn(server, gateway, options);
    server.on('request', (request, response) => void standIn.handleRest(request, response));
    gateway.on('connection', (socket) => standIn.handleConnection(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn.port = (server.address() as AddressInfo).port;
    return standIn;
  }

  /** What DISCORD_API_URL would be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ---------- REST ----------

  /**
   * Answer matching requests with `status` until the returned function is called (or `times`
   * requests have failed). With `afterDoing`, the request is carried out first (a message is
   * created) and then answered with the failure, as when Discord acts but the answer is lost.
   */
  failRequests(method: string, path: RegExp, status = 500, options: { afterDoing?: boolean; times?: number } = {}): () => void {
    const rule: FailureRule = {
      method,
      path,
      status,
      afterDoing: options.afterDoing ?? false,
      times: options.times ?? Number.POSITIVE_INFINITY,
    };
    this.failures.add(rule);
    return () => this.failures.delete(rule);
  }

  /** Answer matching requests only after `ms` (a slow Discord) until the returned function is called. */
  delayRequests(method: string, path: RegExp, ms: number): () => void {
    const rule = { method, path, ms };
    this.delays.add(rule);
    return () => this.delays.delete(rule);
  }

  private takeFailure(method: string, path: string): FailureRule | undefined {
    for (const rule of this.failures) {
      if (rule.method !== method || !rule.path.test(path)) continue;
      rule.times -= 1;
      if (rule.times <= 0) this.failures.delete(rule);
      return rule;
    }
    return undefined;
  }

  /** The first recorded call (past or future) that matches; rejects after `timeoutMs`. */
  waitForCall(matches: (call: RecordedCall) => boolean, description: string, timeoutMs = 4000): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find(matches);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `The stand-in saw no REST call matching: ${description}\nCalls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.callWaiters.delete(waiter);
      };
      const waiter = () => void check();
      if (check()) return;
      this.callWaiters.add(waiter);
    });
  }

  /** The reply to a chat message: a message create that references it. */
  waitForReplyTo(messageId: string, description = `a reply to message ${messageId}`): Promise<RecordedCall> {
    return this.waitForCall(
      (call) =>
        call.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(call.path) &&
        call.body?.message_reference?.message_id === messageId &&
        call.status < 300,
      description,
    );
  }

  /** Message creates that reference `messageId` (successful or not). */
  repliesTo(messageId: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === 'POST' && call.body?.message_reference?.message_id === messageId);
  }

  /** The interaction callback for an interaction the stand-in sent. */
  waitForCallback(interaction: { id: string; token: string }): Promise<RecordedCall> {
    return this.waitForCall(
      (call) => call.method === 'POST' && call.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
      `the callback of interaction ${interaction.id}`,
    );
  }

  /**
   * Every outgoing call that carries a message the bot wrote: channel messages, interaction
   * callbacks that carry a message (a new reply or an updated one), and webhook creates and edits.
   */
  outgoingMessages(): { call: RecordedCall; message: any }[] {
    const outgoing: { call: RecordedCall; message: any }[] = [];
    for (const call of this.calls) {
      if (call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path)) outgoing.push({ call, message: call.body });
      else if (
        /^\/interactions\/\d+\/[^/]+\/callback$/.test(call.path) &&
        (call.body?.type === InteractionResponseType.ChannelMessageWithSource || call.body?.type === InteractionResponseType.UpdateMessage)
      )
        outgoing.push({ call, message: call.body.data });
      else if (/^\/webhooks\//.test(call.path) && (call.method === 'POST' || call.method === 'PATCH'))
        outgoing.push({ call, message: call.body });
    }
    return outgoing;
  }

  private async handleRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const raw = await readBody(request);
    let body: any = raw;
    if ((request.headers['content-type'] ?? '').includes('application/json') && raw !== '') body = JSON.parse(raw);
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      body,
      status: 0,
    };
    const send = (status: number, payload?: unknown) => {
      call.status = status;
      call.response = payload;
      this.calls.push(call);
      response.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
      for (const waiter of [...this.callWaiters]) waiter();
    };

    this.arrivals.push({ method: call.method, path });
    const delayed = [...this.delays].find((rule) => rule.method === call.method && rule.path.test(path));
    if (delayed) await new Promise((resolve) => setTimeout(resolve, delayed.ms));
    const failure = this.takeFailure(call.method, path);
    if (failure !== undefined && !failure.afterDoing) return send(failure.status, { message: 'Stand-in failure', code: 0 });
    const answer = (status: number, payload?: unknown) =>
      failure !== undefined ? send(failure.status, { message: 'Stand-in failure after doing the work', code: 0 }) : send(status, payload);
    // Interaction callbacks and webhooks authenticate by their token in the path, not the bot token.
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && call.authorization !== `Bot ${this.token}`) return send(401, { message: '401: Unauthorized', code: 0 });

    const route = `${call.method} ${path}`;
    let match: RegExpMatchArray | null;
    if (route === 'GET /gateway/bot') {
      return send(200, {
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        // Several identifies at once, so that sharded tests need not wait 5 s per shard.
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 },
      });
    }
    if (route === 'GET /applications/@me' || route === 'GET /oauth2/applications/@me') {
      return send(200, { id: IDS.application, name: 'pytorch-vs-tf', bot: this.botUser, flags: 0 });
    }
    if (route === 'GET /users/@me') return send(200, this.botUser);
    if ((match = route.match(/^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const commands = Array.isArray(body) ? body : [];
      return send(
        200,
        commands.map((command: any) => ({ ...command, id: IDS.command, application_id: match![1], guild_id: match![2], version: '1' })),
      );
    }
    if ((match = route.match(/^POST \/channels\/(\d+)\/messages$/))) return answer(200, this.createMessage(match[1]!, body));
    if ((match = route.match(/^POST \/interactions\/(\d+)\/([^/]+)\/callback$/))) return send(204);
    if ((match = route.match(/^(?:PATCH|POST) \/webhooks\/(\d+)\/([^/]+)(?:\/messages\/@original)?$/)))
      return send(200, this.messageFromBot(IDS.general, body));
    return send(404, { message: '404: Not Found', code: 0 });
  }

  /**
   * As Discord does: with `enforce_nonce`, a nonce already used by the bot in the last minutes
   * returns the message created then instead of creating another.
   */
  private createMessage(channelId: string, body: any) {
    const nonce = body?.nonce === undefined ? undefined : String(body.nonce);
    const earlier =
      body?.enforce_nonce === true && nonce !== undefined
        ? this.createdMessages.find((created) => created.channelId === channelId && created.nonce === nonce)
        : undefined;
    if (earlier) return { ...this.messageFromBot(channelId, earlier.body), id: earlier.id };
    const message = this.messageFromBot(channelId, body);
    this.createdMessages.push({ id: message.id, channelId, nonce, body });
    return message;
  }

  private messageFromBot(channelId: string, body: any) {
    return {
      ...chatMessage({ id: nextSnowflake(), channelId, author: this.botUser, content: body?.content ?? '' }),
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
    };
  }

  // ---------- Gateway ----------

  private handleConnection(socket: WebSocket): void {
    this.connections.push(socket);
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, s: null, t: null, d: { heartbeat_interval: 600_000 } }));
    socket.on('close', () => this.notifyGateway());
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data));
      queueMicrotask(() => this.notifyGateway());
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          // A heartbeat left unanswered makes the client think the connection is dead.
          socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          break;
        case GatewayOpcodes.Identify: {
          this.identifies.push(payload.d);
          if (payload.d.token !== this.token) return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          if (!this.messageContentAllowed && (payload.d.intents & GatewayIntentBits.MessageContent) !== 0)
            return socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
          const [shardId, shardCount] = (payload.d.shard as [number, number] | undefined) ?? [0, 1];
          if (shardId >= shardCount) return socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
          this.sessions.set(shardId, { socket, sequence: 0, sessionId: randomUUID(), shardCount });
          const guilds = this.shardOf(IDS.guild) === shardId ? [{ id: IDS.guild, unavailable: true }] : [];
          this.sendDispatch(
            'READY',
            {
              v: 10,
              user: this.botUser,
              guilds,
              session_id: this.sessions.get(shardId)!.sessionId,
              resume_gateway_url: this.gatewayUrl,
              shard: [shardId, shardCount],
              application: { id: IDS.application, flags: 0 },
            },
            shardId,
          );
          if (guilds.length > 0)
            this.sendDispatch(
              'GUILD_CREATE',
              {
                id: IDS.guild,
                name: 'ML Engineers',
                unavailable: false,
                roles: [],
                members: [],
                channels: [
                  { id: IDS.general, type: ChannelType.GuildText, name: 'general', guild_id: IDS.guild },
                  { id: IDS.help, type: ChannelType.GuildText, name: 'ml-help', guild_id: IDS.guild },
                  { id: IDS.other, type: ChannelType.GuildText, name: 'random', guild_id: IDS.guild },
                ],
              },
              shardId,
            );
          break;
        }
        case GatewayOpcodes.Resume: {
          this.resumes.push(payload.d);
          const resumed = [...this.sessions.entries()].find(([, session]) => session.sessionId === payload.d.session_id);
          if (resumed === undefined) return socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
          resumed[1].socket = socket;
          this.sendDispatch('RESUMED', {}, resumed[0]);
          break;
        }
        default:
          break;
      }
    });
  }

  /** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count; DMs to shard 0. */
  shardOf(guildId: string | undefined): number {
    const count = this.sessions.get(0)?.shardCount ?? [...this.sessions.values()][0]?.shardCount ?? 1;
    return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** The shard ids with a live session. */
  get shardIds(): number[] {
    return [...this.sessions.keys()].sort((a, b) => a - b);
  }

  private sendDispatch(type: string, data: unknown, shardId = this.shardOf((data as { guild_id?: string }).guild_id)): void {
    const session = this.sessions.get(shardId);
    if (!session || session.socket.readyState !== session.socket.OPEN)
      throw new Error(`No open gateway session on shard ${shardId} to send ${type} on`);
    session.sequence += 1;
    session.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: type, s: session.sequence, d: data }));
  }

  /** Resolves once `condition` holds for the gateway's state (connections, identifies, resumes). */
  waitForGateway(condition: () => boolean, description: string, timeoutMs = 4000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return false;
        clearTimeout(timer);
        this.gatewayWaiters.delete(check);
        resolve();
        return true;
      };
      const timer = setTimeout(() => {
        this.gatewayWaiters.delete(check);
        reject(new Error(`The gateway never reached: ${description}`));
      }, timeoutMs);
      if (!check()) this.gatewayWaiters.add(check);
    });
  }

  /** Connections the client has not closed. */
  openConnections(): number {
    return this.connections.filter((socket) => socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING).length;
  }

  private notifyGateway(): void {
    for (const waiter of [...this.gatewayWaiters]) waiter();
  }

  /**
   * Closes a shard's live gateway connection with `code`: 4000 and the like ask the client to
   * resume; 4004 (token reset) and 4010-4014 end the session for good.
   */
  dropConnection(code: number = GatewayCloseCodes.UnknownError, shardId = 0): void {
    this.sessions.get(shardId)?.socket.close(code, 'Stand-in dropped the connection');
  }

  /**
   * Sends a MESSAGE_CREATE; returns the message id. A DM when channelId is IDS.dm. `replyTo`
   * makes it a reply to a message by that user. Like Discord, it blanks the content of guild
   * messages that do not mention the bot when the client did not ask for the Message Content intent.
   */
  sendMessage(options: {
    author: DiscordUser;
    content: string;
    channelId?: string;
    mentions?: DiscordUser[];
    id?: string;
    replyTo?: DiscordUser;
    /** With `replyTo`: the id of the message replied to (default: a new one). */
    replyToMessageId?: string;
  }): string {
    const id = options.id ?? nextSnowflake();
    const channelId = options.channelId ?? IDS.general;
    const mentions = options.mentions ?? [];
    const message = chatMessage({ id, channelId, author: options.author, content: options.content, mentions });
    const reply = options.replyTo
      ? {
          type: MessageType.Reply,
          message_reference: {
            message_id: options.replyToMessageId ?? nextSnowflake(),
            channel_id: channelId,
            ...(channelId === IDS.dm ? {} : { guild_id: IDS.guild }),
          },
          referenced_message: chatMessage({
            id: options.replyToMessageId ?? nextSnowflake(),
            channelId,
            author: options.replyTo,
            content: 'An earlier answer.',
          }),
        }
      : {};
    if (channelId === IDS.dm) {
      this.sendDispatch('MESSAGE_CREATE', { ...message, ...reply, channel_type: ChannelType.DM });
      return id;
    }
    const intents = this.identifies.at(-1)?.intents ?? 0;
    const readable = (intents & GatewayIntentBits.MessageContent) !== 0 || mentions.some((user) => user.id === this.botUser.id);
    this.sendDispatch('MESSAGE_CREATE', {
      ...message,
      ...reply,
      content: readable ? options.content : '',
      guild_id: IDS.guild,
      member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    });
    return id;
  }

  /** The application's public key as the Developer Portal shows it (DISCORD_PUBLIC_KEY): 64 hex characters. */
  get publicKeyHex(): string {
    return Buffer.from(this.interactionKeys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  /** Discord's signature of a request: Ed25519 over the timestamp followed by the body, in hex. */
  signInteraction(timestamp: number, body: string): string {
    return sign(null, Buffer.from(`${timestamp}${body}`), this.interactionKeys.privateKey).toString('hex');
  }

  /** POSTs a body to the HTTP interactions endpoint as Discord does (signed now, unless told otherwise). */
  async postInteraction(body: string, options: { timestamp?: number; signature?: string } = {}): Promise<{ status: number; json: any }> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const response = await fetch(this.interactionsUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-timestamp': String(timestamp),
        'x-signature-ed25519': options.signature ?? this.signInteraction(timestamp, body),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
  }

  /** Sends a /pytorch-vs-tf slash command; returns the interaction's id and token. */
  sendCommand(options: { user: DiscordUser; subcommand: string; values?: Record<string, string>; channelId?: string }) {
    const values = Object.entries(options.values ?? {}).map(([name, value]) => ({ name, value }));
    return this.sendInteraction(
      InteractionType.ApplicationCommand,
      options.user,
      options.channelId,
      slashCommand(options.subcommand, values),
    );
  }

  /** Sends an autocomplete request for one option of a subcommand, as the user types. */
  sendAutocomplete(options: { user: DiscordUser; subcommand: string; option: string; typed: string }) {
    const focused = [{ name: options.option, value: options.typed, focused: true }];
    return this.sendInteraction(
      InteractionType.ApplicationCommandAutocomplete,
      options.user,
      undefined,
      slashCommand(options.subcommand, focused),
    );
  }

  /** Clicks a button on one of the bot's messages. */
  clickButton(options: { user: DiscordUser; customId: string; channelId?: string }) {
    const channelId = options.channelId ?? IDS.general;
    return this.sendInteraction(
      InteractionType.MessageComponent,
      options.user,
      channelId,
      { custom_id: options.customId, component_type: ComponentType.Button },
      {
        message: chatMessage({ id: nextSnowflake(), channelId, author: this.botUser, content: '' }),
      },
    );
  }

  /** A form (modal) sent: the text inputs' values by their custom ids, as Discord delivers them. */
  submitModal(options: { user: DiscordUser; customId: string; values: Record<string, string>; channelId?: string }) {
    const components = Object.entries(options.values).map(([customId, value]) => ({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
    }));
    return this.sendInteraction(InteractionType.ModalSubmit, options.user, options.channelId ?? IDS.general, {
      custom_id: options.customId,
      components,
    });
  }

  private sendInteraction(
    type: InteractionType,
    user: DiscordUser,
    channelId: string | undefined,
    data: unknown,
    extra: Record<string, unknown> = {},
  ) {
    const id = nextSnowflake();
    const token = `interaction-token-${id}`;
    const channel = channelId ?? IDS.general;
    const inDm = channel === IDS.dm;
    const interaction = {
      id,
      application_id: IDS.application,
      type,
      token,
      version: 1,
      entitlements: [],
      authorizing_integration_owners: {},
      app_permissions: '0',
      locale: 'en-US',
      channel_id: channel,
      channel: inDm
        ? { id: channel, type: ChannelType.DM }
        : { id: channel, type: ChannelType.GuildText, guild_id: IDS.guild, name: 'general' },
      ...(inDm
        ? { user, context: InteractionContextType.BotDM }
        : {
            guild_id: IDS.guild,
            guild_locale: 'en-US',
            member: { user, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '0' },
            context: InteractionContextType.Guild,
          }),
      data,
      ...extra,
    };
    if (this.interactionsUrl === undefined) this.sendDispatch('INTERACTION_CREATE', interaction);
    else {
      const body = JSON.stringify(interaction);
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = this.signInteraction(timestamp, body);
      this.interactionRequests.set(id, { body, timestamp, signature });
      this.interactionResponses.set(id, this.postInteraction(body, { timestamp, signature }));
    }
    return { id, token };
  }

  async close(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The data of a /pytorch-vs-tf interaction: one subcommand with its text options. */
function slashCommand(subcommand: string, options: { name: string; value: string; focused?: boolean }[]) {
  return {
    id: IDS.command,
    name: 'pytorch-vs-tf',
    type: ApplicationCommandType.ChatInput,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: subcommand,
        options: options.map((option) => ({ type: ApplicationCommandOptionType.String, ...option })),
      },
    ],
  };
}

function chatMessage(options: { id: string; channelId: string; author: DiscordUser; content: string; mentions?: DiscordUser[] }) {
  return {
    id: options.id,
    channel_id: options.channelId,
    author: options.author,
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
