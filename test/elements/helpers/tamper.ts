/**
 * Tools for the fault, fuzz and security suites (fuzz.test.ts, security.test.ts):
 *
 * - `tamperHandlers(backend, transform)`: msw handlers that let the mock backend answer every API
 *   request for real, then hand its JSON to `transform` (which may break it) before the widget sees
 *   it. `transform` is told which endpoint of the contract answered, so it can target one.
 * - `endpointOf(method, url)`: the contract's endpoint id for a request.
 * - `seeded(seed)`: a small deterministic PRNG, so every fuzz case can be replayed from its seed.
 * - `countFetches()` + `networkIdle()`: waits until no request of the page is under way.
 * - `watchUncaught()`: records every uncaught error and unhandled rejection of the page.
 * - `deepElements(root)`, `deepText(el)`: every element, and the text, through open shadow roots.
 */
import { http, HttpResponse } from 'msw';
import type { MockBackend } from '@bianmin/mock';
import { endpoints, REQUEST_ID_HEADER, type EndpointId } from '@bianmin/sdk';

const ROUTES = (Object.keys(endpoints) as EndpointId[])
  .map((id) => {
    const ep = endpoints[id];
    const re = new RegExp(`^${ep.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    // Literal paths first (`/loans/handover` before `/loans/{loanId}`).
    return { id, method: ep.method as string, re, literal: !ep.path.includes('{') };
  })
  .sort((a, b) => Number(b.literal) - Number(a.literal));

/** The contract's endpoint for `method` and `url` under `/api`, if any. */
export function endpointOf(method: string, url: string, base = '/api'): EndpointId | undefined {
  const path = new URL(url, location.href).pathname;
  if (!path.startsWith(`${base}/`)) return undefined;
  const rel = path.slice(base.length);
  return ROUTES.find((r) => r.method === method.toUpperCase() && r.re.test(rel))?.id;
}

/**
 * Requests under way: `fetches` counts calls of the page's fetch from the call until it settles
 * (a request on its way to the service worker is already counted), `inflight` those the tamper
 * handlers are answering. Tests wait for both to fall to 0.
 */
export const traffic = { inflight: 0, fetches: 0 };

/** Counts the page's fetches in `traffic.fetches` (the SDK looks `fetch` up on every call). Idempotent. */
export function countFetches(): void {
  const w = window as Window & { __bmCounted?: boolean };
  if (w.__bmCounted) return;
  w.__bmCounted = true;
  const original = window.fetch.bind(window);
  window.fetch = (...args: Parameters<typeof fetch>) => {
    traffic.fetches++;
    return original(...args).finally(() => traffic.fetches--);
  };
}

/** What a transform receives besides the body. */
export interface TamperContext {
  id: EndpointId | undefined;
  status: number;
  request: Request;
}

export const RAW = Symbol('raw');
/** A transform's answer sent as this exact text: a body JSON cannot express (`1e309`). */
export const raw = (text: string): { [RAW]: string } => ({ [RAW]: text });

/**
 * msw handlers over `backend` whose JSON answers pass through `transform`. Non-JSON answers and
 * network errors from the backend pass through unchanged.
 */
export function tamperHandlers(backend: MockBackend, transform: (body: unknown, ctx: TamperContext) => unknown, base = '/api') {
  const resolver = async ({ request }: { request: Request }) => {
    traffic.inflight++;
    try {
      return await answer(request);
    } finally {
      traffic.inflight--;
    }
  };
  const answer = async (request: Request) => {
    const id = endpointOf(request.method, request.url, base);
    const response = await backend.handle(request.clone(), { baseUrl: base });
    if (response.type === 'error') return HttpResponse.error();
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new HttpResponse(text, { status: response.status, headers: response.headers });
    }
    const out = transform(body, { id, status: response.status, request });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const requestId = response.headers.get(REQUEST_ID_HEADER);
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    const sent = typeof out === 'object' && out !== null && RAW in out ? (out as { [RAW]: string })[RAW] : JSON.stringify(out);
    return new HttpResponse(sent, { status: response.status, headers });
  };
  return [http.all(base, resolver), http.all(`${base}/*`, resolver)];
}

/** Resolves once no request has been under way for a few consecutive checks (see `traffic`). */
export async function networkIdle(): Promise<void> {
  // Follow-up requests start within a tick of the answer before them.
  for (let quiet = 0; quiet < 2; ) {
    await sleep(10);
    quiet = traffic.inflight === 0 && traffic.fetches === 0 ? quiet + 1 : 0;
  }
}

/** mulberry32: a tiny seeded PRNG with a uniform [0, 1) output. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number): number => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => {
      if (xs.length === 0) throw new Error('pick from an empty list');
      return xs[Math.floor(next() * xs.length)]!;
    },
  };
}
export type Rng = ReturnType<typeof seeded>;

/** Every uncaught error and unhandled rejection from now until `stop()`. */
export function watchUncaught() {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message} ${e.error instanceof Error ? (e.error.stack ?? '') : ''}`);
  const onRejection = (e: PromiseRejectionEvent) => {
    const r: unknown = e.reason;
    errors.push(`unhandledrejection: ${r instanceof Error ? `${r.name}: ${r.message}\n${r.stack ?? ''}` : String(r)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Every element under `root`, descending into open shadow roots (and slotted light DOM once). */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    out.push(root);
    visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** The text a person would read in `el`'s shadow tree (nested shadow roots included). */
export function deepText(el: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(el.shadowRoot ?? el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Resolves after `ms` (only to let timers the widgets own run; never used to assert speed). */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Waits until `done()` is truthy, checking after every animation-free tick; throws with `what`
 * after `timeout` ms. (@open-wc's waitUntil polls every 50 ms; this one is finer for long loops.)
 */
export async function until<T>(done: () => T, what: string, timeout = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const v = done();
    if (v) return v as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
