// Discord's HTTP interactions endpoint (/discord/interactions): with an Interactions Endpoint URL
// set in the Developer Portal, Discord POSTs slash commands, autocomplete and button clicks to the
// bot instead of sending them over the gateway, and takes the HTTP response as the answer. That
// part then scales like any stateless web service: any replica behind the load balancer answers.
//
// Every request is signed by Discord with the application's Ed25519 key (X-Signature-Ed25519 over
// X-Signature-Timestamp followed by the raw body). Refused with 401: a bad or missing signature,
// a timestamp more than five minutes off either way, and a signed request seen before (its
// signature is claimed in the shared store, so a replay to any replica is refused).
//
// The handlers are the gateway's own: the payload becomes a discord.js interaction (the library's
// own constructor for INTERACTION_CREATE), and the interaction callback the handler sends through
// REST is caught and written as the HTTP response instead.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from 'discord.js';
import type { Logger } from '../../logging/logger.js';
import { PLATFORM_PATHS, sendEmpty, sendJson, type HttpRoute } from '../http-server.js';
import { claimOrAllow, type ClaimOnce } from '../types.js';

export const INTERACTIONS_PATH = PLATFORM_PATHS.discord;
/** Discord's window, as Slack's: a request may be at most this far from our clock, either way. */
const SIGNATURE_WINDOW_SECONDS = 5 * 60;
/** Discord gives up on an answer after 3 seconds; ours comes in milliseconds. */
const ANSWER_WITHIN_MS = 2_500;
const PING = 1;
const PONG = { type: 1 };

/** The application's public key (64 hex characters, from the Developer Portal) as a verifying key. */
export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

function signedByDiscord(key: KeyObject, timestamp: string, body: Buffer, signatureHex: string): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

interface RawInteraction {
  id?: unknown;
  type?: unknown;
}

/**
 * Answers of interactions received over HTTP: the interaction callback a handler sends to REST is
 * caught here and becomes the HTTP response.
 */
export class HttpInteractionAnswers {
  private readonly waiting = new Map<string, (answer: unknown) => void>();

  /** Reroutes the client's interaction callbacks for interactions being answered over HTTP. */
  constructor(client: Client) {
    const rest = client.rest;
    const post = rest.post.bind(rest);
    rest.post = (async (route: string, options?: { body?: unknown }) => {
      const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(route)?.[1];
      const answer = id === undefined ? undefined : this.waiting.get(id);
      if (answer === undefined) return post(route as `/${string}`, options);
      this.waiting.delete(id!);
      answer(options?.body);
      return undefined;
    }) as typeof rest.post;
  }

  /** Resolves with the callback body the handler sent, or undefined when it sent none. */
  expect(id: string): Promise<unknown> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id), ANSWER_WITHIN_MS);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  /** The handler is done: an interaction it did not answer is answered with nothing. */
  settle(id: string): void {
    this.waiting.get(id)?.(undefined);
    this.waiting.delete(id);
  }
}

export interface InteractionsRouteOptions {
  publicKey: string;
  client: Client;
  answers: HttpInteractionAnswers;
  /** Signatures claimed once (replay refusal), shared by every replica. */
  claims: ClaimOnce;
  logger: Logger;
  /** Seconds since the epoch; injected so tests control time. */
  nowSeconds?: () => number;
}

export function discordInteractionsRoute(options: InteractionsRouteOptions): HttpRoute {
  const { client, answers, claims, logger } = options;
  const key = discordPublicKey(options.publicKey);
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  // The library's own constructor of interactions from an INTERACTION_CREATE payload; it emits
  // Events.InteractionCreate, which the gateway's listener handles.
  const { actions } = client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } };

  return {
    path: INTERACTIONS_PATH,
    method: ['POST'],
    readsBody: true,
    isWork: true,
    async handler(request: IncomingMessage, response: ServerResponse, body: Buffer) {
      const timestamp = request.headers['x-signature-timestamp'];
      const signature = request.headers['x-signature-ed25519'];
      if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(timestamp)) return sendEmpty(response, 401);
      if (Math.abs(nowSeconds() - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
        logger.warn(
          { skewSeconds: nowSeconds() - Number(timestamp) },
          'refused a Discord interaction dated more than five minutes from now',
        );
        return sendEmpty(response, 401);
      }
      if (!signedByDiscord(key, timestamp, body, signature)) {
        logger.warn('refused a Discord interaction with a bad signature');
        return sendEmpty(response, 401);
      }
      let interaction: RawInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8')) as RawInteraction;
      } catch {
        return sendEmpty(response, 400);
      }
      if (typeof interaction !== 'object' || interaction === null || typeof interaction.type !== 'number') return sendEmpty(response, 400);
      // Discord checks the endpoint with PINGs, signed, sometimes resent: answered every time.
      if (interaction.type === PING) return sendJson(response, 200, PONG);
      if (typeof interaction.id !== 'string') return sendEmpty(response, 400);
      if (!(await claimOrAllow(claims, `discord:request:${signature.toLowerCase()}`, 2 * SIGNATURE_WINDOW_SECONDS * 1000, logger))) {
        logger.warn({ interactionId: interaction.id }, 'refused a replayed Discord interaction (the same signature was seen before)');
        return sendEmpty(response, 401);
      }
      const answered = answers.expect(interaction.id);
      try {
        actions.InteractionCreate.handle(interaction);
      } catch (error) {
        answers.settle(interaction.id);
        logger.error({ err: error, interactionId: interaction.id }, 'could not read a Discord interaction');
      }
      const answer = await answered;
      if (answer === undefined) return sendEmpty(response, 400);
      sendJson(response, 200, answer);
    },
  };
}
