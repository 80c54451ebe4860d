import { HttpResponse, http, type HttpHandler } from 'msw';
import type { MockBackend } from './backend.js';
import { isNetworkError } from './http.js';

export interface HandlerOptions {
  /** Path or absolute URL the API lives under. Default `/api`. */
  baseUrl?: string;
}

/**
 * msw handlers over a mock backend: one catch-all under the base URL that runs the backend's
 * pipeline, for `setupWorker` (browser) and `setupServer` (node). A network error from the pipeline
 * becomes `HttpResponse.error()`.
 */
export function createHandlers(backend: MockBackend, { baseUrl = '/api' }: HandlerOptions = {}): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  // A bare path matches the page's origin in a browser; outside one (node) it matches any origin.
  const pattern = base.startsWith('/') && typeof document === 'undefined' ? `*${base}` : base;
  const resolver = async ({ request }: { request: Request }) => {
    const response = await backend.handle(request, { baseUrl: base });
    return isNetworkError(response) ? HttpResponse.error() : response;
  };
  return [http.all(pattern, resolver), http.all(`${pattern}/*`, resolver)];
}
