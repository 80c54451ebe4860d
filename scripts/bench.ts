// Speed and memory: `npm run bench`. Not a test and not in CI: machines are noisy, so this prints
// figures (ratios measured side by side in one run, medians after a warm-up) for a person to read.
//
// It bundles test/bench/page.ts as an app ships it (the kit's esbuild options, scripts/kit-build.mjs,
// with an es2022 target) with the data of test/bench/fixtures.ts into a temporary folder, serves it
// on 127.0.0.1, drives the system Chromium through playwright-core, prints a table, and writes
// test/bench/results.json and docs/benchmarks.md.
//   a. <bm-fee-board layout="embedded">, first render of 1,000 rows ÷ a plain createElement table of them
//      (both to their first frame)
//   b. <bm-service-menu> over 1,000 services, CPU throttled 4×: a search keystroke to the next frame
//   c. <bm-loan-ledger> with 10,000 loans ÷ a plain 10,000-row table (the ledger is virtualized)
//   d. JSON.parse + PriceList.safeParse of a 1,000-service catalog ÷ JSON.parse alone
//   e. JS heap after GC, growth across 10,000 fee-board refreshes driven by the board's clock
// Render times run from creating the element to the document laid out (script, style, layout); the
// fee board and its table, to their first frame (what the browser leaves for the frame counts too).
// `npm run bench -- --only=bd` runs some of the measures and prints them without writing the files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { kitBuildOptions } from './kit-build.mjs';
import { benchData } from '../test/bench/fixtures.js';
import type { Timing } from '../test/bench/page.js';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromePath, chromiumArgs } = (await import(pathToFileURL(join(rootDir, 'scripts/chrome.mjs')).href)) as {
  chromePath: () => string;
  chromiumArgs: string[];
};

const MB = 1024 * 1024;
const started = performance.now();
/** The machine's 1-minute load average as the run starts: above its core count, other work competes. */
const loadAtStart = loadavg()[0] ?? 0;
/** The measures to run (`--only=ad`), all by default; a partial run writes no files. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const want = (id: string): boolean => only === undefined || only.includes(id);
const log = (msg: string): void => console.error(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

// ─── build and serve the page ──────────────────────────────────────────────────────────────────

const outDir = mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
log('building the bench page and its data');
await build({
  ...kitBuildOptions(),
  entryPoints: [join(rootDir, 'test/bench/page.ts')],
  outfile: join(outDir, 'page.js'),
  target: 'es2022',
  logLevel: 'warning',
});
writeFileSync(join(outDir, 'data.json'), JSON.stringify(await benchData()));
writeFileSync(
  join(outDir, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head>' +
    '<body style="margin:0"><div id="stage"></div><script type="module" src="./page.js"></script></body></html>',
);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/+/, '') || 'index.html';
  if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
  try {
    const body = readFileSync(join(outDir, name));
    res.writeHead(200, { 'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
const chromiumVersion = browser.version();

async function openPage(): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

const gc = (cdp: CDPSession): Promise<unknown> => cdp.send('HeapProfiler.collectGarbage');

/** Chromium's own counters of time spent in style recalculation and layout, in ms, so far. */
async function styleLayout(cdp: CDPSession): Promise<{ style: number; layout: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

/** Runs `fn` and adds the style and layout time Chromium spent meanwhile. */
async function withStyleLayout<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ value: T; style: number; layout: number }> {
  const before = await styleLayout(cdp);
  const value = await fn();
  const after = await styleLayout(cdp);
  return { value, style: after.style - before.style, layout: after.layout - before.layout };
}

// ─── statistics ────────────────────────────────────────────────────────────────────────────────

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
/** Three significant digits: 1.81, 0.0041. */
const sig = (x: number): number => Number(x.toPrecision(3));

/**
 * Runs `a` and `b` alternately (`warm` unmeasured pairs first), with a GC before every sample so
 * that no sample pays for the garbage of the one before.
 */
