// Registering /pytorch-vs-tf: the command definition is generated from the engine's command
// table, which the bot also runs from, and `npm run discord:register` PUTs it to the guild or
// global route.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandDefinition, registerCommands, RegisterError } from '../../../src/adapters/discord/index.js';
import { COMMANDS } from '../../../src/engine/index.js';
import { DiscordStandIn, IDS } from '../../support/discord/stand-in.js';
import { nodeArgumentsFor } from '../../support/run-script.js';

describe('the command definition', () => {
  const command = commandDefinition();
  const option = (subcommand: string) => command.options?.find((candidate) => candidate.name === subcommand) as any;

  it('is one /pytorch-vs-tf command with a subcommand per command of the table, described alike', () => {
    expect(command.name).toBe('pytorch-vs-tf');
    expect((command.options ?? []).map((candidate) => candidate.name)).toEqual(COMMANDS.map((spec) => spec.name));
    for (const spec of COMMANDS) {
      expect(option(spec.name).type).toBe(ApplicationCommandOptionType.Subcommand);
      expect(option(spec.name).description).toBe(spec.description);
    }
  });

  it('takes the documented required text options, with autocomplete on ask question and compare topic', () => {
    const textOption = (subcommand: string) => option(subcommand).options?.[0];
    expect(textOption('ask')).toMatchObject({
      name: 'question',
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
    });
    expect(textOption('compare')).toMatchObject({
      name: 'topic',
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
    });
    expect(textOption('recommend')).toMatchObject({ name: 'needs', required: true });
    expect(textOption('check')).toMatchObject({ name: 'statement', required: true });
    for (const { name } of COMMANDS.filter((spec) => spec.argument === undefined)) expect(option(name).options ?? []).toEqual([]);
  });

  it("keeps every description within Discord's 100 characters", () => {
    const descriptions = [
      command.description,
      ...(command.options ?? []).flatMap((sub: any) => [sub.description, ...(sub.options ?? []).map((o: any) => o.description)]),
    ];
    for (const description of descriptions) expect(description.length).toBeLessThanOrEqual(100);
  });
});

describe('registerCommands', () => {
  let standIn: DiscordStandIn;
  beforeEach(async () => {
    standIn = await DiscordStandIn.start();
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('PUTs the command to the guild route when a guild id is given (instant updates)', async () => {
    const outcome = await registerCommands({
      token: standIn.token,
      applicationId: IDS.application,
      guildId: IDS.guild,
      apiUrl: standIn.apiUrl,
    });
    const put = standIn.calls.find((call) => call.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${IDS.application}/guilds/${IDS.guild}/commands`);
    expect(put.body).toEqual([commandDefinition()]);
    expect(outcome).toMatchObject({
      scope: 'guild',
      guildId: IDS.guild,
      commands: [{ name: 'pytorch-vs-tf', subcommands: COMMANDS.map((spec) => spec.name) }],
    });
  });

  it('PUTs globally without a guild id, fetching the application id when it is not given', async () => {
    const outcome = await registerCommands({ token: standIn.token, applicationId: undefined, guildId: undefined, apiUrl: standIn.apiUrl });
    expect(standIn.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${IDS.application}/commands`,
    ]);
    expect(outcome).toMatchObject({ scope: 'global', applicationId: IDS.application });
  });

  it('explains a rejected token', async () => {
    const registering = registerCommands({ token: 'wrong', applicationId: IDS.application, guildId: undefined, apiUrl: standIn.apiUrl });
    await expect(registering).rejects.toBeInstanceOf(RegisterError);
    await expect(registering).rejects.toThrow(/DISCORD_TOKEN/);
  });
});

describe('npm run discord:register', () => {
  let standIn: DiscordStandIn;
  let emptyDir: string;

  beforeEach(async () => {
    standIn = await DiscordStandIn.start();
    // Run where there is no .env, so only the variables given here count.
    emptyDir = await mkdtemp(join(tmpdir(), 'discord-register-'));
  });
  afterEach(async () => {
    await standIn.close();
    await rm(emptyDir, { recursive: true, force: true });
  });

  function run(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        nodeArgumentsFor('src/cli/discord-register.ts'),
        { cwd: emptyDir, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  }

  it('registers in the guild through DISCORD_API_URL and says so', async () => {
    const result = await run({ DISCORD_TOKEN: standIn.token, DISCORD_GUILD_ID: IDS.guild, DISCORD_API_URL: `${standIn.apiUrl}/` });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Registered \/pytorch-vs-tf .* in server 200000000000000001/);
    expect(standIn.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    ]);
  });

  it('prints a configuration problem as a message, not a stack trace, and exits non-zero', async () => {
    const result = await run({ DISCORD_TOKEN: standIn.token, DISCORD_GUILD_ID: 'my-server', DISCORD_API_URL: standIn.apiUrl });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DISCORD_GUILD_ID: must be the numeric server \(guild\) id/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(standIn.calls).toEqual([]);
  });

  it('prints one line, not a stack trace, when Discord answers 5xx, and exits non-zero', async () => {
    standIn.failRequests('PUT', /\/commands$/, 502);
    const result = await run({ DISCORD_TOKEN: standIn.token, DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: standIn.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Could not register the Discord commands: Discord answered 502 .*try again in a few minutes\.\n$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a rejected token as a message, not a stack trace, and exits non-zero', async () => {
    const result = await run({ DISCORD_TOKEN: 'wrong', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: standIn.apiUrl });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^Could not register the Discord commands: Discord rejected DISCORD_TOKEN/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
