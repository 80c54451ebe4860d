// Every Storybook story in a real browser: `npm run check-stories` (after `npm run build-storybook`).
//
// Serves storybook-static/ on 127.0.0.1 (a free port), opens each story of index.json in
// its own Chromium context (the system Chromium, scripts/chrome.mjs) and fails the story on
//   - any axe-core violation of WCAG 2.0/2.1/2.2 A and AA (colour contrast included, so the
//     dark and signage stories are checked in their theme), inside open shadow roots too;
//   - any console error or uncaught exception (a play function that throws included);
//   - any visible interactive target smaller than 24×24 CSS px (WCAG 2.2 SC 2.5.8), measured
//     strictly — without the spacing exception — except links inside a sentence (see
//     docs/quality.md for the rules of the measure);
//   - a story whose name claims a state (Loading, Error, Went offline, …) with no widget in
//     that custom state when it is checked (CLAIMS).
// A screenshot of each story goes to test-results/stories/<id>.png and the findings to
// test-results/stories/report.json (at another size, test-results/stories-390x844/ and so on).
// Exit 1 when any story fails, or when none was checked.
//
//   npm run check-stories                      every story, two pages at a time
//   npm run check-stories -- fee-board dark    only stories whose id contains one of the words
//   STORIES_CONCURRENCY=1 npm run check-stories
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built Storybook: storybook-static/, or $STORYBOOK_STATIC_DIR. */
const staticDir = resolve(rootDir, process.env.STORYBOOK_STATIC_DIR || 'storybook-static');

/** The WCAG levels every story must meet (the same set as test/elements/helpers/axe.ts). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
/** WCAG 2.2 SC 2.5.8 Target Size (Minimum), in CSS px. */
const MIN_TARGET = 24;
/** A story that has not finished rendering (loaders, render, play) by then fails. */
const RENDER_TIMEOUT_MS = 20_000;
/** After rendering, wait until no request has been open for QUIET_MS, at most SETTLE_CAP_MS. */
const QUIET_MS = 400;
const SETTLE_CAP_MS = 4_000;
/** Then a fixed pause for the last paint (Lit updates, web fonts, theme style sheets). */
const FIXED_WAIT_MS = 250;
/** The page size; `STORIES_VIEWPORT=390x844` checks every story at a phone's width instead. */
const VIEWPORT = ((m) => (m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 1280, height: 800 }))(
  /^(\d+)x(\d+)$/.exec(process.env.STORIES_VIEWPORT ?? ''),
);
const SHOT_MAX_HEIGHT = 3000;
/** Screenshots and the report: test-results/stories/, or test-results/stories-390x844/ at another size. */
const size = `${VIEWPORT.width}x${VIEWPORT.height}`;
const outDir = join(rootDir, 'test-results', size === '1280x800' ? 'stories' : `stories-${size}`);

const { chromePath, chromiumArgs } = (await import(pathToFileURL(join(rootDir, 'scripts/chrome.mjs')).href)) as {
  chromePath(): string;
  chromiumArgs: string[];
};

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

interface StoryResult {
  id: string;
  ms: number;
  failures: string[];
  /** Links passed as inline targets (in a sentence), listed for review. */
  inlineLinks: string[];
  /** Text whose contrast axe could not determine (reported as "incomplete"), for review. */
  contrastUndetermined: number;
  /** Milliseconds spent in each step, to see where the time goes. */
  steps: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Static server for storybook-static/

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(dir, pathname));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    // The browser asks for /favicon.ico on its own; that is no part of a story.
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // msw registers its worker with scope '/', which the worker script must allow.
      'service-worker-allowed': '/',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ---------------------------------------------------------------------------------------------
// In the page (serialised by Playwright: these functions must not use anything from outside).

/**
 * Catches what Storybook's preview reports on its channel about a story going wrong (a play
 * function or a render that threw, errors left unhandled while playing, an unknown story) in
 * `__storyProblems`, whether or not it also reaches the console or the error overlay.
 */
const CHANNEL_SPY = `(() => {
  const problems = (globalThis.__storyProblems = []);
  const text = (e) => (e && typeof e === 'object' ? [e.name, e.message ?? e.description ?? e.title].filter(Boolean).join(': ') : String(e));
  const events = {
    playFunctionThrewException: (e) => 'play function threw: ' + text(e),
    storyThrewException: (e) => 'story threw: ' + text(e),
    storyErrored: (e) => 'story errored: ' + text(e),
    unhandledErrorsWhilePlaying: (list) => 'unhandled errors while playing: ' + [].concat(list).map(text).join('; '),
    storyMissing: (id) => 'story missing: ' + String(id),
  };
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (next) => {
      channel = next;
      for (const [name, say] of Object.entries(events)) next?.on?.(name, (payload) => problems.push(say(payload)));
    },
  });
})();`;

