import { describe, expect, it } from 'vitest';
import { discordTextToPlain } from '../../../src/adapters/discord/incoming-text.js';

describe('reading Discord message content', () => {
  it('removes mentions of users (the bot among them), roles and channels, wherever they are', () => {
    expect(discordTextToPlain('<@123456> what about tf lite?')).toBe('what about tf lite?');
    expect(discordTextToPlain('what about <@!123456> tf lite? <@123456>')).toBe('what about tf lite?');
    expect(discordTextToPlain('<@123456> ask <@999999> or <@&555555> in <#777777>')).toBe('ask or in');
  });

  it('removes custom emoji, timestamps, command mentions and broadcasts', () => {
    expect(discordTextToPlain('is <:pytorch:123456789> <a:spin:123456789> fast <t:1700000000:R>')).toBe('is fast');
    expect(discordTextToPlain('@everyone @here try </pytorch-vs-tf ask:123456>')).toBe('try');
  });

  it('leaves plain text alone', () => {
    expect(discordTextToPlain('  is a < b?  ')).toBe('is a < b?');
  });
});
