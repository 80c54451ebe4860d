// The React 19 and Vue 3 examples (docs/examples/react, docs/examples/vue) as their users get them:
// each is type-checked with its own tsconfig against the JSX / Vue types generated from the Custom
// Elements Manifest (tsc, vue-tsc; their `@ts-expect-error` / `@vue-expect-error` lines prove the
// types reject mistakes), built with its own Vite config, served over HTTP and opened in the system
// Chromium on the embedded mock backend, where a resident books a service through the UI.
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures } from '@bianmin/mock';
import { collectElements, frameworkTypes, readManifest, elementsDir } from '../../scripts/gen-framework-types.js';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const { chromePath, chromiumArgs } = (await import(pathToFileURL(join(rootDir, 'scripts/chrome.mjs')).href)) as {
  chromePath(): string;
  chromiumArgs: string[];
};

const EXAMPLES = ['react', 'vue'] as const;
type Example = (typeof EXAMPLES)[number];

/**
 * Runs a node tool from node_modules/.bin; resolves with its output, rejects with it on a non-zero
 * exit. NODE_ENV is production, not Vitest's `test`: under `test` Vite would build with the
 * `development` export condition (Lit's dev build).
 */
function run(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production' };
    execFile(join(rootDir, 'node_modules/.bin', bin), args, { cwd: rootDir, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error) reject(new Error(`${bin} ${args.join(' ')} failed:\n${output}`));
      else resolve(output);
    });
  });
}

// Type-checks start at once and run beside the builds and the browser; each test awaits its own.
const typecheck: Record<Example, Promise<string>> = {
  react: run('tsc', ['-p', 'docs/examples/react/tsconfig.json', '--noEmit']),
  vue: run('vue-tsc', ['-p', 'docs/examples/vue/tsconfig.json', '--noEmit']),
};
// Not unhandled while the tests before theirs run; their own test still sees the rejection.
for (const p of Object.values(typecheck)) p.catch(() => undefined);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves a built example on 127.0.0.1 at a free port. */
async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the static server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('generated framework types', () => {
  it('are what scripts/gen-framework-types.ts makes of custom-elements.json now (run `npm run types:frameworks`)', async () => {
    for (const [path, text] of Object.entries(frameworkTypes(readManifest()))) {
      expect(await readFile(join(elementsDir, path), 'utf8'), path).toBe(text);
    }
  });

  it('give every element of the manifest a JSX and a Vue entry, and each of its events', () => {
    const manifest = readManifest();
    const elements = collectElements(manifest);
    const files = frameworkTypes(manifest);
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName);
    expect(elements.map((e) => e.tag).sort()).toEqual([...tags].sort());
    for (const { tag, className, events } of elements) {
      expect(files['types/jsx.d.ts']).toContain(`'${tag}': JsxProps<'${tag}'>;`);
      expect(files['types/vue.d.ts']).toContain(`'${tag}': DefineComponent<VueProps<'${tag}'>>;`);
      for (const e of events) expect(files['types/elements.d.ts']).toContain(`'${e.name}': EventOf<'${e.name}'>;`);
      expect(files['types/elements.d.ts']).toContain(`export interface ${className}Events {`);
    }
    // Attributes named unlike their property are attributes for the frameworks; the rest are properties.
    const menu = elements.find((e) => e.tag === 'bm-service-menu')!;
    expect(menu.attributes.map((a) => a.name)).toContain('for');
    expect(menu.properties.map((p) => p.name)).toContain('htmlFor');
    const form = elements.find((e) => e.tag === 'bm-booking-form')!;
    expect(form.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(['service-id', 'contact-name']));
    expect(form.properties.map((p) => p.name)).not.toContain('item'); // read-only
  });
});

describe.each(EXAMPLES)('the %s example', (example) => {
  it('type-checks with its own tsconfig, the generated types rejecting the mistakes it lists', async () => {
    await expect(typecheck[example]).resolves.toBeDefined();
  });
});

describe('the examples in Chromium on the embedded mock', () => {
  // The catalog the mock serves: the published price list of the fixtures.
  const published = createFixtures(new Date()).priceLists.find((p) => p.status === 'published')!;
  const online = published.items.filter((i) => i.bookingModes.includes('online'));

  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'bianmin-examples-'));
    // One build at a time: two cores, and the browser starts beside them.
    const launched = chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
    for (const example of EXAMPLES) {
      await run('vite', ['build', '--config', `docs/examples/${example}/vite.config.ts`, '--outDir', join(outDir, example), '--emptyOutDir', '--logLevel', 'warn']);
    }
    browser = await launched;
  });

  afterAll(async () => {
    await browser?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  /** A fresh context (own service worker and storage) on the built example; collects page errors. */
  async function open(example: Example): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
    const server = await serve(join(outDir, example));
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    await page.goto(server.url);
    return {
      page,
      problems,
      close: async () => {
        await context.close();
        await server.close();
      },
    };
  }

  it.each(EXAMPLES)('%s: the widgets load the catalog, a booking is made through the UI, and the app hears of it', async (example) => {
    const { page, problems, close } = await open(example);
    try {
      // The provider got `base-url` (attribute) and `getToken` (property): the menu counts the whole
      // catalog and renders its first page.
      const menu = page.locator('bm-service-menu');
      await menu.locator('[part~=result-count]', { hasText: `共 ${published.items.length} 项服务` }).waitFor();
      const shown = await menu.locator('[part~=item]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['id']!));
      expect(shown).toHaveLength(Math.min(12, published.items.length));
      expect(await menu.locator('[part~=book-button]').count(), 'a book button for each service bookable online').toBe(
        shown.filter((id) => online.some((i) => i.id === id)).length,
      );
      // The app's `bm-provider-ready` handler renders the compound's name.
      await page.getByRole('heading', { level: 1, name: '翠湖花园 便民服务' }).waitFor();

      // The headless store (no Lit) counted the resident's upcoming bookings.
      const count = page.locator('[data-upcoming]');
      await count.waitFor();
      const before = Number(await count.getAttribute('data-upcoming'));

      // Choose a service in the menu: the app's `bm-service-select` handler shows it, and `for` hands it to the form.
      const washer = published.items.find((i) => i.id === 'svc-washer-install')!;
      await menu.getByRole('searchbox').fill(washer.name['zh-CN']);
      await menu.getByRole('button', { name: `预约：${washer.name['zh-CN']}` }).click();
      await page.locator('[data-chosen]', { hasText: washer.name['zh-CN'] }).waitFor();
      expect(await page.locator('bm-booking-form').evaluate((form: HTMLElementTagNameMap['bm-booking-form']) => form.serviceId)).toBe(washer.id);

      // Book it: the app's `bm-booking-created` handler shows the number and the contact, which is the
      // app's prefill (a property), not the household's first contact.
      await page.locator('bm-booking-form [part~=submit]').click();
      const notice = page.locator('[data-created]');
      await notice.waitFor();
      const number = (await notice.getAttribute('data-created'))!;
      expect(number).toMatch(/^BM-\d{8}-\d{4}$/);
      expect(await notice.textContent()).toContain('联系人 黄俊杰');

      // The list (refreshed through its ref) shows it, and the store counts one more.
      await page.locator('bm-booking-list').getByText(number).waitFor();
      await page.locator(`[data-upcoming="${before + 1}"]`).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
