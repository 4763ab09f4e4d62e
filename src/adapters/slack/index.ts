// The Slack adapter: a thin Bolt app over the shared engine.
export { createSlackApp, type SlackAdapterDeps, type SlackAppOptions, type SlackApp } from './app.js';
export { startSlack, type RunningSlackAdapter } from './start.js';
export { EVENTS_PATH } from './transport.js';
