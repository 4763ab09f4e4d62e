// Starts the Discord bot: connects, waits until Discord says it is ready, and hands back a stop
// function. Failures an operator can fix (bad token, privileged intent not enabled, Discord
// unreachable) become one-line AdapterStartErrors; once running, nothing a user sends and no
// failed request can stop it.
import { Events, GatewayCloseCodes, RESTEvents, Status, type Client, type Interaction } from 'discord.js';
import type { DiscordConfig } from '../../config/config.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../logging/logger.js';
import { InFlightReplies } from '../in-flight.js';
import type { BotHttpServer } from '../http-server.js';
import {
  AdapterStartError,
  claimOrAllow,
  inMemoryClaims,
  NO_OBSERVER,
  type AdapterObserver,
  type ClaimAll,
  type ClaimOnce,
  type RunningAdapter,
} from '../types.js';
import { discordInteractionsRoute, HttpInteractionAnswers } from './http-interactions.js';
import { createDiscordClient } from './client.js';
import type { CurationService } from '../../curation/service.js';
import { createDiscordContext } from './context.js';
import type { ConversationMemory } from '../conversations.js';
import { Cooldown } from './cooldown.js';
import { findNetworkCode, INVALID_TOKEN } from './network-errors.js';
import { createInteractionHandler } from './interactions.js';
import { createMessageHandler } from './messages.js';
import { SeenKeys } from '../seen-keys.js';

export interface StartDiscordOptions {
  config: DiscordConfig;
  engine: Engine;
  logger: Logger;
  /** For metrics; counts nothing when absent. */
  observer?: AdapterObserver;
  /** Replies being made, which a shutdown waits for. */
  inFlight?: InFlightReplies;
  /**
   * Discord ended the session for good while running (a fatal close code: 4004 token reset,
   * 4010-4014 sharding or intents): the bot cannot recover by itself and should restart.
   */
  onFatal?: (reason: string) => void;
  /**
   * Claims every process of the bot shares (the store): help-channel cool-downs and messages being
   * answered. Default: this process only.
   */
  claims?: ClaimAll;
  /** Where follow-up state is kept between messages (default: in this process's memory). */
  conversations?: ConversationMemory;
  /**
   * Also take interactions on Discord's HTTP interactions endpoint (/discord/interactions on this
   * server), verified with the application's public key. Replays are refused through
   * `replayClaims` (default: `claims`, else this process's memory).
   */
  interactionsEndpoint?: { server: BotHttpServer; publicKey: string; replayClaims?: ClaimOnce };
  /** Records questions, votes and disputes, and serves admins the summary (default: records nothing). */
  curation?: CurationService;
}

export interface DiscordAdapter extends RunningAdapter {
  /** The connected client, for tests and diagnostics. */
  readonly client: Client<true>;
}

const PLATFORM = 'discord';
/** An interaction must be answered within 15 minutes at most; its claim outlives that. */
const INTERACTION_CLAIM_MS = 20 * 60 * 1000;
/** Message ids remembered against replays: far more than a resume replays. */
const RECENT_MESSAGES = 5_000;

