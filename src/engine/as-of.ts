// How a result's check date reads on every platform: "as of 1 December 2026".
import { longDate } from '../knowledge/releases.js';

/** "As of 1 December 2026" for a YYYY-MM-DD date. */
export function asOfLabel(date: string): string {
  return `As of ${longDate(date)}`;
}
