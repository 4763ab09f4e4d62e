// The README is what operators and users follow: its Discord invite URL must ask for exactly
// the permissions the bot needs, and it must document every Discord variable the config reads
// and every command of the command table, as each platform writes it.
import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/engine/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const discordSection = readme.slice(readme.indexOf('## Discord'));

describe('README, Discord section', () => {
  it('gives an invite URL with the bot and applications.commands scopes and the minimal permission integer', () => {
    const needed =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.SendMessagesInThreads |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.ReadMessageHistory;
    const url = discordSection.match(/https:\/\/discord\.com\/oauth2\/authorize\?\S+/)?.[0];
    expect(url).toBeDefined();
    const params = new URL(url!).searchParams;
    expect(params.get('scope')?.split(' ')).toEqual(['bot', 'applications.commands']);
    expect(params.get('permissions')).toBe(needed.toString());
  });

  it('documents every Discord environment variable', () => {
    for (const variable of [
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_MESSAGE_CONTENT',
      'DISCORD_HELP_CHANNEL_IDS',
      'DISCORD_COOLDOWN_SECONDS',
      'DISCORD_API_URL',
    ]) {
      expect(discordSection).toContain(`\`${variable}\``);
    }
  });

  it('shows every subcommand of the command table', () => {
    for (const { name } of COMMANDS) expect(discordSection).toContain(`/pytorch-vs-tf ${name}`);
  });
});

describe('README, Slack section', () => {
  const slackSection = readme.slice(readme.indexOf('## Slack'), readme.indexOf('## Discord'));

  it('shows every command of the command table after the slash command', () => {
    for (const { name } of COMMANDS) expect(slackSection).toContain(`/pytorch-vs-tf ${name}`);
  });
});