async function sideBySide(cdp: CDPSession, runs: number, warm: number, a: () => Promise<Timing>, b: () => Promise<Timing>) {
  type Sample = Timing & { style: number; layout: number };
  const as: Sample[] = [];
  const bs: Sample[] = [];
  const sample = async (fn: () => Promise<Timing>): Promise<Sample> => {
    await gc(cdp);
    const { value, style, layout } = await withStyleLayout(cdp, fn);
    return { ...value, style, layout };
  };
  for (let i = 0; i < warm + runs; i++) {
    const x = await sample(a);
    const y = await sample(b);
    if (i >= warm) {
      as.push(x);
      bs.push(y);
    }
  }
  const pick = (ts: Sample[], k: keyof Sample) => ts.map((t) => round(t[k]));
  const [medianA, medianB] = [median(pick(as, 'ms')), median(pick(bs, 'ms'))];
  /** `123.4 ms (script 56.7, style 30.1, layout 20.0)`: the whole; the part before the final layout; Chromium's style and layout time. */
  const describe = (ts: Sample[], m: number) =>
    `${m.toFixed(1)} ms (script ${median(pick(ts, 'scriptMs')).toFixed(1)}, style ${median(pick(ts, 'style')).toFixed(1)}, layout ${median(pick(ts, 'layout')).toFixed(1)})`;
  return {
    a: { ms: pick(as, 'ms'), scriptMs: pick(as, 'scriptMs'), styleMs: pick(as, 'style'), layoutMs: pick(as, 'layout') },
    b: { ms: pick(bs, 'ms'), scriptMs: pick(bs, 'scriptMs'), styleMs: pick(bs, 'style'), layoutMs: pick(bs, 'layout') },
    ratio: medianA / medianB,
    medianA,
    medianB,
    describeA: describe(as, medianA),
    describeB: describe(bs, medianB),
  };
}

interface Row {
  id: string;
  measure: string;
  value: number;
  unit: '×' | 'ms' | 'MB';
  target: number;
  detail: string;
  samples: Record<string, unknown>;
}
const rows: Row[] = [];

// ─── a. fee board ──────────────────────────────────────────────────────────────────────────────

if (want('a') || want('d')) try {
  const { page, cdp } = await openPage();
  if (want('a')) {
    log('a. fee board, first render of 1,000 rows against a plain table');
    const r = await sideBySide(
      cdp,
      9,
      2,
      () => page.evaluate(() => window.bench.feeBoardFirstRender()),
      () => page.evaluate(() => window.bench.feeTableFirstRender()),
    );
    rows.push({
      id: 'a',
      measure: 'fee board, first render of 1,000 rows ÷ plain createElement table',
      value: sig(r.ratio),
      unit: '×',
      target: 1.25,
      detail: `board ${r.describeA} ÷ table ${r.describeB}`,
      samples: { board: r.a, table: r.b },
    });
  }

  // ─── d. catalog validation (same page, no throttling) ──────────────────────────────────────
  if (want('d')) {
    log('d. validating a 1,000-service catalog against JSON.parse alone');
    const reps = 5;
    const v = await sideBySide(
      cdp,
      9,
      2,
      () => page.evaluate((n) => window.bench.parseAndValidate(n), reps),
      () => page.evaluate((n) => window.bench.parseOnly(n), reps),
    );
    rows.push({
      id: 'd',
      measure: 'catalog of 1,000 services: JSON.parse + PriceList.safeParse ÷ JSON.parse alone',
      value: sig(v.ratio),
      unit: '×',
      target: 4,
      detail: `${v.medianA.toFixed(2)} ms ÷ ${v.medianB.toFixed(2)} ms; safeParse alone ${((v.medianA - v.medianB) / v.medianB).toFixed(2)}× JSON.parse`,
      samples: { parseAndValidate: v.a, parseOnly: v.b, repsPerSample: reps },
    });
  }
  await page.close();
} catch (e) {
  log(`a/d failed: ${e instanceof Error ? e.message : String(e)}`);
}

// ─── b. service menu keystroke, CPU 4× slower ──────────────────────────────────────────────────

