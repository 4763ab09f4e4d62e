// The environment, validated once at start-up. Everything else receives a typed AppConfig and
// never reads process.env. Errors name every bad variable and never echo a value, because
// several of them are secrets.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Empty strings count as unset: `FOO=` in a .env file is how people blank a variable. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

const optionalUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, like http://127.0.0.1:8080/api/' }).optional(),
);

const booleanFlag = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
);

const snowflakeList = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{5,25}$/, 'must be a comma-separated list of Discord channel ids (digits)'))),
);

const envSchema = z.object({
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  KNOWLEDGE_DIR: optionalText,
  PORT: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_API_URL: optionalUrl,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be the numeric application id')
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be the numeric server (guild) id')
      .optional(),
  ),
  DISCORD_API_URL: optionalUrl,
  DISCORD_MESSAGE_CONTENT: booleanFlag,
  DISCORD_HELP_CHANNEL_IDS: snowflakeList,
  DISCORD_COOLDOWN_SECONDS: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .min(0, 'must not be negative')
      .max(86_400, 'must be at most 86400')
      .default(30),
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  /** socket: Socket Mode over an app-level token; http: Events API requests on PORT. */
  mode: 'socket' | 'http';
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  port: number;
  apiUrl: string | undefined;
}

export interface DiscordConfig {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
  messageContent: boolean;
  helpChannelIds: string[];
  cooldownSeconds: number;
}

export interface AppConfig {
  logLevel: LogLevel;
  knowledgeDir: string | undefined;
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `The configuration is not valid:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every variable and what it takes.',
    );
    this.name = 'ConfigError';
  }
}

/** Validates the given environment (process.env in production, a plain object in tests). */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Report each variable once, by name only: zod's own messages could include the value.
    const seen = new Set<string>();
    const problems: ConfigProblem[] = [];
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue;
      seen.add(variable);
      problems.push({ variable, message: issue.message });
    }
    throw new ConfigError([...problems, ...findHalfSetProblems(env, seen)]);
  }
  const vars = parsed.data;
  const halfSet = findHalfSetProblems(env, new Set());
  if (halfSet.length > 0) throw new ConfigError(halfSet);

  const slack: SlackConfig | undefined = vars.SLACK_BOT_TOKEN
    ? {
        mode: vars.SLACK_APP_TOKEN ? 'socket' : 'http',
        botToken: vars.SLACK_BOT_TOKEN,
        signingSecret: vars.SLACK_SIGNING_SECRET,
        appToken: vars.SLACK_APP_TOKEN,
        port: vars.PORT,
        apiUrl: vars.SLACK_API_URL,
      }
    : undefined;
  const discord: DiscordConfig | undefined = vars.DISCORD_TOKEN
    ? {
        token: vars.DISCORD_TOKEN,
        applicationId: vars.DISCORD_APPLICATION_ID,
        guildId: vars.DISCORD_GUILD_ID,
        apiUrl: vars.DISCORD_API_URL,
        messageContent: vars.DISCORD_MESSAGE_CONTENT,
        helpChannelIds: vars.DISCORD_HELP_CHANNEL_IDS,
        cooldownSeconds: vars.DISCORD_COOLDOWN_SECONDS,
      }
    : undefined;
  return { logLevel: vars.LOG_LEVEL, knowledgeDir: vars.KNOWLEDGE_DIR, slack, discord };
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** A platform is either configured completely or not at all; anything between is a mistake. */
function findHalfSetProblems(env: Record<string, string | undefined>, alreadyReported: Set<string>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (variable: string, message: string) => {
    if (!alreadyReported.has(variable)) problems.push({ variable, message });
  };
  const slackVars = ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'].filter((name) => isSet(env[name]));
  if (!isSet(env.SLACK_BOT_TOKEN) && slackVars.length > 0) {
    add('SLACK_BOT_TOKEN', `is required when ${slackVars.join(', ')} ${slackVars.length === 1 ? 'is' : 'are'} set`);
  }
  if (isSet(env.SLACK_BOT_TOKEN) && !isSet(env.SLACK_APP_TOKEN) && !isSet(env.SLACK_SIGNING_SECRET)) {
    add('SLACK_SIGNING_SECRET', 'is required for HTTP mode; set it, or set SLACK_APP_TOKEN to use Socket Mode');
  }
  const discordVars = [
    'DISCORD_APPLICATION_ID',
    'DISCORD_GUILD_ID',
    'DISCORD_API_URL',
    'DISCORD_HELP_CHANNEL_IDS',
    'DISCORD_MESSAGE_CONTENT',
  ].filter((name) => isSet(env[name]));
  if (!isSet(env.DISCORD_TOKEN) && discordVars.length > 0) {
    add('DISCORD_TOKEN', `is required when ${discordVars.join(', ')} ${discordVars.length === 1 ? 'is' : 'are'} set`);
  }
  return problems;
}
