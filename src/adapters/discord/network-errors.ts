// Failures the operator fixes, as opposed to bugs, shared by start-up and command registration:
// "could not reach the server" (network, URL; fetch wraps the socket error in `cause`, sometimes
// more than once) and a token Discord rejects.

/** Discord answered 401 or closed the gateway with 4004. */
export const INVALID_TOKEN =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Developer Portal (Bot > Reset Token) and check it has no extra spaces or quotes.';
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function findNetworkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
