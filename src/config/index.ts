export {
  parseConfig,
  ConfigError,
  type AppConfig,
  type SlackConfig,
  type DiscordConfig,
  type StoreConfig,
  type AdminIds,
  type DiscordInteractionsConfig,
  type HttpConfig,
  type LogLevel,
  type LogFormat,
  type ConfigProblem,
} from './config.js';
