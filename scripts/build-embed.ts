// Zero-build embed bundles of @bianmin/elements: `npm run build:embed`, and the last step of the
// elements package's own build (so `npm run build` writes them).
//
//   packages/elements/dist/embed/bianmin.js            every define/* entry + the SDK root + Lit
//   packages/elements/dist/embed/bianmin-fee-board.js  bm-provider + bm-fee-board only (lobby screens)
// (each with a .d.ts beside it that re-exports the typed modules it bundles)
//
// One ES module each, built with the options every bundle of the kit shares (scripts/kit-build.mjs:
// minified, es2021, Lit in production mode, the static text of the elements' css`` and html``
// literals minified) and the bundled libraries' licences named in the banner, so a plain HTML page
// needs nothing but
//   <script type="module" src=".../bianmin.js"></script>
// bianmin.js also exports what the package root and the SDK root export (BmProvider, createClient,
// formatPrice, …) and Lit's LitElement/html/css/svg/nothing, so page code can share the same copy.
//
// `--example` also builds docs/examples/embed/mock-api.js (msw + the mock compound; never part of
// the kit) and copies msw's worker next to it; `--serve [port]` then serves the example page on
// 127.0.0.1 (default port 5180).
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { kitBuildOptions } from './kit-build.mjs';

export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const elementsDir = join(rootDir, 'packages/elements');
export const embedDir = join(elementsDir, 'dist/embed');
export const exampleDir = join(rootDir, 'docs/examples/embed');

/** Every define/* entry, read from the folder so a new widget is in the bundle without a change here. */
export function defineEntries(): string[] {
  return readdirSync(join(elementsDir, 'src/define'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

const LIT_EXPORTS = ['LitElement', 'html', 'css', 'svg', 'nothing'];

/** The two bundles: file name in dist/embed → entry module source. */
export function embedEntries(): Record<string, string> {
  const defines = defineEntries().map((d) => `import '@bianmin/elements/define/${d}';`);
  return {
    'bianmin.js': [
      ...defines,
      `export * from '@bianmin/elements';`,
      `export * from '@bianmin/sdk';`,
      `export { ${LIT_EXPORTS.join(', ')} } from 'lit';`,
    ].join('\n'),
    'bianmin-fee-board.js': [
      `import '@bianmin/elements/define/provider';`,
      `export * from '@bianmin/elements/define/fee-board';`,
    ].join('\n'),
  };
}

const version = (JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8')) as { version: string }).version;

/** The kit's esbuild options (scripts/kit-build.mjs) with this entry: a file, or a module's text. */
function options(entry: { contents: string } | { file: string }): BuildOptions {
  return {
    ...kitBuildOptions(),
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: elementsDir, sourcefile: 'embed-entry.js', loader: 'js' as const } }),
    logLevel: 'warning',
  };
}

/** Names a module exports once bundled (esbuild's metafile). */
async function exportsOf(specifier: string): Promise<string[]> {
  const out = await build({ ...options({ contents: `export * from '${specifier}';` }), write: false, metafile: true, outfile: join(embedDir, 'x.js') });
  return Object.values(out.metafile.outputs)[0]?.exports ?? [];
}

/**
 * `export *` from two modules silently drops a name both export (ES module rules), so a name
 * shared by the elements root, the SDK root and Lit fails the build instead.
 */
async function assertNoExportClash(): Promise<void> {
  const [elements, sdk] = await Promise.all([exportsOf('@bianmin/elements'), exportsOf('@bianmin/sdk')]);
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const [from, names] of [['@bianmin/elements', elements], ['@bianmin/sdk', sdk], ['lit', LIT_EXPORTS]] as const) {
    for (const n of names) {
      const other = seen.get(n);
      if (other) clashes.push(`${n} (${other} and ${from})`);
      else seen.set(n, from);
    }
  }
  if (clashes.length > 0) throw new Error(`embed: names exported twice, rename one: ${clashes.join(', ')}`);
}

export interface EmbedFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** Writes dist/embed/*.js; returns their sizes. */
export async function buildEmbed(): Promise<EmbedFile[]> {
  await assertNoExportClash();
  mkdirSync(embedDir, { recursive: true });
  const files: EmbedFile[] = [];
  for (const [file, contents] of Object.entries(embedEntries())) {
    const outfile = join(embedDir, file);
    await build({
      ...options({ contents }),
      outfile,
      banner: { js: `/*! @bianmin/elements ${version} ${file} | MIT | includes Lit (BSD-3-Clause, Copyright Google LLC) and zod (MIT, Copyright Colin McDonnell) */` },
    });
    const code = readFileSync(outfile);
    files.push({ file, bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength });
    writeFileSync(outfile.replace(/\.js$/, '.d.ts'), EMBED_TYPES[file] ?? '');
  }
  return files;
}

/** Types for `import … from '@bianmin/elements/embed/…'`: the same as the modules they bundle. */
const EMBED_TYPES: Record<string, string> = {
  'bianmin.js': `export * from '../index.js';\nexport * from '@bianmin/sdk';\nexport { ${LIT_EXPORTS.join(', ')} } from 'lit';\n`,
  'bianmin-fee-board.js': `export * from '../define/fee-board.js';\n`,
};

/** The example's mock API: docs/examples/embed/mock-api.ts bundled, and msw's worker beside it. */
export async function buildExampleMock(): Promise<void> {
  await build({
    ...options({ file: join(exampleDir, 'mock-api.ts') }),
    outfile: join(exampleDir, 'mock-api.js'),
  });
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve('msw/mockServiceWorker.js'), join(exampleDir, 'mockServiceWorker.js'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Only these folders are served: the example pages, the embed bundles and the themes. */
const SERVED = ['docs/examples/embed', 'packages/elements/dist/embed', 'packages/elements/themes'];

/** A static server for the example pages on 127.0.0.1 (port 0: any free port). */
export async function serveExample(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(rootDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    const allowed = SERVED.some((dir) => file.startsWith(join(rootDir, dir) + sep));
    if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/docs/examples/embed/`,
    close: () => new Promise<void>((ok, ko) => server.close((e) => (e ? ko(e) : ok()))),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const serve = args.indexOf('--serve');
  const files = await buildEmbed();
  for (const f of files) {
    console.log(`embed: packages/elements/dist/embed/${f.file}  ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzip`);
  }
  if (args.includes('--example') || serve >= 0) {
    await buildExampleMock();
    console.log('embed: docs/examples/embed/mock-api.js and mockServiceWorker.js (example only)');
  }
  if (serve >= 0) {
    const port = Number(args[serve + 1]) || 5180;
    const { url } = await serveExample(port);
    console.log(`embed: example at ${url} (Ctrl+C stops)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