if (want('b')) try {
  const { page, cdp } = await openPage();
  log('b. service menu, search keystrokes over 1,000 services, CPU throttled 4×');
  await page.evaluate(() => window.bench.menuSetup());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Narrowing and widening in turn: "1" (a few hundred match), "12" (a few), "1", "" (all 1,000).
  const keys = ['1', '2', 'Backspace', 'Backspace'];
  const warm = 4;
  const samples: number[] = [];
  const scripts: number[] = [];
  const styles: number[] = [];
  const layouts: number[] = [];
  const shown: number[] = [];
  for (let i = 0; i < warm + 16; i++) {
    await gc(cdp);
    await page.evaluate(() => window.bench.menuArm());
    const { value, style, layout } = await withStyleLayout(cdp, async () => {
      await page.keyboard.press(keys[i % keys.length]!);
      return page.evaluate(() => window.bench.menuKeystroke());
    });
    if (i >= warm) {
      samples.push(round(value.ms));
      scripts.push(round(value.scriptMs));
      styles.push(round(style));
      layouts.push(round(layout));
      shown.push(await page.evaluate(() => window.bench.menuShown()));
    }
  }
  // For reference, the same keystrokes at the machine's own speed.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const unthrottled: number[] = [];
  for (let i = 0; i < 4 + 8; i++) {
    await gc(cdp);
    await page.evaluate(() => window.bench.menuArm());
    await page.keyboard.press(keys[i % keys.length]!);
    const { ms } = await page.evaluate(() => window.bench.menuKeystroke());
    if (i >= 4) unthrottled.push(round(ms));
  }
  const sorted = [...samples].sort((x, y) => x - y);
  rows.push({
    id: 'b',
    measure: 'service menu, 1,000 services, CPU 4× slower: search keystroke → next frame (median)',
    value: round(median(samples), 1),
    unit: 'ms',
    target: 50,
    detail:
      `${samples.length} keystrokes (to render done ${median(scripts).toFixed(1)} ms, style ${median(styles).toFixed(1)}, layout ${median(layouts).toFixed(1)}), ` +
      `slowest ${sorted[sorted.length - 1]} ms; ` +
      `${Math.min(...shown)}–${Math.max(...shown)} services shown; ` +
      `unthrottled median ${median(unthrottled).toFixed(1)} ms`,
    samples: { keystrokes: samples, toRenderDone: scripts, styleMs: styles, layoutMs: layouts, servicesShown: shown, keys, unthrottled },
  });
  await page.close();
} catch (e) {
  log(`b failed: ${e instanceof Error ? e.message : String(e)}`);
}

// ─── c. loan ledger ────────────────────────────────────────────────────────────────────────────

if (want('c')) try {
  const { page, cdp } = await openPage();
  log('c. loan ledger with 10,000 loans against a plain 10,000-row table');
  const r = await sideBySide(
    cdp,
    7,
    1,
    () => page.evaluate(() => window.bench.ledgerFirstRender()),
    () => page.evaluate(() => window.bench.loanTableFirstRender()),
  );
  rows.push({
    id: 'c',
    measure: 'loan ledger, first render with 10,000 loans ÷ plain 10,000-row table',
    value: sig(r.ratio),
    unit: '×',
    target: 0.1,
    detail: `ledger ${r.describeA} ÷ table ${r.describeB}`,
    samples: { ledger: r.a, table: r.b },
  });
  await page.close();
} catch (e) {
  log(`c failed: ${e instanceof Error ? e.message : String(e)}`);
}

// ─── e. heap across refreshes ──────────────────────────────────────────────────────────────────

