import { request } from 'node:http';
import type { FetchInit, ResponseLike } from '@bianmin/sdk/client';

/**
 * A minimal fetch over node:http, for tests that remove `Object.hasOwn` and `AbortSignal.any`:
 * Node 20's own fetch (undici) calls `Object.hasOwn` itself, whereas node:http uses Node's
 * internal copies of the builtins, like a browser's native fetch would. Aborting the signal
 * destroys the socket.
 */
export function nodeHttpFetch(url: string, init: FetchInit): Promise<ResponseLike> {
  return new Promise((resolve, reject) => {
    if (init.signal.aborted) return reject(new Error('aborted'));
    const req = request(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      const body = new Promise<string>((ok, fail) => {
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('response aborted')));
      });
      body.catch(() => undefined);
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get: (name) => {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
          },
        },
        text: () => body,
      });
    });
    const onAbort = () => req.destroy(new Error('aborted'));
    init.signal.addEventListener('abort', onAbort);
    req.on('close', () => init.signal.removeEventListener('abort', onAbort));
    req.on('error', reject);
    req.end(init.body);
  });
}
