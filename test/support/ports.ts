// A port for a server a test starts as a separate process (the bot, PostgreSQL, nginx), which
// must be chosen before that process binds it. Asking the system for a free port (listen on 0)
// and closing it leaves a window in which the port is free for anyone, and the system hands out
// exactly those ports as the local end of every outgoing connection: with a few hundred
// connections per run (and other test runs on the same machine) one of them took the port
// before the bot bound it ("address already in use"). Ports below the system's ephemeral range
// are never handed out that way: a random one there that is free now stays free until used, unless
// another test happens to pick the same one in the meantime (one chance in twelve thousand).
import { createServer } from 'node:net';

/** A range below Linux's default ephemeral range (32768-60999). */
const FIRST = 20_000;
const LAST = 32_000;
const ATTEMPTS = 50;

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST));
    if (await tryListen(port)) return port;
  }
  throw new Error(`no free port between ${FIRST} and ${LAST} after ${ATTEMPTS} attempts`);
}
