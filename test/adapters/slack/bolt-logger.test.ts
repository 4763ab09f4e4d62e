import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { createCapturingLogger } from '../../support/slack/harness.js';

describe("Bolt's logger", () => {
  it('writes structured pino lines, with errors as err', () => {
    const { logger, lines } = createCapturingLogger('debug');
    const bolt = createBoltLogger(logger);
    bolt.warn('Slack API error:', 'invalid_auth', new Error('An API error occurred: invalid_auth'));
    bolt.debug('detail', { a: 1 });
    expect(lines[0]).toMatchObject({
      level: 40,
      component: 'slack',
      msg: 'Slack API error: invalid_auth',
      err: { message: 'An API error occurred: invalid_auth' },
    });
    expect(lines[1]).toMatchObject({ level: 20, msg: 'detail {"a":1}' });
  });

  it('reports the level LOG_LEVEL set, and ignores attempts to change it', () => {
    const { logger, lines } = createCapturingLogger('warn');
    const bolt = createBoltLogger(logger);
    expect(bolt.getLevel()).toBe('warn');
    bolt.setLevel('debug' as never);
    bolt.info('not shown');
    expect(lines).toEqual([]);
  });
});
