// One POST over a keep-alive agent, the body read whole. node:http rather than fetch: the load
// client shares the machine with the app, and the lighter client leaves more of it to the app.
import { type Agent, request } from 'node:http';

export interface PostResponse {
  status: number;
  body: string;
}

export function post(target: URL, agent: Agent, body: string, headers: Record<string, string | number>): Promise<PostResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
