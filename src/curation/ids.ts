// Ids made by the bot rather than the database, so that a record buffered during an outage, or
// written twice, keeps one identity; and short enough to read out, type after `curate resolve`,
// and fit in a Discord button's 100-character custom id.
import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so an id read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte % 32];
  return code;
}

/** An answer (a question record): carried by the answer's buttons. */
export const newAnswerId = () => `A${randomCode(11)}`;
/** A vote. */
export const newVoteId = () => `F-${randomCode(8)}`;
/** A dispute: what the disputer is told, and what a curator resolves. */
export const newDisputeId = () => `D-${randomCode(8)}`;

/** Answer ids as the buttons carry them; anything else is not ours. */
export const ANSWER_ID = /^A[0-9A-Z]{11}$/;