/** Storybook's render of the story reached a final phase (after loaders, render and play). */
function storyDone(id: string): boolean {
  const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { storyRenders?: { id: string; phase?: string }[] } })
    .__STORYBOOK_PREVIEW__;
  if (document.body.classList.contains('sb-show-errordisplay')) return true;
  return !!preview?.storyRenders?.some((r) => r.id === id && (r.phase === 'finished' || r.phase === 'aborted'));
}

/** Waits for every Lit element's pending update (in shadow roots too). */
async function litSettled(): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const u = (el as Element & { updateComplete?: unknown }).updateComplete;
      if (u instanceof Promise) pending.push(u);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 1000))]);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/**
 * The states a story's name claims, by its id: some `bm-*` element of the story (in shadow roots
 * too) must be in that custom state when the story is checked, so that an "Error" story whose
 * failures ran out before the widget's requests does not pass showing the normal content.
 */
const CLAIMS: readonly [RegExp, string][] = [
  [/--loading$/, 'loading'],
  [/--(server-error|error-dark|error-on-signage)$/, 'error'],
  [/--(went-offline|offline-with-last-good-data|offline-on-signage)$/, 'offline'],
  [/--(offline-queued|waiting-for-sign-in|server-error-queued)$/, 'queued'],
];

/** Whether some `bm-*` element in the page (through open shadow roots) is in custom state `state`. */
function inState(state: string): boolean {
  const visit = (root: Document | ShadowRoot): boolean => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('bm-') && el.matches(`:state(${state})`)) return true;
      if (el.shadowRoot && visit(el.shadowRoot)) return true;
    }
    return false;
  };
  return visit(document);
}

interface TargetReport {
  small: { target: string; width: number; height: number }[];
  inlineLinks: string[];
}

/**
 * Every visible interactive target in the story (through open shadow roots) that is smaller
 * than `min`×`min` CSS px. A form control counts its labels as part of its target (a click on
 * the label activates it); a disabled control is not a target; a link shown inline among other
 * text of its block (a link in a sentence) is exempt, as WCAG 2.5.8's "Inline" exception allows.
 */
function smallTargets(min: number): TargetReport {
  const SELECTOR = [
    'button',
    'a[href]',
    'input:not([type=hidden])',
    'select',
    'textarea',
    'summary',
    '[role=button]',
    '[role=link]',
    '[role=tab]',
    '[role=radio]',
    '[role=checkbox]',
    '[role=switch]',
    '[role=option]',
    '[role=menuitem]',
    '[role=menuitemradio]',
    '[role=menuitemcheckbox]',
  ].join(',');
  const report: TargetReport = { small: [], inlineLinks: [] };
  const root = document.getElementById('storybook-root') ?? document.body;

  const visible = (el: Element): DOMRect | null => {
    const r = el.getBoundingClientRect();
    // 1×1 px and smaller: the visually-hidden pattern; the visible part is the label.
    if (r.width <= 1 || r.height <= 1) return null;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ? r : null;
  };
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let n: Element | null = el; n; ) {
      let s = n.localName;
      if (n.id) s += `#${n.id}`;
      const part = n.getAttribute('part');
      if (part) s += `[part="${part}"]`;
      else if (n.classList.length) s += `.${[...n.classList].slice(0, 2).join('.')}`;
      parts.unshift(s);
      const parent: Node | null = n.parentNode;
      if (parent instanceof ShadowRoot) {
        parts.unshift('>>>');
        n = parent.host;
      } else n = parent instanceof Element && parent !== root ? parent : null;
      if (parts.length > 12) break;
    }
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    const name = el.getAttribute('aria-label') ?? (text || el.getAttribute('value') || el.getAttribute('name') || '');
    return `${parts.join(' ')}${name ? ` "${name}"` : ''}`;
  };
  /** A link rendered inline whose block holds more text than the link: a link in a sentence. */
  const inlineInText = (el: Element): boolean => {
    if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') return false;
    let block: Element | null = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const container: Node | null = block ?? el.getRootNode();
    const linkText = (el.textContent ?? '').replace(/\s+/g, '');
    const blockText = (container?.textContent ?? '').replace(/\s+/g, '');
    return blockText.length > linkText.length;
  };

  const visit = (scope: Element | ShadowRoot) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!el.matches(SELECTOR)) continue;
      if (el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true' || el.closest('[inert]')) continue;
      const boxes: DOMRect[] = [];
      const own = visible(el);
      if (own) boxes.push(own);
      for (const label of (el as HTMLInputElement).labels ?? []) {
        const r = visible(label);
        if (r) boxes.push(r);
      }
      if (boxes.length === 0) continue;
      if (boxes.some((b) => b.width >= min - 0.01 && b.height >= min - 0.01)) continue;
      if (inlineInText(el)) {
        report.inlineLinks.push(describe(el));
        continue;
      }
      const best = boxes.reduce((a, b) => (Math.min(b.width, b.height) > Math.min(a.width, a.height) ? b : a));
      report.small.push({ target: describe(el), width: Math.round(best.width * 10) / 10, height: Math.round(best.height * 10) / 10 });
    }
  };
  visit(root);
  return report;
}

