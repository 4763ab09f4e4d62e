// `npm start` as an operator meets it: what happens with no platform, and with a bad one.
import { describe, expect, it } from 'vitest';
import { runScript } from './support/run-script.js';

describe('starting the bot', () => {
  it('with no platform configured and no terminal, says which variables to set and exits non-zero', () => {
    const run = runScript('src/main.ts', []);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(run.stderr).toMatch(/DISCORD_TOKEN/);
    expect(run.stderr).toMatch(/npm run chat/);
  });

  it('with a bad configuration, names every bad variable in one message and never echoes a secret', () => {
    const run = runScript('src/main.ts', [], {
      env: { SLACK_BOT_TOKEN: 'xoxp-top-secret-user-token', LOG_LEVEL: 'chatty', DISCORD_HELP_CHANNEL_IDS: '123456' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(run.stderr).toMatch(/LOG_LEVEL: must be one of/);
    expect(run.stderr).toMatch(/DISCORD_TOKEN: is required when DISCORD_HELP_CHANNEL_IDS is set/);
    expect(run.stderr).not.toContain('top-secret');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('with a bad knowledge directory, names the problem instead of crashing', () => {
    const run = runScript('src/main.ts', [], { env: { KNOWLEDGE_DIR: '/nonexistent/knowledge' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/index\.yaml: file is missing/);
    expect(run.stderr).toMatch(/npm run kb:check/);
  });
});
