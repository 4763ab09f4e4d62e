// The container's HEALTHCHECK: in Slack HTTP mode, asks the running bot's /healthz; in Socket
// Mode or Discord-only there is no port to ask, so a running container counts as healthy.
import { parseConfig } from './config/index.js';

const config = parseConfig(process.env);
if (config.slack?.mode !== 'http') process.exit(0);
try {
  const response = await fetch(`http://127.0.0.1:${config.slack.port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
