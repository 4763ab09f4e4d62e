// Discord's HTTP interactions endpoint, end to end: the stand-in POSTs slash commands,
// autocomplete and button clicks to /discord/interactions, signed with the application's Ed25519
// key as Discord signs them, and the real adapter (real discord.js, engine and knowledge) answers
// in the HTTP response. Forged, replayed and mis-dated requests get 401.
import { InteractionResponseType, InteractionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { startHttpServer, type BotHttpServer } from '../../../src/adapters/http-server.js';
import { createSilentLogger } from '../../../src/logging/logger.js';
import { encodeButtonAction } from '../../../src/render/discord/index.js';
import { discordConfig, realEngine } from '../../support/discord/bot.js';
import { expectEverythingSentIsSafe } from '../../support/discord/per-test.js';
import { DiscordStandIn, discordUser } from '../../support/discord/stand-in.js';

const erin = discordUser('600000000000000031', 'erin');

let standIn: DiscordStandIn;
let server: BotHttpServer;
let adapter: DiscordAdapter;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  server = await startHttpServer({ port: 0 });
  adapter = await startDiscord({
    config: discordConfig(standIn),
    engine: realEngine(),
    logger: createSilentLogger(),
    interactionsEndpoint: { server, publicKey: standIn.publicKeyHex },
  });
  standIn.interactionsUrl = `http://127.0.0.1:${server.port}/discord/interactions`;
});

afterAll(async () => {
  await adapter?.stop();
  await server?.close();
  await standIn?.close();
});

/** The HTTP response to an interaction the stand-in POSTed. */
const responseTo = (interaction: { id: string }) => standIn.interactionResponses.get(interaction.id)!;

describe('the HTTP interactions endpoint', () => {
  it("answers Discord's PING with a PONG", async () => {
    const response = await standIn.postInteraction(JSON.stringify({ id: '1', type: InteractionType.Ping, token: 't', version: 1 }));
    expect(response).toEqual({ status: 200, json: { type: 1 } });
  });

  it('answers a slash command in the HTTP response, not through the REST callback', async () => {
    const interaction = standIn.sendCommand({ user: erin, subcommand: 'ask', values: { question: 'what about tf lite?' } });
    const { status, json } = await responseTo(interaction);
    expect(status).toBe(200);
    expect(json.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(json.data.embeds[0].title).toBeTruthy();
    expect(json.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(standIn.calls.filter((call) => call.path.startsWith(`/interactions/${interaction.id}/`))).toEqual([]);
  });

  it('answers autocomplete with choices', async () => {
    const interaction = standIn.sendAutocomplete({ user: erin, subcommand: 'ask', option: 'question', typed: 'tf lite' });
    const { status, json } = await responseTo(interaction);
    expect(status).toBe(200);
    expect(json.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(json.data.choices.length).toBeGreaterThan(0);
    expect(json.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('answers a button click with the answer it names', async () => {
    const claim = realEngine().knowledge.claims[0]!;
    const interaction = standIn.clickButton({ user: erin, customId: encodeButtonAction({ type: 'ask', entryId: claim.id })! });
    const { status, json } = await responseTo(interaction);
    expect(status).toBe(200);
    expect(json.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(json.data.embeds[0].title).toContain(claim.claim);
    expectEverythingSentIsSafe(standIn);
  });

  describe('refuses with 401', () => {
    const body = () => JSON.stringify({ id: '2', type: InteractionType.Ping, token: 't', version: 1 });
    const now = () => Math.floor(Date.now() / 1000);

    it('a request without a signature, or signed with another key', async () => {
      const forged = 'ab'.repeat(64);
      expect((await standIn.postInteraction(body(), { signature: forged })).status).toBe(401);
      expect((await standIn.postInteraction(body(), { signature: '' })).status).toBe(401);
    });

    it('a body changed after signing', async () => {
      const timestamp = now();
      const signature = standIn.signInteraction(timestamp, body());
      expect((await standIn.postInteraction(body().replace('"2"', '"3"'), { timestamp, signature })).status).toBe(401);
    });

    it('a request dated more than five minutes ahead or behind, though signed', async () => {
      for (const timestamp of [now() + 6 * 60, now() - 6 * 60]) {
        const signature = standIn.signInteraction(timestamp, body());
        expect((await standIn.postInteraction(body(), { timestamp, signature })).status).toBe(401);
      }
    });

    it('a signed slash command sent again (a replay), after answering it once', async () => {
      const interaction = standIn.sendCommand({ user: erin, subcommand: 'help' });
      expect((await responseTo(interaction)).status).toBe(200);
      const callsBefore = standIn.calls.length;
      const { body: sent, timestamp, signature } = standIn.interactionRequests.get(interaction.id)!;
      expect((await standIn.postInteraction(sent, { timestamp, signature })).status).toBe(401);
      expect(standIn.calls.length).toBe(callsBefore);
    });
  });
});
