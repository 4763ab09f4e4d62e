// One bot per test, checked and stopped after it. After every test, EVERY message the bot sent
// (replies, interaction responses, webhook edits) must have mentions disabled and fit Discord's
// limits: a guarantee that holds only if nothing escapes it.
import { InteractionResponseType } from 'discord.js';
import { afterEach, expect } from 'vitest';
import { startBot, type RunningBot } from './bot.js';
import { discordLimitViolations } from './limits.js';
import type { DiscordStandIn } from './stand-in.js';

export function expectEverythingSentIsSafe(standIn: DiscordStandIn): void {
  for (const { call, message } of standIn.outgoingMessages()) {
    const where = `${call.method} ${call.path}`;
    expect(message.allowed_mentions, where).toEqual({ parse: [], replied_user: false });
    expect(discordLimitViolations(message), where).toEqual([]);
  }
  for (const call of standIn.calls.filter((c) => c.body?.type === InteractionResponseType.ApplicationCommandAutocompleteResult)) {
    const choices: { name: string; value: string }[] = call.body.data.choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  }
}

/** Call at the top of a describe block; the returned function starts this test's bot. */
export function botPerTest(): (options?: Parameters<typeof startBot>[0]) => Promise<RunningBot> {
  let running: RunningBot | undefined;
  afterEach(async () => {
    const bot = running;
    running = undefined;
    if (!bot) return;
    try {
      expectEverythingSentIsSafe(bot.standIn);
    } finally {
      await bot.stop();
    }
  });
  return async (options) => {
    running = await startBot(options);
    return running;
  };
}
