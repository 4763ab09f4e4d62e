// The discord.js client, configured once: the intents the bot needs and nothing more, DMs
// enabled (Partials.Channel), mentions disabled for everything it sends, every message sent
// with a nonce Discord enforces, the gateway shards DISCORD_SHARDS asks for, and REST pointed at
// DISCORD_API_URL when set.
import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config/config.js';
import { NO_MENTIONS } from '../../render/discord/index.js';

export type DiscordClientConfig = Pick<DiscordConfig, 'apiUrl' | 'messageContent'> & Partial<Pick<DiscordConfig, 'shards'>>;

export function createDiscordClient(config: DiscordClientConfig): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  // Privileged: Discord refuses the connection (close code 4014) unless it is switched on in the
  // developer portal, so it is only requested when the operator says it is.
  if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // DM channels are not cached before their first message; without this the DM is dropped.
    partials: [Partials.Channel],
    // The default for every message, reply and interaction response; renderers set it too.
    allowedMentions: { ...NO_MENTIONS },
    // The bot never reads history, so it keeps only a few messages per channel in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 25 }),
    // discord.js retries a message create that timed out or got a 5xx, when Discord may have
    // posted it already. With a nonce that Discord enforces, a repeat returns the message the
    // first attempt made instead of posting a second one.
    enforceNonce: true,
    // Sharding through the library's own mechanism (@discordjs/ws, inside this process): 'auto'
    // takes Discord's recommended count from /gateway/bot, a number runs that many shards.
    ...shardOptions(config.shards ?? 'auto'),
    rest: config.apiUrl ? { api: restBase(config.apiUrl) } : {},
  });
}

/**
 * discord.js appends "/v10/..." itself, so the base is the URL up to /api: a trailing slash or
 * a version segment copied from Discord's docs would otherwise double up.
 */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

function shardOptions(shards: 'auto' | number): { shards: 'auto' } | { shards: number[]; shardCount: number } {
  if (shards === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards };
}
