// The environment, validated once at start-up. Everything else receives a typed AppConfig and
// never reads process.env. Errors name every bad variable and never echo a value, because
// several of them are secrets. Defaults live here, in the schema; .env.example leaves them blank.
import { z } from 'zod';
import { OperatorError } from '../errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

const url = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, like http://127.0.0.1:8080/api/' });
const snowflake = (what: string) => z.string().regex(/^\d{5,25}$/, `must be the numeric ${what}`);
const flag = z.stringbool({ error: 'must be true or false' });
/** "a, b,,c" -> each non-blank item, trimmed, as `item` reads it. */
const commaList = (item: z.ZodString) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
  KNOWLEDGE_DIR: z.string().optional(),
  KNOWLEDGE_WATCH: flag.optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, 'must not be negative')
    .max(3_600, 'must be at most 3600')
    .default(25),
  HTTP_MAX_CONNECTIONS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(1_000),
  HTTP_KEEP_ALIVE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(1, 'must be at least 1')
    .max(3_600, 'must be at most 3600')
    .default(75),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  SLACK_API_URL: url.optional(),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APPLICATION_ID: snowflake('application id').optional(),
  DISCORD_GUILD_ID: snowflake('server (guild) id').optional(),
  DISCORD_API_URL: url.optional(),
  DISCORD_MESSAGE_CONTENT: flag.default(false),
  DISCORD_HELP_CHANNEL_IDS: commaList(
    z.string().regex(/^\d{5,25}$/, 'must be a comma-separated list of Discord channel ids (digits)'),
  ).default([]),
  DISCORD_COOLDOWN_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, 'must not be negative')
    .max(86_400, 'must be at most 86400')
    .default(30),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a PostgreSQL URL, like postgres://user:password@host:5432/database' })
    .optional(),
  RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650')
    .default(90),
  STORE_QUESTION_TEXT: flag.default(true),
  ADMIN_USER_IDS: commaList(
    z
      .string()
      .regex(
        /^(slack|discord):[A-Za-z0-9]+$/,
        'must be a comma-separated list of platform:user-id, like slack:U123ABC,discord:80351110224678912',
      ),
  ).default([]),
  DISCORD_SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a number of shards (1 or more)')
    .transform((value): 'auto' | number => (value === 'auto' ? 'auto' : Number(value)))
    .default('auto'),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key (64 hex characters)")
    .optional(),
});

export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

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
  /** Gateway shards this process runs: 'auto' (Discord's recommendation) or a count. */
  shards: 'auto' | number;
}

/** Discord's HTTP interactions endpoint (slash commands, autocomplete, buttons over HTTPS). */
export interface DiscordInteractionsConfig {
  /** The application's Ed25519 public key (hex), which signs every request. */
  publicKey: string;
}

/** The bot's HTTP server: /slack/events, /discord/interactions, /healthz, /readyz, /metrics. */
export interface HttpConfig {
  maxConnections: number;
  keepAliveTimeoutMs: number;
}

/** What the bot records (see src/store and src/curation) and where. */
export interface StoreConfig {
  /** PostgreSQL when set; otherwise SQLite in a file under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Records older than this are deleted, at start and then periodically. */
  retentionDays: number;
  /** Keep the text of declined and partial questions and of 👎 votes (false: never store text). */
  keepQuestionText: boolean;
}

/** Who may see the curation summary: user ids per platform. */
export type AdminIds = Readonly<Record<'slack' | 'discord', readonly string[]>>;

