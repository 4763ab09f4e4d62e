// The bot's link to its store: it starts without the database and opens it when it can.
import { describe, expect, it } from 'vitest';
import { connectStore } from '../../src/app/store-connection.js';
import { createSilentLogger } from '../../src/logging/logger.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

describe('the store connection', () => {
  it('keeps trying to open a store that is unavailable, and says when it is open', async () => {
    let attempts = 0;
    const errors: string[] = [];
    const states: boolean[] = [];
    const connection = connectStore({
      settings: { dataDir: 'unused' },
      logger: createSilentLogger(),
      retryDelaysMs: [5],
      onError: (operation) => errors.push(operation),
      onStateChange: (open) => states.push(open),
      open: async (): Promise<Store> => {
        if (++attempts < 3) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return openSqliteStore({ file: ':memory:' });
      },
    });
    expect(connection.current()).toBeUndefined();
    const store = await connection.whenOpen(5_000);
    expect(store).toBeDefined();
    expect(connection.current()).toBe(store);
    expect(attempts).toBe(3);
    expect(errors).toEqual(['open', 'open']);
    expect(states).toEqual([true]);
    await connection.close();
    expect(connection.current()).toBeUndefined();
  });

  it('gives up waiting after the timeout, without stopping the retries', async () => {
    const connection = connectStore({
      settings: { dataDir: 'unused' },
      logger: createSilentLogger(),
      retryDelaysMs: [5],
      open: async () => {
        throw new Error('down');
      },
    });
    expect(await connection.whenOpen(30)).toBeUndefined();
    await connection.close();
  });
});