if (want('e')) try {
  const { page, cdp } = await openPage();
  log('e. heap across 10,000 fee-board refreshes');
  const heap = async (): Promise<number> => {
    await gc(cdp);
    await gc(cdp);
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  await page.evaluate(() => window.bench.refreshSetup());
  await page.evaluate(() => window.bench.refreshRun(500)); // warm-up: caches, JIT, the first re-renders
  const before = await heap();
  const trace: number[] = [];
  const total = 10_000;
  for (let done = 0; done < total; done += 1000) {
    await page.evaluate(() => window.bench.refreshRun(1000));
    trace.push(round((await heap()) / MB, 3));
    log(`   ${done + 1000} refreshes, heap ${trace[trace.length - 1]} MB`);
  }
  const after = await heap();
  rows.push({
    id: 'e',
    measure: 'fee board, JS heap growth after GC across 10,000 refreshes',
    value: round((after - before) / MB, 3),
    unit: 'MB',
    target: 1,
    detail: `${(before / MB).toFixed(2)} MB → ${(after / MB).toFixed(2)} MB`,
    samples: { beforeBytes: before, afterBytes: after, heapMbPerThousand: trace },
  });
  await page.close();
} catch (e) {
  log(`e failed: ${e instanceof Error ? e.message : String(e)}`);
}

await browser.close();
server.close();
rmSync(outDir, { recursive: true, force: true });
if (only !== undefined) {
  for (const r of rows) console.log(`${r.id}. ${r.measure}: ${r.value}${r.unit === '×' ? '×' : ` ${r.unit}`} (target ≤ ${r.target}) ${r.detail}`);
  process.exit(rows.length ? 0 : 1);
}

// ─── report ────────────────────────────────────────────────────────────────────────────────────

rows.sort((x, y) => x.id.localeCompare(y.id));
const fmt = (v: number, unit: Row['unit']): string => (unit === '×' ? `${v}×` : `${v} ${unit}`);
const table = rows.map((r) => ({
  measure: `${r.id}. ${r.measure}`,
  value: fmt(r.value, r.unit),
  target: `≤ ${fmt(r.target, r.unit)}`,
  result: r.value <= r.target ? 'pass' : 'miss',
  detail: r.detail,
}));

const cells = [['measure', 'value', 'target', 'result', 'detail'], ...table.map((t) => [t.measure, t.value, t.target, t.result, t.detail])];
const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n'));

const date = new Date().toISOString().slice(0, 10);
const cores = cpus().length;
const results = {
  generatedAt: new Date().toISOString(),
  chromium: chromiumVersion,
  cores,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverageAtStart: round(loadAtStart, 1),
  seconds: round((performance.now() - started) / 1000, 1),
  results: rows.map((r) => ({ ...r, pass: r.value <= r.target })),
};
mkdirSync(join(rootDir, 'test/bench'), { recursive: true });
writeFileSync(join(rootDir, 'test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const md = `# Benchmarks

\`npm run bench\` (scripts/bench.ts) measures the widgets in Chromium on a minified build of
test/bench/page.ts, fed from memory (no network while measuring). Each figure is a median after a
warm-up; ratios compare two things measured side by side in the same run. Render times run from
creating the element to the document laid out (script, style and layout; paint excluded); for the
fee board and its plain table, to the first frame after that (rows that come into view in that
frame count, paint included), less the idle wait for that frame to start, which moves with the
display's clock and not with the work. The keystroke runs from the input event's time stamp to the frame
after the menu re-rendered. Not part of \`npm test\` or CI: it prints figures for a person to read. The full samples are in
test/bench/results.json.

Run of ${date}: Chromium ${chromiumVersion}, ${cores} cores (${results.cpu}), Node ${process.version},
load average ${loadAtStart.toFixed(1)} as the run started.
These figures are from one run on a shared 2-core machine: read the ratios, not the milliseconds,
and expect them to move by tens of percent from one run to the next.

| measure | value | target | result | detail |
| --- | --- | --- | --- | --- |
${table.map((t) => `| ${t.measure} | ${t.value} | ${t.target} | ${t.result} | ${t.detail} |`).join('\n')}
`;
mkdirSync(join(rootDir, 'docs'), { recursive: true });
writeFileSync(join(rootDir, 'docs/benchmarks.md'), md);
log(`wrote test/bench/results.json and docs/benchmarks.md (${rows.length}/5 measures)`);
if (rows.length < 5) process.exitCode = 1;
