#!/usr/bin/env node
// `npm run docker:check`: proves the Dockerfile builds and the image starts, without a Docker
// engine (none runs on the development and CI machines). It reads the Dockerfile and replays
// its steps in a temporary directory: the build context is a clean copy of the repository's
// files filtered by .dockerignore, each stage gets its own root, COPY and RUN run as written
// (with this machine's Node.js in place of the base image), ENV and USER are honoured. Then it
// starts the result the way `docker run --env-file .env` would with .env.example:
//   1. copied unedited, without a terminal: the bot names the variables to set and exits 2;
//   2. in a terminal (through `script`): the local chat opens and answers;
//   3. filled in for Slack (HTTP mode, against a stand-in Web API on loopback): the
//      HEALTHCHECK command passes, /metrics answers, and SIGTERM stops it with exit code 0.
// Processes of the final stage run as an unprivileged user when this script runs as root,
// as USER does in the image. Exits 1 on the first failed check.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const keep = process.argv.includes('--keep');
const say = (line) => process.stdout.write(`${line}\n`);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

function fail(message) {
  process.stderr.write(`docker:check FAILED: ${message}\n`);
  process.exit(1);
}

// --- The Dockerfile, as instructions ------------------------------------------------------

function parseDockerfile(text) {
  const lines = text.split('\n');
  const instructions = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    const [, keyword, rest] = /^\s*(\w+)\s*(.*)$/s.exec(current) ?? [];
    instructions.push({ keyword: keyword.toUpperCase(), rest: rest.trim() });
    current = '';
  }
  return instructions;
}

const jsonOrShell = (rest) => (rest.startsWith('[') ? JSON.parse(rest) : ['sh', '-c', rest]);

// --- The build context: tracked and new files, less what .dockerignore excludes -----------

