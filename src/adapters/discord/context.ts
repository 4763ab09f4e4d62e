// What every Discord handler needs: the engine, a logger, and the renderer.
import type { Engine, EngineResult } from '../../engine/index.js';
import type { Logger } from '../../logging/logger.js';
import { type DiscordMessage, renderDiscordMessage } from '../../render/discord/index.js';

export interface DiscordContext {
  engine: Engine;
  logger: Logger;
  render(result: EngineResult): DiscordMessage;
}

export function createDiscordContext(engine: Engine, logger: Logger): DiscordContext {
  return { engine, logger, render: renderDiscordMessage };
}
