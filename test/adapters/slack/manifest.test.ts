// The app manifest people install from must ask for exactly what the adapter uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { COMMANDS } from '../../../src/engine/index.js';
import { usageOf } from '../../../src/render/messages.js';
import { SLASH_COMMAND } from '../../../src/render/slack/index.js';

const manifestPath = fileURLToPath(new URL('../../../src/adapters/slack/manifest.yaml', import.meta.url));
const manifest = yaml.load(readFileSync(manifestPath, 'utf8')) as {
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('the Slack app manifest', () => {
  it('defines the slash command with a usage hint that lists every command of the command table', () => {
    const [command] = manifest.features.slash_commands;
    expect(command!.command).toBe(SLASH_COMMAND);
    // A bare question is `ask`, the default; every other command as it is typed.
    const [ask, ...others] = COMMANDS;
    expect(ask!.name).toBe('ask');
    expect(command!.usage_hint).toBe(`[${ask!.argument!.name}] or ${others.map(usageOf).join(' | ')}`);
    expect(command!.description.length).toBeLessThanOrEqual(100);
  });

  it('asks for exactly the bot scopes the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
      'im:read',
      'im:write',
    ]);
  });

  it('subscribes to mentions, direct messages and the App Home', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('turns on the Home tab, the Messages tab (for DMs), interactivity (for buttons) and Socket Mode', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("keeps within Slack's length limits for the display texts", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