export async function startDiscord({
  config,
  engine,
  logger,
  observer = NO_OBSERVER,
  inFlight = new InFlightReplies(),
  onFatal,
  claims,
  conversations,
  interactionsEndpoint,
  curation,
}: StartDiscordOptions): Promise<DiscordAdapter> {
  const client = createDiscordClient(config);
  const context = createDiscordContext(engine, logger, curation);
  const handleMessage = createMessageHandler({
    context,
    helpChannelIds: new Set(config.helpChannelIds),
    cooldown: new Cooldown({ seconds: config.cooldownSeconds, ...(claims ? { shared: claims } : {}) }),
    ...(conversations ? { conversations } : {}),
    ...(claims ? { claims } : {}),
    seen: new SeenKeys({ max: RECENT_MESSAGES }),
    observer,
  });
  const handleInteraction = createInteractionHandler(context);
  const httpAnswers = interactionsEndpoint ? new HttpInteractionAnswers(client) : undefined;

  client.rest.on(RESTEvents.Response, (_request, response) => {
    if (!response.ok) observer.apiError();
  });
  // With no 'error' listener, an error event would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord gateway connection error'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord gateway session resumed'));
  // Emitted only for closes the library will not recover from (4004 token reset, 4010-4014).
  // Before READY this is a start-up failure (see waitUntilReady); after it, the bot is offline
  // for good on that shard, so readiness fails and the process is told to restart.
  let ready = false;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.error({ code: event.code, shardId }, 'Discord closed the gateway connection for good; the bot is offline until restarted');
    if (ready) onFatal?.(`Discord closed the gateway with code ${event.code} (${GatewayCloseCodes[event.code] ?? 'fatal'})`);
  });
  client.on(Events.MessageCreate, (message) => {
    const ref = { platform: PLATFORM, channel: message.channelId, messageId: message.id };
    inFlight
      .track(ref, handleMessage(message))
      .catch((error: unknown) => logger.error({ err: error, messageId: message.id }, 'message handler failed'));
  });
  // Two processes on one shard (a rolling restart, or every replica connecting the gateway) both
  // receive each interaction; the one that claims it answers, the other stays out of its way.
  const firstToClaim = async (interaction: Interaction) => {
    if (claims && !(await claimOrAllow(claims, `discord:interaction:${interaction.id}`, INTERACTION_CLAIM_MS, logger))) {
      observer.repeatIgnored();
      return;
    }
    await handleInteraction(interaction);
  };
  client.on(Events.InteractionCreate, (interaction) => {
    const ref = { platform: PLATFORM, channel: interaction.channelId ?? undefined, interactionId: interaction.id };
    inFlight
      .track(
        ref,
        // Over HTTP, an interaction the handler left unanswered gets its (empty) answer now.
        firstToClaim(interaction).finally(() => httpAnswers?.settle(interaction.id)),
      )
      .catch((error: unknown) => logger.error({ err: error, interactionId: interaction.id }, 'interaction handler failed'));
  });

  if (!config.messageContent) {
    logger.warn(
      { helpChannels: config.helpChannelIds.length },
      'DISCORD_MESSAGE_CONTENT is off: slash commands, mentions and DMs work, but answering questions in help channels without a mention needs the Message Content intent (enable it in the Developer Portal under Bot > Privileged Gateway Intents, then set DISCORD_MESSAGE_CONTENT=true)',
    );
  }

  try {
    // Either can fail first: login() on a rejected token, the READY wait on a gateway refusal.
    await Promise.all([waitUntilReady(client), client.login(config.token)]);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw toStartError(error, config);
  }

  ready = true;
  if (interactionsEndpoint && httpAnswers) {
    interactionsEndpoint.server.addRoute(
      discordInteractionsRoute({
        publicKey: interactionsEndpoint.publicKey,
        client,
        answers: httpAnswers,
        claims: interactionsEndpoint.replayClaims ?? claims ?? inMemoryClaims(),
        logger,
      }),
    );
  }
  const readyClient = client as Client<true>;
  logger.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      helpChannels: config.helpChannelIds.length,
      messageContent: config.messageContent,
    },
    'discord bot connected',
  );

  let stopped: Promise<void> | undefined;
  let gatewayClosed: Promise<void> | undefined;
  // Closing the gateway stops new messages and interactions; REST stays usable, so the replies
  // already started can still be sent.
  const stopTakingWork = () => {
    // The manager's destroy() is what client.destroy() calls first; typed private, but it is the
    // only way to close the gateway without also dropping the REST token.
    gatewayClosed ??= (client.ws as unknown as { destroy(): Promise<void> })
      .destroy()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not close the gateway cleanly'));
    return gatewayClosed;
  };
  return {
    name: PLATFORM,
    client: readyClient,
    // Every shard's gateway session is up; false while one reconnects or resumes.
    isConnected: () =>
      stopped === undefined && gatewayClosed === undefined && client.ws.shards.every((shard) => shard.status === Status.Ready),
    stopTakingWork,
    stop() {
      // destroy() closes the gateway without reconnecting and drops pending REST work.
      stopped ??= stopTakingWork()
        .then(() => client.destroy())
        .then(() => logger.info('discord bot stopped'));
      return stopped;
    },
  };
}

class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    super(`Discord closed the gateway connection with code ${code}`);
  }
}

/**
 * Resolves on READY; rejects when Discord closes the gateway for good before that (a bad token,
 * or a privileged intent the application may not use), which login() alone does not report.
 */
function waitUntilReady(client: Client): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onDisconnect = (event: { code: number }) => {
      client.off(Events.ClientReady, onReady);
      reject(new GatewayClosedError(event.code));
    };
    const onReady = () => {
      client.off(Events.ShardDisconnect, onDisconnect);
      resolve();
    };
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
  });
}

function toStartError(error: unknown, config: DiscordConfig): unknown {
  if (error instanceof GatewayClosedError) {
    if (error.code === GatewayCloseCodes.AuthenticationFailed) return new AdapterStartError(PLATFORM, INVALID_TOKEN);
    if (error.code === GatewayCloseCodes.DisallowedIntents) {
      return new AdapterStartError(
        PLATFORM,
        'Discord refused the Message Content intent (gateway close code 4014). Enable "Message Content Intent" in the Developer Portal under Bot > Privileged Gateway Intents, or set DISCORD_MESSAGE_CONTENT=false.',
      );
    }
    return new AdapterStartError(PLATFORM, `${error.message} before the bot was ready.`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid' || (error as { status?: unknown } | null)?.status === 401)
    return new AdapterStartError(PLATFORM, INVALID_TOKEN);
  const networkCode = findNetworkCode(error);
  if (networkCode !== undefined) {
    const where = config.apiUrl ? `${config.apiUrl} (DISCORD_API_URL)` : 'discord.com';
    return new AdapterStartError(
      PLATFORM,
      `Could not reach the Discord API at ${where}: ${networkCode}. Check the network connection${config.apiUrl ? ' and DISCORD_API_URL' : ''}.`,
    );
  }
  return error;
}
