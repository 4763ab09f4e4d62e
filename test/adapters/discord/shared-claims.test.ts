// Two processes of the bot can receive the same Discord message or interaction (the same shard
// connected twice, as during a rolling restart, or every replica connecting the gateway). The one
// that claims it in the store answers; the other stays silent. Here the other process is played
// by a second claimant on the same real store, which claims chosen keys first.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimAll } from '../../../src/adapters/types.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { botPerTest } from '../../support/discord/per-test.js';
import { discordUser, IDS } from '../../support/discord/stand-in.js';

const dana = discordUser('600000000000000021', 'dana');

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** This process's claims on a shared store, where another process has already claimed the keys in `claimedElsewhere`. */
async function claimsRacingAnotherProcess(claimedElsewhere: Set<string>): Promise<ClaimAll> {
  store = await openSqliteStore({ file: ':memory:' });
  const shared = store.claims;
  return {
    async claim(key, ttlMs) {
      if ([...claimedElsewhere].some((id) => key.endsWith(`:${id}`))) await shared.claim(key, ttlMs);
      return shared.claim(key, ttlMs);
    },
    claimAll: (keys, ttlMs) => shared.claimAll(keys, ttlMs),
  };
}

describe('a message or interaction another process of the bot claimed', () => {
  const start = botPerTest();

  it('is left to that process: no reply from this one, while unclaimed messages are answered', async () => {
    const claimedElsewhere = new Set<string>();
    const bot = await start({ claims: await claimsRacingAnotherProcess(claimedElsewhere) });
    const taken = bot.standIn.sendMessage({ author: dana, content: `<@${IDS.bot}> what is xla?`, mentions: [bot.standIn.botUser] });
    claimedElsewhere.add(taken);
    const free = bot.standIn.sendMessage({ author: dana, content: `<@${IDS.bot}> what is jax?`, mentions: [bot.standIn.botUser] });
    await bot.standIn.waitForReplyTo(free);
    expect(bot.standIn.repliesTo(taken)).toEqual([]);
    expect(await store!.claims.isHeld(`discord:message:${taken}`)).toBe(true);
  });

  it('for a slash command: no response from this one, while unclaimed commands are answered', async () => {
    const claimedElsewhere = new Set<string>();
    const bot = await start({ claims: await claimsRacingAnotherProcess(claimedElsewhere) });
    const taken = bot.standIn.sendCommand({ user: dana, subcommand: 'help' });
    claimedElsewhere.add(taken.id);
    const free = bot.standIn.sendCommand({ user: dana, subcommand: 'help' });
    await bot.standIn.waitForCallback(free);
    expect(bot.standIn.calls.filter((call) => call.path.startsWith(`/interactions/${taken.id}/`))).toEqual([]);
  });
});
