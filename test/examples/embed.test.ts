// The zero-build embed as a plain HTML page uses it: packages/elements/dist/embed/*.js (written by
// `npm run build`) on docs/examples/embed/*.html, served over HTTP and opened in the system
// Chromium, on a desktop window and on a 375×667 touch phone (hasTouch, isMobile: the meta viewport
// is honoured and a page wider than the screen widens the layout viewport, as in WeChat).
// The API is the example's in-page mock (docs/examples/embed/mock-api.ts, msw).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed, buildExampleMock, embedDir, rootDir, serveExample } from '../../scripts/build-embed.js';
// Type-checks the example's mock script with the rest of the tests (it is bundled, never imported here).
import type * as _ExampleMock from '../../docs/examples/embed/mock-api.js';

const { chromePath, chromiumArgs } = (await import(pathToFileURL(join(rootDir, 'scripts/chrome.mjs')).href)) as {
  chromePath(): string;
  chromiumArgs: string[];
};

/** WCAG 2.2 SC 2.5.8 Target Size (Minimum), CSS px. */
const MIN_TARGET = 24;
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Every tag the define/* entries register, read from their sources. */
const definedTags = readdirSync(join(rootDir, 'packages/elements/src/define'))
  .flatMap((f) => [...readFileSync(join(rootDir, 'packages/elements/src/define', f), 'utf8').matchAll(/defineElement\('(bm-[a-z-]+)'/g)])
  .map((m) => m[1]!);

let browser: Browser;
let server: Awaited<ReturnType<typeof serveExample>>;

beforeAll(async () => {
  if (!existsSync(join(embedDir, 'bianmin.js')) || !existsSync(join(embedDir, 'bianmin-fee-board.js'))) {
    console.warn('packages/elements/dist/embed is missing (no `npm run build` yet): building the embed bundles now');
    await buildEmbed();
  }
  await buildExampleMock();
  server = await serveExample(0);
  browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any uncaught error or console error. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('Lit is in dev mode')) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await page.goto(new URL(path, server.url).href);
  return { page, problems };
}

/** Visible interactive elements (through open shadow roots) smaller than MIN_TARGET either way. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const interactive =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=radio], [role=checkbox], [role=tab], [role=option], [tabindex]:not([tabindex="-1"])';
    const found: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(interactive)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const small: string[] = [];
    for (const el of found) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      // A visually hidden radio or a small checkbox is operated through its label: measure the larger.
      let box = el.getBoundingClientRect();
      for (const label of (el as HTMLInputElement).labels ?? []) {
        const r = label.getBoundingClientRect();
        if (r.width * r.height > box.width * box.height) box = r;
      }
      if (box.width < min || box.height < min) {
        const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'document';
        small.push(`${host} ${el.localName}[part=${el.getAttribute('part') ?? ''}] ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, MIN_TARGET);
}

/** The layout viewport stayed the screen's width and nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<{ innerWidth: number; scrollWidth: number }> {
  return page.evaluate(() => ({ innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth }));
}

describe('zero-build embed: dist/embed/bianmin.js', () => {
  it('is one self-contained ES module that registers every widget and exports the package root, the SDK root and Lit', async () => {
    const context = await browser.newContext(DESKTOP);
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.text().includes('Lit is in dev mode')) problems.push(m.text());
      });
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      // A page on the example's origin with nothing but the bundle (a static import of it).
      const body = `<!doctype html><script type="module">
        import * as kit from '/packages/elements/dist/embed/bianmin.js';
        window.kitExports = Object.keys(kit);
      </script>`;
      await page.route('**/only-the-kit.html', (route) => route.fulfill({ contentType: 'text/html', body }));
      await page.goto(new URL('only-the-kit.html', server.url).href);
      await page.waitForFunction(() => 'kitExports' in window);
      const result = await page.evaluate((tags) => {
        return { exports: (window as unknown as { kitExports: string[] }).kitExports, undefinedTags: tags.filter((t) => !customElements.get(t)) };
      }, definedTags);
      expect(definedTags).toEqual(expect.arrayContaining(['bm-provider', 'bm-service-menu', 'bm-booking-form', 'bm-help-button', 'bm-fee-board']));
      expect(result.undefinedTags).toEqual([]);
      // The package root, the SDK root and Lit, from one copy.
      expect(result.exports).toEqual(expect.arrayContaining(['BmProvider', 'BmBookingForm', 'createClient', 'formatPrice', 'telHref', 'LitElement', 'html']));
      // Nothing else was fetched: Lit, zod and the SDK are inside.
      expect(scripts).toEqual(['/packages/elements/dist/embed/bianmin.js']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the example page (docs/examples/embed/index.html)', () => {
  it('renders the menu, the booking form and the help button with the mock compound’s data on a desktop', async () => {
    const context = await browser.newContext(DESKTOP);
    try {
      const { page, problems } = await open(context, 'index.html');
      await expect.poll(() => page.locator('bm-service-menu [part~=price]').count()).toBeGreaterThan(10);
      await expect(page.locator('bm-service-menu').getByText('代叫出租车').count()).resolves.toBe(1);
      await expect(page.locator('bm-help-button [part~=trigger]').isVisible()).resolves.toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a 375×667 touch phone: data shown, a tapped service opens in the form, targets ≥ 24 px, no sideways scrolling', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const { page, problems } = await open(context, 'index.html');
      // The first page of the menu (12 services) is all there is to see at first.
      await expect.poll(() => page.locator('bm-service-menu [part~=price]').count()).toBe(12);
      // Its first services are booked by phone or at the desk; the resident searches for one booked online with slots.
      await page.locator('bm-service-menu').getByRole('searchbox').fill('钟点工');
      const book = page.locator('bm-service-menu [part~=book-button]');
      await book.first().waitFor();

      // The menu hands the tapped service to the form (for="booking"): its title and day picker show.
      const name = (await book.first().getAttribute('aria-label')) ?? '';
      await book.first().tap();
      await page.locator('bm-booking-form [part~=title]').waitFor();
      expect(name).toContain((await page.locator('bm-booking-form [part~=title]').textContent())?.trim());
      await expect.poll(() => page.locator('bm-booking-form bm-slot-picker [part~=day]').count()).toBeGreaterThan(0);
      await expect(page.locator('bm-help-button [part~=trigger]').isVisible()).resolves.toBe(true);

      expect(await smallTargets(page)).toEqual([]);
      const { innerWidth, scrollWidth } = await horizontalOverflow(page);
      expect(innerWidth).toBe(375);
      expect(scrollWidth).toBeLessThanOrEqual(375);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on an engine without ElementInternals shows the fallback with the service phone instead of the widgets', async () => {
    const context = await browser.newContext(PHONE);
    try {
      // Runs before the page's own scripts, as an old WebView would lack the API.
      await context.addInitScript(() => {
        delete (HTMLElement.prototype as Partial<HTMLElement>).attachInternals;
      });
      const page = await context.newPage();
      await page.goto(new URL('index.html', server.url).href);
      const call = page.locator('.fallback a');
      await call.waitFor({ state: 'visible' });
      expect(await call.getAttribute('href')).toBe('tel:057188886666');
      expect(await page.locator('bm-provider').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('the lobby page (docs/examples/embed/fee-board.html) on dist/embed/bianmin-fee-board.js', () => {
  it('shows the price list with the provider and the fee board only, without sideways scrolling at 375×667', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const { page, problems } = await open(context, 'fee-board.html');
      await expect.poll(() => page.locator('bm-fee-board [part~=price]').count()).toBeGreaterThan(5);
      const defined = await page.evaluate(() => ['bm-provider', 'bm-fee-board', 'bm-booking-form', 'bm-service-menu'].map((t) => !!customElements.get(t)));
      expect(defined).toEqual([true, true, false, false]);
      const { innerWidth, scrollWidth } = await horizontalOverflow(page);
      expect(innerWidth).toBe(375);
      expect(scrollWidth).toBeLessThanOrEqual(375);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