function globToRegExp(pattern) {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped.replace(/\0/g, '.*')}$`);
}

function dockerignoreFilter(text) {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = (include ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
      return { include, matches: globToRegExp(pattern) };
    });
  // A pattern matches a path or any folder it is in; the last matching rule wins (Docker's rule).
  return (path) => {
    const prefixes = path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    let included = true;
    for (const rule of rules) if (prefixes.some((prefix) => rule.matches.test(prefix))) included = rule.include;
    return included;
  };
}

function copyContext(destination) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) fail(`git ls-files: ${listed.stderr}`);
  const included = dockerignoreFilter(existsSync(join(root, '.dockerignore')) ? readFileSync(join(root, '.dockerignore'), 'utf8') : '');
  const files = listed.stdout.split('\0').filter((file) => file && existsSync(join(root, file)) && included(file));
  for (const file of files) {
    mkdirSync(dirname(join(destination, file)), { recursive: true });
    cpSync(join(root, file), join(destination, file));
  }
  return files;
}

// --- Replaying the stages -------------------------------------------------------------------

/**
 * A home of the replay's own, as a container has: RUN steps such as `npm cache clean --force`
 * must not touch this machine's npm cache. It starts as a hard-linked copy of that cache, so
 * `npm ci` needs the registry only for what this machine has not downloaded before.
 */
function privateHome(work) {
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  const cache = join(process.env.HOME ?? '', '.npm', '_cacache');
  if (process.env.HOME && existsSync(cache)) spawnSync('cp', ['-al', cache, join(home, '.npm', '_cacache')]);
  return home;
}

/**
 * A base image's Node.js comes with its C headers, which node-gyp needs to compile a native
 * module (better-sqlite3) when no prebuilt binary can be downloaded. Here the base image is this
 * machine's Node.js: its headers are used when it has them, rather than fetched from nodejs.org.
 */
function nodeHeaders() {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? { npm_config_nodedir: prefix } : {};
}

/** The user and group the image's `node` user is played by here, as root: nobody. */
const UNPRIVILEGED_ID = 65534;

/** The ids the image's `node` user has in the replay: the unprivileged user of asImageUser. */
const imageOwner = () =>
  process.getuid?.() === 0 ? `${UNPRIVILEGED_ID}:${UNPRIVILEGED_ID}` : `${process.getuid?.()}:${process.getgid?.()}`;

/** `chown node:node ...` in a RUN step gives the folder to the user the final stage runs as here. */
const asImageOwner = (command) => command.replace(/\bchown node:node\b/g, `chown ${imageOwner()}`);

function replay(instructions, work) {
  mkdirSync(join(work, 'home', '.npm'), { recursive: true });
  const home = privateHome(work);
  const context = join(work, 'context');
  const contextFiles = copyContext(context);
  say(`context: ${contextFiles.length} files (${[...new Set(contextFiles.map((f) => f.split('/')[0]))].sort().join(', ')})`);
  const args = {};
  const stages = [];
  let stage;
  const substitute = (value) => value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args[a ?? b] ?? stage?.env[a ?? b] ?? '');
  const inStage = (path) => join(stage.root, isAbsolute(path) ? path : join(stage.workdir, path));

  for (const { keyword, rest: raw } of instructions) {
    const rest = substitute(raw);
    if (keyword === 'ARG') {
      const [name, value = ''] = rest.split('=');
      args[name] ??= value;
      continue;
    }
    if (keyword === 'FROM') {
      const [image, , name] = rest.split(/\s+/);
      stage = {
        name: name ?? String(stages.length),
        image,
        root: join(work, 'stages', name ?? String(stages.length)),
        workdir: '/',
        env: {},
        user: 'root',
      };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
      say(`stage ${stage.name} (${image}, replayed with this machine's Node.js ${process.version})`);
      continue;
    }
    if (!stage) fail(`${keyword} before FROM`);
    const step = `  ${keyword} ${raw}`;
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = isAbsolute(rest) ? rest : join(stage.workdir, rest);
        mkdirSync(join(stage.root, stage.workdir), { recursive: true });
        break;
      case 'ENV':
        for (const [, name, value] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[name] = value.replace(/^"|"$/g, '');
        break;
      case 'USER':
        stage.user = rest;
        break;
      case 'COPY': {
        const parts = rest.split(/\s+/);
        const from = parts[0].startsWith('--from=') ? parts.shift().slice('--from='.length) : undefined;
        const destination = parts.pop();
        const sourceRoot = from === undefined ? context : stages.find((s) => s.name === from)?.root;
        if (!sourceRoot) fail(`COPY --from=${from}: no such stage`);
        for (const source of parts) {
          const path = join(sourceRoot, source);
          if (!existsSync(path)) fail(`${step.trim()}: ${source} is not in the ${from ? `${from} stage` : 'build context'}`);
          const target = inStage(destination);
          if (statSync(path).isDirectory()) cpSync(path, target, { recursive: true });
          else {
            const intoFolder = destination.endsWith('/') || parts.length > 1;
            mkdirSync(intoFolder ? target : dirname(target), { recursive: true });
            cpSync(path, intoFolder ? join(target, source.split('/').pop()) : target);
          }
        }
        break;
      }
      case 'RUN': {
        const runStarted = performance.now();
        const run = spawnSync('sh', ['-c', asImageOwner(rest)], {
          cwd: join(stage.root, stage.workdir),
          env: { PATH: process.env.PATH, HOME: home, npm_config_cache: join(home, '.npm'), ...nodeHeaders(), ...stage.env },
          encoding: 'utf8',
        });
        if (run.status !== 0) fail(`${step.trim()} exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
        say(`${step} (${((performance.now() - runStarted) / 1000).toFixed(1)} s)`);
        continue;
      }
      case 'HEALTHCHECK':
        stage.healthcheck = jsonOrShell(rest.slice(rest.indexOf('CMD') + 3).trim());
        break;
      case 'CMD':
        stage.cmd = jsonOrShell(rest);
        break;
      case 'EXPOSE':
        stage.expose = rest;
        break;
      default:
        fail(
          `the replay does not know ${keyword}; teach scripts/check-docker-build.mjs or keep the Dockerfile to the instructions it knows`,
        );
    }
    say(step);
  }
  return stages;
}

// --- Running the result -----------------------------------------------------------------------

/** .env.example read as `docker run --env-file` reads it: NAME=value lines, no quoting, no comments after values. */
function envFile(path) {
  const env = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf('=');
    env[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return env;
}

function asImageUser(command) {
  // The image runs as USER node; here, as root, an unprivileged user shows the same thing: that
  // nothing in /app but the folder the Dockerfile gives to node (data/, the SQLite store) needs
  // writing at run time.
  if (process.getuid?.() !== 0) return command;
  return ['setpriv', `--reuid=${UNPRIVILEGED_ID}`, `--regid=${UNPRIVILEGED_ID}`, '--clear-groups', ...command];
}

function startProcess(stage, command, env, options = {}) {
  const [file, ...rest] = asImageUser(command);
  const child = spawn(file, rest, {
    cwd: join(stage.root, stage.workdir),
    env: { PATH: process.env.PATH, ...stage.env, ...env },
    ...options,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function slackStandIn() {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        request.url?.endsWith('/auth.test')
          ? JSON.stringify({
              ok: true,
              url: 'https://example.slack.com/',
              team: 'Team',
              user: 'bot',
              team_id: 'T1',
              user_id: 'U1',
              bot_id: 'B1',
            })
          : '{"ok":true}',
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/api/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkRuns(stage) {
  if (!stage.cmd) fail('the final stage has no CMD');
  if (!stage.healthcheck) fail('the final stage has no HEALTHCHECK');
  if (['root', '0', ''].includes(stage.user)) fail(`the final stage runs as ${stage.user || 'root'}; it must set an unprivileged USER`);
  for (const absent of ['test', 'bench', 'eval', 'src'])
    if (existsSync(join(stage.root, stage.workdir, absent))) fail(`the image contains ${absent}/`);
  say(`image: runs ${JSON.stringify(stage.cmd)} as ${stage.user}; no test/, bench/, eval/ or src/ inside`);
  const example = envFile(join(root, '.env.example'));

  // 1. The example copied unedited, no terminal: config accepted, nothing to connect.
  const idle = startProcess(stage, stage.cmd, example, { stdio: ['ignore', 'pipe', 'pipe'] });
  const idleCode = await within(60_000, idle.exited, 'starting with .env.example');
  if (idleCode !== 2 || !/No chat platform is configured/.test(idle.output()))
    fail(`with .env.example unedited: expected exit 2 and the list of variables, got ${idleCode}:\n${idle.output()}`);
  say('run 1: .env.example unedited, no terminal: exit 2, "No chat platform is configured" (the configuration is valid)');

  // 2. The same in a terminal: the local chat.
  const quoted = asImageUser(stage.cmd)
    .map((part) => `'${part}'`)
    .join(' ');
  const chat = spawnSync('script', ['-qec', quoted, '/dev/null'], {
    cwd: join(stage.root, stage.workdir),
    env: { PATH: process.env.PATH, TERM: 'dumb', ...stage.env, ...example },
    input: 'what is jax\nexit\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (chat.status !== 0 || !/local\s+terminal\s+chat/.test(chat.stdout) || !/JAX/.test(chat.stdout))
    fail(`with .env.example unedited in a terminal: expected the local chat to answer, got ${chat.status}:\n${chat.stdout}${chat.stderr}`);
  say('run 2: .env.example unedited, in a terminal: the local chat opened and answered "what is jax"');

  // 3. Filled in for Slack: healthy, metrics, clean stop.
  const slack = await slackStandIn();
  const port = await freePort();
  const env = {
    ...example,
    SLACK_BOT_TOKEN: 'xoxb-docker-check',
    SLACK_SIGNING_SECRET: 'docker-check-secret',
    SLACK_API_URL: slack.url,
    PORT: String(port),
  };
  const bot = startProcess(stage, stage.cmd, env, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const deadline = Date.now() + 60_000;
    let health;
    for (;;) {
      health = startProcess(stage, stage.healthcheck, env, { stdio: ['ignore', 'pipe', 'pipe'] });
      if ((await health.exited) === 0) break;
      if (bot.child.exitCode !== null) fail(`the bot exited ${bot.child.exitCode} before it was healthy:\n${bot.output()}`);
      if (Date.now() > deadline) fail(`the HEALTHCHECK never passed: ${health.output()}\n${bot.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await metrics.text();
    if (!metrics.ok || !/pytorch_vs_tf_questions_total/.test(text)) fail(`/metrics answered ${metrics.status}`);
    // The default store (SQLite under DATA_DIR) opens: its native module is in the image and
    // its folder is writable by the image's user.
    if (!/^pytorch_vs_tf_store_up 1$/m.test(text)) fail(`the store is not up (pytorch_vs_tf_store_up is not 1):\n${bot.output()}`);
    say(
      `run 3: Slack HTTP mode: HEALTHCHECK passed, /readyz ${JSON.stringify(ready)}, /metrics ${text.split('\n').length} lines, store up`,
    );
    bot.child.kill('SIGTERM');
    const code = await within(15_000, bot.exited, 'stopping on SIGTERM');
    if (code !== 0) fail(`SIGTERM: expected exit 0, got ${code}:\n${bot.output()}`);
    say('run 3: SIGTERM: exit 0');
  } finally {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await slack.close();
  }
}

const work = mkdtempSync(join(tmpdir(), 'docker-check-'));
// Readable by the unprivileged user the final stage runs as.
chmodSync(work, 0o755);
try {
  const stages = replay(parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8')), work);
  say(`built in ${elapsed()}`);
  await checkRuns(stages.at(-1));
  say(`docker:check passed in ${elapsed()}${keep ? ` (kept in ${relative(process.cwd(), work) || work})` : ''}`);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
