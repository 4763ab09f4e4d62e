// What every request to /slack/events passes before Bolt sees it. Bolt checks the signature and
// refuses timestamps more than five minutes old; this also refuses:
// - timestamps more than five minutes in the future (a request signed ahead of time by someone
//   holding the secret, or a clock far off);
// - a replay: the same signed request sent again inside the five-minute window (a captured
//   "Share in channel" click would otherwise post again). Slack's own retries carry a new
//   timestamp and so a new signature; an identical signature is never Slack;
// - a signed body that is not an object (`null`, a number, a list): 400, answered at once.
// The signature is checked here first, so an unsigned request costs no shared-store write.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../../logging/logger.js';
import { sendEmpty, type HttpRoute } from '../http-server.js';
import { claimOrAllow, type ClaimOnce } from '../types.js';

/** Slack's own window: a request may be at most this far from our clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  path: string;
  signingSecret: string;
  claims: ClaimOnce;
  logger: Logger;
  /** Hands the checked request to Bolt (its HTTPReceiver's requestListener). */
  dispatch: (request: IncomingMessage & { rawBody: Buffer }, response: ServerResponse) => void;
  /** Seconds since the epoch; injected so tests control time. */
  nowSeconds?: () => number;
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the body is something Bolt can read as a request: an object, directly or in `payload`. */
function isReadableBody(contentType: string | undefined, body: Buffer): boolean {
  try {
    const text = body.toString('utf8');
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const { payload } = parseQuery(text);
      if (payload === undefined) return true;
      return typeof payload === 'string' && isObject(JSON.parse(payload));
    }
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

export function guardedSlackRoute(options: RequestGuardOptions): HttpRoute {
  const { signingSecret, claims, logger } = options;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return {
    path: options.path,
    method: ['POST'],
    readsBody: true,
    isWork: true,
    async handler(request, response, body) {
      const timestamp = header(request, 'x-slack-request-timestamp');
      const signature = header(request, 'x-slack-signature');
      const sentAt = Number(timestamp);
      if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return sendEmpty(response, 401);
      if (Math.abs(nowSeconds() - sentAt) > SIGNATURE_WINDOW_SECONDS) {
        logger.warn({ skewSeconds: nowSeconds() - sentAt }, 'refused a Slack request dated more than five minutes from now');
        return sendEmpty(response, 401);
      }
      if (!signatureMatches(signingSecret, timestamp, body, signature)) {
        logger.warn('refused a Slack request with a bad signature');
        return sendEmpty(response, 401);
      }
      if (!isReadableBody(request.headers['content-type'], body)) {
        logger.warn('refused a signed Slack request whose body is not an object');
        return sendEmpty(response, 400);
      }
      // Kept for twice the window, so a replay at its far edge (either way) is still recognised.
      const fresh = await claimOrAllow(claims, `slack:request:${signature}`, 2 * SIGNATURE_WINDOW_SECONDS * 1000, logger);
      if (!fresh) {
        logger.warn({ timestamp: sentAt }, 'refused a replayed Slack request (the same signature was seen before)');
        return sendEmpty(response, 401);
      }
      options.dispatch(Object.assign(request, { rawBody: body }), response);
    },
  };
}
