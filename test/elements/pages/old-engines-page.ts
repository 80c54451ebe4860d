/**
 * The script of /__bianmin__/old-engines.html, bundled with every define entry (test/elements/
 * helpers/bundles.mjs). Before it loads, the page's first script deletes what older WebViews lack
 * (`AbortSignal.any`, `AbortSignal.timeout`, `Object.hasOwn`, `crypto.randomUUID`); the test around
 * it (old-engines.test.ts) calls these functions.
 */
import { createClient, isAbortedError, isTimeoutError, type FetchLike } from '@bianmin/sdk';
import { mountEveryWidget, type MountOptions, type WidgetReport } from './widgets.js';

export interface CallOutcome {
  /** The error's name, or `resolved`. */
  name: string;
  timeout: boolean;
  aborted: boolean;
  /** The signal the client handed to fetch, aborted afterwards? */
  fetchSignalAborted: boolean | undefined;
  /** Headers the client sent with the last attempt. */
  headers: Record<string, string>;
}

export interface OldEngines {
  deleted: Record<string, boolean>;
  mount(o: MountOptions): Promise<WidgetReport[]>;
  /** `path` of the client's choice on a base URL the test answers slowly; `timeout` per attempt. */
  call(o: { baseUrl: string; token: string; timeout: number; abortAfter?: number; op: 'me' | 'create-help' }): Promise<CallOutcome>;
}

declare global {
  interface Window {
    bianminOldEngines?: OldEngines;
    __deleted?: Record<string, boolean>;
  }
}

window.bianminOldEngines = {
  deleted: { ...(window.__deleted ?? {}) },
  mount: (o) => mountEveryWidget(o),
  async call({ baseUrl, token, timeout, abortAfter, op }) {
    let signal: AbortSignal | undefined;
    let headers: Record<string, string> = {};
    const spy: FetchLike = (url, init) => {
      signal = init.signal;
      headers = { ...init.headers };
      return fetch(url, init);
    };
    const client = createClient({ baseUrl, getToken: () => token, timeout, retry: 0, fetch: spy });
    const caller = new AbortController();
    if (abortAfter !== undefined) setTimeout(() => caller.abort(), abortAfter);
    try {
      if (op === 'me') await client.session.me({ signal: caller.signal });
      else {
        await client.help.create(
          { kind: 'repair', location: { building: '2栋', room: '0601' }, phone: '13812345678', description: '旧内核上的求助' },
          { signal: caller.signal },
        );
      }
      return { name: 'resolved', timeout: false, aborted: false, fetchSignalAborted: signal?.aborted, headers };
    } catch (e) {
      return { name: (e as Error).name, timeout: isTimeoutError(e), aborted: isAbortedError(e), fetchSignalAborted: signal?.aborted, headers };
    }
  },
};
