import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, REQUEST_ID_HEADER } from '@bianmin/sdk';
import { createMockBackend, type MockBackend } from './backend.js';
import { isNetworkError } from './http.js';

export interface MockServerOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the mock is never reachable from another machine unless asked. */
  host?: string;
  /** Default `/api`. */
  baseUrl?: string;
  backend?: MockBackend;
}

/** One line of the request log. No bodies and no headers but the idempotency key: no personal data. */
export interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  /** The status written; absent when the socket was destroyed (a network error) or the client left first. */
  status?: number;
  /** The client closed the connection before the response was written. */
  aborted: boolean;
  /** When the request arrived (epoch ms). */
  at: number;
}

export interface RunningMockServer {
  /** `http://127.0.0.1:8787/api` */
  url: string;
  port: number;
  backend: MockBackend;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-Id',
  'Access-Control-Expose-Headers': 'X-Request-Id, Retry-After, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
};

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Vary', 'Origin');
  for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
}

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const method = req.method ?? 'GET';
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks).toString('utf8');
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, signal });
}

/**
 * The mock as a real HTTP server on 127.0.0.1, for the client's fault tests (dropped connections,
 * slow answers, aborts) and for other apps. Same pipeline as the msw handlers.
 */
export function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const host = options.host ?? '127.0.0.1';
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const backend = options.backend ?? createMockBackend({ baseUrl });
  const requests: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    const entry: LoggedRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', aborted: false, at: Date.now() };
    const key = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    if (typeof key === 'string') entry.idempotencyKey = key;
    requests.push(entry);
    const abort = new AbortController();
    let destroyed = false;
    res.on('close', () => {
      if (!res.writableEnded && !destroyed) {
        entry.aborted = true;
        abort.abort();
      }
    });

    if (req.method === 'OPTIONS') {
      if (backend.scenario.offline) {
        destroyed = true;
        req.socket.destroy();
        return;
      }
      cors(req, res);
      res.writeHead(204).end();
      entry.status = 204;
      return;
    }

    void (async () => {
      try {
        const request = await toRequest(req, `http://${req.headers.host ?? `${host}`}`, abort.signal);
        const response = await backend.handle(request, { baseUrl });
        if (res.destroyed || entry.aborted) return;
        if (isNetworkError(response)) {
          destroyed = true;
          req.socket.destroy();
          return;
        }
        cors(req, res);
        response.headers.forEach((v, k) => res.setHeader(k, v));
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status);
        res.end(body);
        entry.status = response.status;
      } catch {
        if (res.headersSent || res.destroyed) return;
        cors(req, res);
        const requestId = `srv_${Date.now().toString(36)}`;
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', [REQUEST_ID_HEADER]: requestId }).end(
          JSON.stringify({ code: 'internal', message: 'The mock server failed', requestId }),
        );
        entry.status = 500;
      }
    })();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}${baseUrl}`,
        port,
        backend,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
