// The load balancer of compose.yaml, for tests and benchmarks: a real nginx (Debian's
// nginx-light or nginx package: `apt-get install nginx-light`) run on loopback with the shipped
// deploy/nginx.conf, so that what is tested is the configuration that ships. Only what ties it to
// the compose network is changed: the replicas' addresses (compose names with `resolve`, which
// needs nginx 1.27.3, and Docker's DNS resolver) become 127.0.0.1 ports, it listens on a free
// loopback port, and its pid, logs and temporary files go to a folder of its own. The proxying
// rules (proxy_next_upstream, the 503 retry, timeouts, keep-alive) are kept word for word.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './bot-process.js';
import { freePort } from './ports.js';

const root = join(import.meta.dirname, '..', '..');
export const SHIPPED_NGINX_CONF = join(root, 'deploy', 'nginx.conf');

export interface Nginx {
  readonly port: number;
  readonly baseUrl: string;
  /** What nginx wrote to its error log (upstream failures and retries are logged there). */
  errorLog(): string;
  stop(): Promise<void>;
}

function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (found) return found;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('nginx is not installed: the load-balancer tests run the shipped deploy/nginx.conf (apt-get install nginx-light)');
  }
}

/** deploy/nginx.conf with the replicas at `upstreamPorts` on loopback, listening on `port`, files under `dir`. */
export function loopbackNginxConf(shipped: string, options: { port: number; upstreamPorts: number[]; dir: string }): string {
  const { port, upstreamPorts, dir } = options;
  // The shipped server lines' parameters (max_fails...) on every replica, without `resolve`.
  const shippedServer = /^\s*server\s+[\w.-]+:\d+([^;]*);/m.exec(shipped);
  if (!shippedServer) throw new Error('deploy/nginx.conf has no upstream server lines to point at the replicas');
  const parameters = shippedServer[1]!.replace(/\bresolve\b/, '').trim();
  const servers = upstreamPorts.map((upstream) => `server 127.0.0.1:${upstream}${parameters ? ` ${parameters}` : ''};`).join('\n    ');
  const conf = shipped
    // The compose network's DNS and the replicas' names.
    .replace(/^\s*resolver\s[^;]*;\s*$/m, '')
    .replace(/(?:^\s*server\s+[\w.-]+:\d+[^;]*;\s*$\n?)+/m, `    ${servers}\n`)
    .replace(/^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^\s*access_log\s[^;]*;/m, '  access_log off;')
    .replace(/^\s*error_log\s[^;]*;/m, `  error_log ${join(dir, 'error.log')} info;`)
    .replace(
      /^http\s*\{/m,
      [
        'http {',
        `  client_body_temp_path ${join(dir, 'body')};`,
        `  proxy_temp_path ${join(dir, 'proxy')};`,
        `  fastcgi_temp_path ${join(dir, 'fastcgi')};`,
        `  uwsgi_temp_path ${join(dir, 'uwsgi')};`,
        `  scgi_temp_path ${join(dir, 'scgi')};`,
      ].join('\n'),
    );
  return [`pid ${join(dir, 'nginx.pid')};`, `error_log ${join(dir, 'error.log')} info;`, conf].join('\n');
}

/** Starts nginx with the shipped configuration in front of the replicas listening on `upstreamPorts`. */
export async function startNginx(upstreamPorts: number[], options: { workers?: number } = {}): Promise<Nginx> {
  const binary = nginxBinary();
  const dir = mkdtempSync(join(tmpdir(), 'pvt-nginx-'));
  // Started as root, nginx's workers run as an unprivileged user, which writes request bodies here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  let conf = loopbackNginxConf(readFileSync(SHIPPED_NGINX_CONF, 'utf8'), { port, upstreamPorts, dir });
  if (options.workers !== undefined) conf = conf.replace(/^worker_processes\s[^;]*;/m, `worker_processes ${options.workers};`);
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', confPath, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const errorLog = () => {
    const path = join(dir, 'error.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor(async () => ((await fetch(`${baseUrl}/nginx-probe`, { method: 'HEAD' })) ? true : undefined), `nginx on port ${port}`, 10_000),
    exited.then((code) => {
      throw new Error(`nginx exited with ${code} at start:\n${stderr}${errorLog()}`);
    }),
  ]);
  return {
    port,
    baseUrl,
    errorLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
