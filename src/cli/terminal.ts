// What the command-line tools need to know about the terminal they write to.
import type { Writable } from 'node:stream';
import { DEFAULT_WIDTH } from '../render/text/index.js';

/** The width to wrap at: the terminal's own, or COLUMNS, or 80 for a pipe or a file. */
export function outputWidth(output: Writable & { columns?: number; isTTY?: boolean }, env: Record<string, string | undefined>): number {
  if (output.isTTY && output.columns) return output.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}
