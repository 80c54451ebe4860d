/**
 * A full-screen fee board for a lobby browser (收费标准公示 on an electronic screen, seed 001).
 * Everything is configured by URL parameters, so a signage player only needs one address:
 *
 *   signage.html?base=https://wuye.example.cn/api&sections=cat-club,cat-life&interval=300&locale=zh-CN
 *
 * base      API root (default /api); http(s) or a path on this site
 * sections  comma-separated category ids (default: every category)
 * interval  seconds between refreshes (default 300)
 * locale    zh-CN (default) or en
 * layout    auto (default), landscape, portrait
 * page      seconds per page (default 12)
 * max-age   seconds the last good list may be shown offline (default 86400)
 * dim       quiet hours, HH:mm-HH:mm (e.g. 23:00-06:00)
 * hide-free 1 to leave free services out
 * mock=1    run the built-in mock API in this page (msw service worker), for trying the screen out
 *
 * Bad values are not silently dropped: the board shows which attribute is wrong.
 */
import '@bianmin/elements/themes/signage.css';
import '@bianmin/elements/define/provider';
import '@bianmin/elements/define/fee-board';

const params = new URLSearchParams(location.search);

function fail(message: string): void {
  const p = document.createElement('p');
  p.className = 'setup-error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  document.body.append(p);
}

/** The API root: a path on this site or an http(s) URL, nothing else. */
function apiBase(): string | undefined {
  const base = params.get('base') ?? '/api';
  try {
    const url = new URL(base, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? base : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the display awake while the page is visible (Screen Wake Lock; secure contexts only). */
function keepAwake(): void {
  const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<unknown> } }).wakeLock;
  if (!wakeLock) return;
  const request = () => void wakeLock.request('screen').catch(() => undefined);
  request();
  // The lock is released whenever the page is hidden; take it again when it comes back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') request();
  });
}

async function main(): Promise<void> {
  const base = apiBase();
  if (!base) return fail(`base="${params.get('base') ?? ''}" 不是 http(s) 地址或本站路径 / is not an http(s) URL or a path on this site.`);
  const locale = params.get('locale') ?? 'zh-CN';
  document.documentElement.lang = locale;

  if (params.get('mock') === '1') {
    try {
      const { startMockWorker } = await import('@bianmin/mock/browser');
      await startMockWorker({ baseUrl: base, serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).pathname });
    } catch (e) {
      return fail(`模拟接口无法启动（需要 https 或 localhost）/ The mock API could not start (needs https or localhost): ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const provider = document.createElement('bm-provider');
  provider.setAttribute('base-url', base);
  provider.setAttribute('locale', locale);
  const board = document.createElement('bm-fee-board');
  const attrs: [param: string, attribute: string][] = [
    ['sections', 'sections'],
    ['interval', 'refresh-interval'],
    ['locale', 'locale'],
    ['layout', 'layout'],
    ['page', 'page-duration'],
    ['max-age', 'max-age'],
    ['dim', 'dim-hours'],
  ];
  for (const [param, attribute] of attrs) {
    const value = params.get(param);
    if (value !== null) board.setAttribute(attribute, value);
  }
  if (params.get('hide-free') === '1') board.setAttribute('hide-free', '');
  provider.append(board);
  document.body.append(provider);
  keepAwake();
}

void main();