// ---------------------------------------------------------------------------------------------

/** A failing response of the mocked API is the story's scenario (an error state), not a defect. */
const isApiResponseLog = (text: string, url: string): boolean =>
  /^Failed to load resource/.test(text) && /\/api\//.test(new URL(url || 'about:blank', 'http://x').pathname);

function formatAxe(results: AxeResults): string[] {
  return results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 4).map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' , '));
    const more = v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : '';
    const why = v.id === 'color-contrast' ? ` — ${(v.nodes[0]?.any[0]?.message ?? '').split('.')[0]}` : '';
    return `axe ${v.id} [${v.impact ?? 'n/a'}]: ${v.help}${why}: ${nodes.join(' | ')}${more}`;
  });
}

/** A browser context in Chinese, on Shanghai time, wide enough for the lobby boards. */
async function newContext(browser: Browser, userAgent: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', userAgent });
  // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
  // page.evaluate in `__name(...)` calls: give the page that helper.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(CHANNEL_SPY);
  return context;
}

/** Each story in a fresh context: no storage, service worker or cache left by another story. */
async function checkStory(browser: Browser, userAgent: string, base: string, entry: IndexEntry, axeSource: string): Promise<StoryResult> {
  const started = Date.now();
  const failures: string[] = [];
  const context = await newContext(browser, userAgent);
  const page: Page = await context.newPage();
  let inlineLinks: string[] = [];
  let contrastUndetermined = 0;
  const steps: Record<string, number> = {};
  let mark = Date.now();
  const step = (name: string) => {
    const now = Date.now();
    steps[name] = now - mark;
    mark = now;
  };

  page.on('pageerror', (e) => failures.push(`uncaught exception: ${e.message.split('\n')[0]}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (isApiResponseLog(text, msg.location().url)) return;
    const at = /^Failed to load resource/.test(text) ? ` (${msg.location().url})` : '';
    failures.push(`console error: ${text.split('\n')[0]!.slice(0, 300)}${at}`);
  });
  // Open requests, to tell when the story has stopped loading (a story that waits forever
  // for its data, like the Loading ones, simply hits SETTLE_CAP_MS).
  const open = new Set<unknown>();
  let lastChange = Date.now();
  const track = (add: boolean) => (req: unknown) => {
    if (add) open.add(req);
    else open.delete(req);
    lastChange = Date.now();
  };
  page.on('request', track(true));
  page.on('requestfinished', track(false));
  page.on('requestfailed', track(false));

  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load' });
    step('load');
    await page.waitForFunction(storyDone, entry.id, { timeout: RENDER_TIMEOUT_MS, polling: 50 }).catch(() => {
      failures.push(`did not finish rendering within ${RENDER_TIMEOUT_MS / 1000} s`);
    });
    step('render');
    const problems = await page.evaluate(() => (globalThis as unknown as { __storyProblems?: string[] }).__storyProblems ?? []);
    for (const p of problems) failures.push(p.split('\n')[0]!.slice(0, 300));
    if (problems.length === 0 && (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')))) {
      const message = await page.evaluate(() => (document.getElementById('error-message')?.textContent ?? '').trim());
      failures.push(`story shows Storybook's error display: ${message.split('\n')[0]!.slice(0, 300)}`);
    }
    const settleStart = Date.now();
    while (Date.now() - settleStart < SETTLE_CAP_MS && (open.size > 0 || Date.now() - lastChange < QUIET_MS)) {
      await page.waitForTimeout(50);
    }
    await page.evaluate(litSettled);
    await page.waitForTimeout(FIXED_WAIT_MS);
    step('settle');

    for (const [pattern, state] of CLAIMS) {
      if (pattern.test(entry.id) && !(await page.evaluate(inState, state))) failures.push(`the story's name claims a widget in :state(${state}); none is`);
    }

    await page.addScriptTag({ content: axeSource });
    const runOptions: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations', 'incomplete'] };
    const axe = await page.evaluate(
      (options) => (window as unknown as { axe: typeof import('axe-core') }).axe.run('#storybook-root', options),
      runOptions,
    );
    failures.push(...formatAxe(axe));
    // Colour contrast axe could not decide (text over an image, under another element): not a
    // failure, counted in the report for review.
    contrastUndetermined = axe.incomplete.find((v) => v.id === 'color-contrast')?.nodes.length ?? 0;
    step('axe');

    const targets = await page.evaluate(smallTargets, MIN_TARGET);
    inlineLinks = targets.inlineLinks;
    for (const t of targets.small) failures.push(`target ${t.width}×${t.height} px < ${MIN_TARGET}×${MIN_TARGET}: ${t.target}`);
    step('targets');

    // The whole page, down to SHOT_MAX_HEIGHT (a thousand-row list would take seconds to encode).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const clip = { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(Math.max(height, VIEWPORT.height), SHOT_MAX_HEIGHT) };
    await page.screenshot({ path: join(outDir, `${entry.id}.png`), fullPage: true, clip, animations: 'disabled' });
    step('screenshot');
  } catch (e) {
    failures.push(`check failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return { id: entry.id, ms: Date.now() - started, failures: [...new Set(failures)], inlineLinks, contrastUndetermined, steps };
}

async function main(): Promise<number> {
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    console.error(`${indexFile} not found: run \`npm run build-storybook\` first.`);
    return 1;
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> };
  const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (words.length === 0 || words.some((w) => e.id.includes(w))));
  if (stories.length === 0) {
    console.error(`No stories${words.length ? ` matching ${words.join(', ')}` : ''} in ${indexFile}.`);
    return 1;
  }
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const concurrency = Math.max(1, Number(process.env.STORIES_CONCURRENCY) || 2);
  const started = Date.now();
  const server = await serve(staticDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  const results: StoryResult[] = [];
  try {
    // "StorybookTestRunner" in the user agent makes Storybook pause CSS animations once a story
    // has rendered instead of waiting up to 5 s for them (its own test runner does the same).
    const probe = await browser.newPage();
    const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
    await probe.close();
    const queue = [...stories];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          const result = await checkStory(browser, userAgent, base, entry, axeSource);
          results.push(result);
          console.log(`${result.failures.length ? 'FAIL' : 'ok  '} ${entry.id} (${(result.ms / 1000).toFixed(1)} s)`);
        }
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }

  results.sort((a, b) => a.id.localeCompare(b.id));
  const failed = results.filter((r) => r.failures.length > 0);
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ checked: results.length, failed: failed.length, results }, null, 2)}\n`);
  // One line per component: stories, failures, time.
  const byTitle = new Map<string, { stories: number; failed: number; ms: number }>();
  for (const r of results) {
    const title = stories.find((e) => e.id === r.id)?.title ?? r.id;
    const row = byTitle.get(title) ?? { stories: 0, failed: 0, ms: 0 };
    row.stories++;
    row.failed += r.failures.length > 0 ? 1 : 0;
    row.ms += r.ms;
    byTitle.set(title, row);
  }
  console.log('');
  console.table(
    Object.fromEntries([...byTitle].map(([title, r]) => [title, { stories: r.stories, failed: r.failed, 'seconds (sum)': Math.round(r.ms / 1000) }])),
  );
  console.log('');
  for (const r of failed) {
    console.log(`✗ ${r.id}`);
    for (const f of r.failures) console.log(`    ${f}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `\n${results.length} stories checked in ${seconds} s (${concurrency} at a time): ${results.length - failed.length} passed, ${failed.length} failed.` +
      ` Screenshots: ${outDir.slice(rootDir.length + 1)}/`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
