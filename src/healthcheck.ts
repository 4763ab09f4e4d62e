// The container's HEALTHCHECK: asks the running bot's /healthz (the process answers) and
// /readyz (knowledge loaded, every configured platform connected) on PORT, in every mode.
// Exit 0 when both answer 200, 1 otherwise, with what was wrong on stderr.
import { runEntryPoint } from './app/entry-point.js';
import { HEALTH_PATH, READY_PATH } from './app/ops-routes.js';
import { parseConfig } from './config/index.js';

runEntryPoint(async () => {
  const { port } = parseConfig(process.env);
  for (const path of [HEALTH_PATH, READY_PATH]) {
    const url = `http://127.0.0.1:${port}${path}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(4_000) });
      if (!response.ok) {
        process.stderr.write(`${path}: HTTP ${response.status} ${await response.text()}\n`);
        process.exitCode = 1;
        return;
      }
    } catch (error) {
      process.stderr.write(`${path}: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
  }
});
