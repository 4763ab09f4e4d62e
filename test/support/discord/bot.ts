// Starts the real adapter (real discord.js, real engine, real knowledge) against a fresh
// stand-in, and stops both in the safe order: the client first, so it does not try to
// reconnect to a stand-in that is gone.
import type { DiscordConfig } from '../../../src/config/config.js';
import { startDiscord, type DiscordAdapter, type StartDiscordOptions } from '../../../src/adapters/discord/index.js';
import { shippedEngine } from '../engine.js';
import { captureLogs, type CapturedLogs } from './logs.js';
import { DiscordStandIn, IDS, type StandInOptions } from './stand-in.js';

/** The engine over the shipped knowledge, loaded once per test file. */
export const realEngine = shippedEngine;

export interface RunningBot {
  standIn: DiscordStandIn;
  adapter: DiscordAdapter;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

export function discordConfig(standIn: DiscordStandIn, overrides: Partial<DiscordConfig> = {}): DiscordConfig {
  return {
    token: standIn.token,
    applicationId: IDS.application,
    guildId: undefined,
    apiUrl: standIn.apiUrl,
    messageContent: true,
    helpChannelIds: [IDS.help],
    cooldownSeconds: 3600,
    shards: 'auto',
    ...overrides,
  };
}

export async function startBot(
  options: { config?: Partial<DiscordConfig>; standIn?: StandInOptions } & Pick<
    StartDiscordOptions,
    'inFlight' | 'onFatal' | 'claims' | 'curation'
  > = {},
): Promise<RunningBot> {
  const standIn = await DiscordStandIn.start(options.standIn);
  const logs = captureLogs();
  try {
    const adapter = await startDiscord({
      config: discordConfig(standIn, options.config),
      engine: realEngine(),
      logger: logs.logger,
      ...(options.inFlight ? { inFlight: options.inFlight } : {}),
      ...(options.onFatal ? { onFatal: options.onFatal } : {}),
      ...(options.claims ? { claims: options.claims } : {}),
      ...(options.curation ? { curation: options.curation } : {}),
    });
    return {
      standIn,
      adapter,
      logs,
      async stop() {
        await adapter.stop();
        await standIn.close();
      },
    };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}