export interface AppConfig {
  logLevel: LogLevel;
  /** Unset: pretty when stderr is a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  knowledgeDir: string | undefined;
  /** Reload the knowledge when its files change (default: on, except with NODE_ENV=production). */
  watchKnowledge: boolean;
  /** Health, readiness and metrics in every mode; Slack's events too in HTTP mode. */
  port: number;
  http: HttpConfig;
  /** How long a shutdown waits for replies in flight before it gives up on them. */
  shutdownGraceMs: number;
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
  store: StoreConfig;
  admins: AdminIds;
  discordInteractions: DiscordInteractionsConfig | undefined;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends OperatorError {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `The configuration is not valid:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every variable and what it takes.',
    );
    this.name = 'ConfigError';
  }
}

/** `FOO=` in a .env file or an --env-file is how people blank a variable: it means unset. */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') set[name] = value.trim();
  return set;
}

/** Validates the given environment (process.env in production, a plain object in tests). */
export function parseConfig(rawEnv: Record<string, string | undefined>): AppConfig {
  const env = withoutBlanks(rawEnv);
  const parsed = envSchema.safeParse(env);
  const halfSet = findHalfSetProblems(env);
  if (!parsed.success) {
    // One message per variable, by name only: zod's own messages could include the value.
    const { fieldErrors } = z.flattenError(parsed.error);
    const problems = Object.entries(fieldErrors).map(([variable, messages]) => ({ variable, message: messages![0]! }));
    throw new ConfigError([...problems, ...halfSet.filter((p) => !(p.variable in fieldErrors))]);
  }
  if (halfSet.length > 0) throw new ConfigError(halfSet);
  const vars = parsed.data;

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
        shards: vars.DISCORD_SHARDS,
      }
    : undefined;
  return {
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    knowledgeDir: vars.KNOWLEDGE_DIR,
    watchKnowledge: vars.KNOWLEDGE_WATCH ?? vars.NODE_ENV !== 'production',
    port: vars.PORT,
    http: { maxConnections: vars.HTTP_MAX_CONNECTIONS, keepAliveTimeoutMs: vars.HTTP_KEEP_ALIVE_SECONDS * 1000 },
    shutdownGraceMs: vars.SHUTDOWN_GRACE_SECONDS * 1000,
    slack,
    discord,
    store: {
      databaseUrl: vars.DATABASE_URL,
      dataDir: vars.DATA_DIR,
      retentionDays: vars.RETENTION_DAYS,
      keepQuestionText: vars.STORE_QUESTION_TEXT,
    },
    admins: adminIdsOf(vars.ADMIN_USER_IDS),
    discordInteractions: vars.DISCORD_PUBLIC_KEY ? { publicKey: vars.DISCORD_PUBLIC_KEY.toLowerCase() } : undefined,
  };
}

function adminIdsOf(entries: readonly string[]): AdminIds {
  const idsOn = (platform: string) =>
    entries.filter((entry) => entry.startsWith(`${platform}:`)).map((entry) => entry.slice(platform.length + 1));
  return { slack: idsOn('slack'), discord: idsOn('discord') };
}

/** A platform is either configured completely or not at all; anything between is a mistake. */
function findHalfSetProblems(env: Record<string, string>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const requiredWhen = (variable: string, others: string[]) => {
    const set = others.filter((name) => name in env);
    if (!(variable in env) && set.length > 0)
      problems.push({ variable, message: `is required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set` });
  };
  requiredWhen('SLACK_BOT_TOKEN', ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL']);
  if ('SLACK_BOT_TOKEN' in env && !('SLACK_APP_TOKEN' in env) && !('SLACK_SIGNING_SECRET' in env)) {
    problems.push({
      variable: 'SLACK_SIGNING_SECRET',
      message: 'is required for HTTP mode; set it, or set SLACK_APP_TOKEN to use Socket Mode',
    });
  }
  requiredWhen('DISCORD_TOKEN', [
    'DISCORD_GUILD_ID',
    'DISCORD_API_URL',
    'DISCORD_HELP_CHANNEL_IDS',
    'DISCORD_MESSAGE_CONTENT',
    'DISCORD_COOLDOWN_SECONDS',
    'DISCORD_SHARDS',
    'DISCORD_PUBLIC_KEY',
  ]);
  return problems;
}
