// The README's Discord section is what operators follow: its invite URL must ask for exactly
// the permissions the bot needs, and it must document every Discord variable the config reads.
import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
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

  it('shows every subcommand', () => {
    for (const subcommand of ['ask', 'compare', 'recommend', 'check', 'topics', 'sources', 'help']) {
      expect(discordSection).toContain(`/pytorch-vs-tf ${subcommand}`);
    }
  });
});
