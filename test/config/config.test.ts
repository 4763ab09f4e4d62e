import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';

/** .env.example as `cp .env.example .env` leaves it, read the way dotenv and --env-file read it. */
const example = dotenv.parse(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('needs nothing: with no platform set, both are off and defaults apply', () => {
    expect(parseConfig({})).toEqual({
      logLevel: 'info',
      logFormat: undefined,
      knowledgeDir: undefined,
      watchKnowledge: true,
      port: 3000,
      http: { maxConnections: 1000, keepAliveTimeoutMs: 75_000 },
      shutdownGraceMs: 25_000,
      slack: undefined,
      discord: undefined,
      store: { databaseUrl: undefined, dataDir: './data', retentionDays: 90, keepQuestionText: true },
      admins: { slack: [], discord: [] },
      discordInteractions: undefined,
    });
  });

  it('records in SQLite under DATA_DIR unless DATABASE_URL names a PostgreSQL database', () => {
    const postgres = parseConfig({ DATABASE_URL: 'postgres://bot:secret@db:5432/pvt', RETENTION_DAYS: '30', STORE_QUESTION_TEXT: 'false' });
    expect(postgres.store).toEqual({
      databaseUrl: 'postgres://bot:secret@db:5432/pvt',
      dataDir: './data',
      retentionDays: 30,
      keepQuestionText: false,
    });
    expect(parseConfig({ DATA_DIR: '/var/lib/pvt' }).store.dataDir).toBe('/var/lib/pvt');
    const bad = problemsOf({ DATABASE_URL: 'mysql://db/x', RETENTION_DAYS: '0' }).message;
    expect(bad).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(bad).toMatch(/RETENTION_DAYS: must be at least 1/);
    expect(bad).not.toContain('mysql://db/x');
  });

  it('reads admins per platform', () => {
    expect(parseConfig({ ADMIN_USER_IDS: 'slack:U0123ABCD, discord:80351110224678912,slack:U0999' }).admins).toEqual({
      slack: ['U0123ABCD', 'U0999'],
      discord: ['80351110224678912'],
    });
    expect(problemsOf({ ADMIN_USER_IDS: 'U0123ABCD' }).message).toMatch(
      /ADMIN_USER_IDS: must be a comma-separated list of platform:user-id/,
    );
  });

  it('accepts .env.example copied unedited: no platform, every default', () => {
    expect(parseConfig(example)).toEqual(parseConfig({}));
  });

  it('keeps defaults in the schema: the example leaves every variable blank', () => {
    expect(Object.keys(example).length).toBeGreaterThan(15);
    expect(Object.entries(example).filter(([, value]) => value !== '')).toEqual([]);
  });

  it('starts exactly the platform whose variables are filled in the example', () => {
    const slack = parseConfig({ ...example, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(slack.slack?.mode).toBe('socket');
    expect(slack.discord).toBeUndefined();
    const discord = parseConfig({ ...example, DISCORD_TOKEN: 'token' });
    expect(discord.slack).toBeUndefined();
    expect(discord.discord).toMatchObject({ messageContent: false, cooldownSeconds: 30, helpChannelIds: [] });
  });

  it('reads true and false the usual ways, and turns watching off in production by default', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't', DISCORD_MESSAGE_CONTENT: 'YES' }).discord?.messageContent).toBe(true);
    expect(parseConfig({ DISCORD_TOKEN: 't', DISCORD_MESSAGE_CONTENT: '0' }).discord?.messageContent).toBe(false);
    expect(problemsOf({ DISCORD_TOKEN: 't', DISCORD_MESSAGE_CONTENT: 'maybe' }).message).toMatch(
      /DISCORD_MESSAGE_CONTENT: must be true or false/,
    );
    expect(parseConfig({ NODE_ENV: 'production' }).watchKnowledge).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', KNOWLEDGE_WATCH: 'true' }).watchKnowledge).toBe(true);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: ' ', PORT: '', LOG_LEVEL: '' }).slack).toBeUndefined();
  });

  it('chooses Slack HTTP mode with a signing secret, Socket Mode with an app token', () => {
    const http = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(http.slack).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9/api/' });
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
  });

  it('reads the Discord settings, with help channels as a list and a default cooldown', () => {
    const { discord } = parseConfig({ DISCORD_TOKEN: 't', DISCORD_HELP_CHANNEL_IDS: '123456, 7891011', DISCORD_MESSAGE_CONTENT: 'true' });
    expect(discord).toMatchObject({ token: 't', helpChannelIds: ['123456', '7891011'], messageContent: true, cooldownSeconds: 30 });
  });

  it('names every bad variable in one message', () => {
    const error = problemsOf({
      LOG_LEVEL: 'loud',
      PORT: 'eighty',
      SLACK_BOT_TOKEN: 'xoxp-user',
      SLACK_SIGNING_SECRET: 's',
      DISCORD_GUILD_ID: 'abc',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'DISCORD_GUILD_ID',
      'DISCORD_TOKEN',
      'LOG_LEVEL',
      'PORT',
      'SLACK_BOT_TOKEN',
    ]);
    expect(error.message).toMatch(/LOG_LEVEL: must be one of/);
    expect(error.message).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
  });

  it('refuses a half-set platform and says what is missing', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' }).message).toMatch(
      /SLACK_SIGNING_SECRET: is required for HTTP mode; set it, or set SLACK_APP_TOKEN/,
    );
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' }).message).toMatch(/SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set/);
    expect(problemsOf({ DISCORD_HELP_CHANNEL_IDS: '123456' }).message).toMatch(
      /DISCORD_TOKEN: is required when DISCORD_HELP_CHANNEL_IDS is set/,
    );
  });

  it('never prints a secret value', () => {
    const secret = 'xoxp-very-secret-value';
    const error = problemsOf({ SLACK_BOT_TOKEN: secret, SLACK_APP_TOKEN: 'not-an-app-token-secret', SLACK_API_URL: 'ftp://secret-host' });
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('not-an-app-token-secret');
    expect(error.message).not.toContain('secret-host');
  });
});
