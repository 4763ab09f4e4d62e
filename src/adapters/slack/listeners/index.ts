// Every listener the app has, registered in one place.
import type { App } from '@slack/bolt';
import { registerActionListeners } from './actions.js';
import type { ListenerDeps } from './answer.js';
import { registerCommandListeners } from './commands.js';
import { registerEventListeners } from './events.js';

export type { ListenerDeps } from './answer.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommandListeners(app, deps);
  registerEventListeners(app, deps);
  registerActionListeners(app, deps);
}
