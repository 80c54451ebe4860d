// Packaging check: `npm run pack:check`, after `npm run build` (CI's packaging step).
//
// For each published package (the root's workspaces not marked private: sdk, mock, elements, …):
//   1. `npm pack`: what the tarball holds is what `files` says (dist, src, …), every export target
//      is in it, and no test, config or build-info file leaks in;
//   2. publint on that tarball (warnings fail, suggestions are printed);
//   3. @arethetypeswrong/cli on that tarball: every entry point's types resolve under node16 (ESM)
//      and bundler resolution (the packages are ESM-only: require() and node10 are not supported).
// Then, in a scratch project outside the repository:
//   4. `npm install` of all the tarballs together (their own deps — lit, zod, msw — from npm's
//      cache or the registry), and Node imports every Node entry, serves the mock over HTTP and reads the
//      price list through the SDK;
//   5. esbuild bundles every browser entry (elements root, define/*, the embed bundles, mock/browser)
//      from the installed packages;
//      (types-only subpaths such as elements/jsx and /vue need React or Vue: attw checks those)
//   6. tsc compiles a consumer that imports every entry under node16 (with skipLibCheck off, so our
//      .d.ts files are checked too), bundler, and bundler with the `browser` condition.
// Exit 1 on any failure. `--keep` keeps the scratch folder and prints its path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const failures: string[] = [];
const fail = (msg: string) => {
  failures.push(msg);
  console.error(`  FAIL ${msg}`);
};
const ok = (msg: string) => console.log(`  ok   ${msg}`);
const started = Date.now();
const stage = (name: string) => console.log(`pack-check: ${name}  (${Math.round((Date.now() - started) / 1000)}s)`);

interface Manifest {
  name: string;
  version: string;
  files: string[];
  exports: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
}
interface Pkg {
  dir: string;
  manifest: Manifest;
  tarball: string;
  files: string[];
}

/** The published packages: the root's workspaces that are not private. */
const workspaces = (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces
  .map((w) => join(rootDir, w))
  .filter((dir) => !(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { private?: boolean }).private);

const defineNames = readdirSync(join(rootDir, 'packages/elements/src/define'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
/** What a wildcard export stands for (the files a consumer imports). */
const WILDCARDS: Record<string, string[]> = {
  '@bianmin/elements/define/*': defineNames,
  '@bianmin/elements/embed/*': ['bianmin.js', 'bianmin-fee-board.js'],
};
/** Entries that touch HTMLElement, customElements or the service worker API when loaded. */
const isBrowserEntry = (specifier: string) => specifier.startsWith('@bianmin/elements') || specifier === '@bianmin/mock/browser';

interface Entries {
  node: string[];
  browser: string[];
  /** Types-only subpaths (framework typings such as ./jsx, ./vue): checked by attw, not imported. */
  typesOnly: string[];
}

/** A package's code entry points, from its export map (JSON, CSS and package.json left out). */
function entriesOf(manifest: Manifest): Entries & { attwExtra: string[] } {
  const out: Entries & { attwExtra: string[] } = { node: [], browser: [], typesOnly: [], attwExtra: [] };
  for (const [subpath, value] of Object.entries(manifest.exports)) {
    if (/\.(json|css)$/.test(subpath) || subpath.startsWith('./themes/')) continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const expanded = specifier.endsWith('*') ? (WILDCARDS[specifier] ?? []).map((n) => specifier.replace('*', n)) : [specifier];
    if (specifier.endsWith('*')) {
      if (!WILDCARDS[specifier]) throw new Error(`pack-check: add ${specifier} to WILDCARDS`);
      out.attwExtra.push(...expanded.map((e) => `.${e.slice(manifest.name.length)}`));
    }
    const typesOnly = typeof value === 'object' && Object.keys(value).every((k) => k === 'types');
    for (const e of expanded) (typesOnly ? out.typesOnly : isBrowserEntry(e) ? out.browser : out.node).push(e);
  }
  return out;
}

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** Test files, configs and build info must never be published. */
const LEAK = /(^|\/)(test|tests|__tests__|__mocks__)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$|tsconfig[^/]*\.json$|\.tsbuildinfo$|(^|\/)\.[^/]+$/;

/** Every string target of an export map entry (all conditions), without the `source` condition's .ts. */
function exportTargets(value: string | Record<string, string>): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}

function checkContents(pkg: Pkg): void {
  const { manifest, files } = pkg;
  const allowed = (f: string) =>
    f === 'package.json' || /^(readme|license|changelog)(\.md)?$/i.test(f) || manifest.files.some((entry) => f === entry || f.startsWith(`${entry.replace(/\/$/, '')}/`));
  const stray = files.filter((f) => !allowed(f));
  if (stray.length) fail(`${manifest.name}: files outside "files": ${stray.slice(0, 5).join(', ')}`);
  const leaks = files.filter((f) => LEAK.test(f));
  if (leaks.length) fail(`${manifest.name}: tests, configs or build info in the tarball: ${leaks.slice(0, 5).join(', ')}`);
  const missing: string[] = [];
  for (const [subpath, value] of Object.entries(manifest.exports)) {
    for (const target of exportTargets(value)) {
      const t = target.replace(/^\.\//, '');
      const found = t.includes('*') ? files.some((f) => new RegExp(`^${t.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`).test(f)) : files.includes(t);
      if (!found) missing.push(`${subpath} → ${target}`);
    }
  }
  for (const target of Object.values(manifest.bin ?? {})) if (!files.includes(target.replace(/^\.\//, ''))) missing.push(`bin → ${target}`);
  if (missing.length) fail(`${manifest.name}: export targets not in the tarball: ${missing.join(', ')}`);
  if (!stray.length && !leaks.length && !missing.length) {
    const tops = [...new Set(files.map((f) => f.split('/')[0]))].sort().join(', ');
    ok(`${manifest.name}: ${files.length} files (${tops}); every export target present; no tests or configs`);
  }
}

async function checkPublint(pkg: Pkg): Promise<void> {
  const tarball = readFileSync(pkg.tarball);
  // The tarball alone: publint sees exactly what would be published.
  const { messages, pkg: json } = await publint({
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer },
  });
  for (const m of messages) {
    const line = `${pkg.manifest.name}: publint ${m.type}: ${formatMessage(m, json, { color: false }) ?? m.code}`;
    if (m.type === 'suggestion') console.log(`  note ${line}`);
    else fail(line);
  }
  if (!messages.some((m) => m.type !== 'suggestion')) ok(`${pkg.manifest.name}: publint: no errors or warnings`);
}

interface AttwResult {
  analysis: {
    entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string; isTypeScript: boolean } }> }>;
    problems: { kind: string; entrypoint: string; resolutionKind?: string }[];
  };
}

function checkTypes(pkg: Pkg): void {
  const extra = entriesOf(pkg.manifest).attwExtra;
  const include = extra.length ? ['--include-entrypoints', ...extra] : [];
  let out: string;
  try {
    out = run(process.execPath, [join(rootDir, 'node_modules/@arethetypeswrong/cli/dist/index.js'), pkg.tarball, '--profile', 'esm-only', '--format', 'json', ...include], rootDir);
  } catch (e) {
    // attw exits 1 when it finds problems; the JSON is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  let result: AttwResult;
  try {
    result = JSON.parse(out) as AttwResult;
  } catch {
    fail(`${pkg.manifest.name}: attw printed no JSON (${out.slice(0, 200)})`);
    return;
  }
  const kinds = ['node16-esm', 'bundler'];
  const problems = result.analysis.problems.filter((p) => !p.resolutionKind || kinds.includes(p.resolutionKind));
  for (const p of problems) fail(`${pkg.manifest.name}: attw ${p.kind} at ${p.entrypoint} (${p.resolutionKind ?? 'all'})`);
  const typed = Object.entries(result.analysis.entrypoints).filter(([, e]) =>
    kinds.every((k) => e.resolutions[k]?.resolution?.isTypeScript || e.resolutions[k]?.resolution?.fileName.endsWith('.json')),
  );
  if (!problems.length) ok(`${pkg.manifest.name}: attw: ${typed.length} entry points resolve to types under node16 (ESM) and bundler`);
}

function writeScratch(dir: string, { node, browser }: Entries): void {
  const nodeChecks = node.map((e) => `  ['${e}', await import('${e}')],`).join('\n');
  writeFileSync(
    join(dir, 'node-check.mjs'),
    `// Imports every Node entry of the installed tarballs, then serves the mock and reads the price list through the SDK.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const loaded = [
${nodeChecks}
];
for (const [name, mod] of loaded) {
  const n = Object.keys(mod).length;
  if (n === 0) throw new Error(name + ' exports nothing');
  console.log('    ' + name + ': ' + n + ' exports');
}
const require = createRequire(import.meta.url);
const openapi = JSON.parse(readFileSync(require.resolve('@bianmin/sdk/openapi.json'), 'utf8'));
if (!String(openapi.openapi).startsWith('3.')) throw new Error('@bianmin/sdk/openapi.json is not an OpenAPI 3 document');
const { startMockServer } = await import('@bianmin/mock/server');
const { createClient } = await import('@bianmin/sdk');
const server = await startMockServer({ port: 0 });
try {
  const list = await createClient({ baseUrl: server.url }).catalog.current();
  if (list.items.length === 0) throw new Error('the price list read through the installed SDK is empty');
  console.log('    mock server + SDK client: price list ' + list.version + ' (' + list.items.length + ' services) read over HTTP');
} finally {
  await server.close();
}
`,
  );
  const typeImports = [...node, ...browser].map((e, i) => `import * as m${i} from '${e}';`).join('\n');
  writeFileSync(
    join(dir, 'consumer.ts'),
    `${typeImports}
import type { BmProvider } from '@bianmin/elements';
import { createClient, type PriceList } from '@bianmin/sdk';
export const all = [${[...node, ...browser].map((_, i) => `m${i}`).join(', ')}];
export async function firstCategory(provider: BmProvider): Promise<string | undefined> {
  const client = createClient({ baseUrl: provider.baseUrl ?? '/api' });
  const list: PriceList = await client.catalog.current();
  return list.categories[0]?.id;
}
const board: HTMLElementTagNameMap['bm-fee-board'] = document.createElement('bm-fee-board');
export { board };
`,
  );
  // Checking every .d.ts (ours and lit's, zod's, msw's, Node's) is the slow part: done once, under
  // node16, the strictest resolution; the other two check resolution and the consumer only.
  const base = { strict: true, noEmit: true, skipLibCheck: true, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'] };
  const configs = {
    node16: { ...base, module: 'Node16', moduleResolution: 'Node16', skipLibCheck: false },
    bundler: { ...base, module: 'ESNext', moduleResolution: 'Bundler' },
    browser: { ...base, module: 'ESNext', moduleResolution: 'Bundler', customConditions: ['browser'] },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
  }
}

async function main(): Promise<void> {
  const missing = workspaces.filter((dir) => !existsSync(join(dir, 'dist/index.js'))).map((dir) => dir.slice(rootDir.length + 1));
  if (!existsSync(join(rootDir, 'packages/elements/dist/embed/bianmin.js'))) missing.push('elements (embed)');
  if (missing.length) {
    console.error(`pack-check: no build for ${missing.join(', ')}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'bianmin-pack-'));
  const tarballs = join(scratch, 'tarballs');
  const app = join(scratch, 'app');
  mkdirSync(tarballs);
  mkdirSync(app);
  try {
    stage('packing');
    const pkgs: Pkg[] = [];
    for (const dir of workspaces) {
      const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs], dir)) as {
        filename: string;
        files: { path: string }[];
        size: number;
      }[];
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      const pkg = { dir, manifest, tarball: join(tarballs, packed!.filename), files: packed!.files.map((f) => f.path).sort() };
      console.log(`  ${manifest.name}@${manifest.version}: ${packed!.filename}, ${(packed!.size / 1024).toFixed(0)} KB`);
      pkgs.push(pkg);
    }

    stage('contents');
    for (const pkg of pkgs) checkContents(pkg);
    stage('publint');
    for (const pkg of pkgs) await checkPublint(pkg);
    stage('types (attw, ESM-only profile)');
    for (const pkg of pkgs) checkTypes(pkg);

    stage('install the tarballs in a scratch project');
    const typesNode = (JSON.parse(readFileSync(join(rootDir, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bianmin-consumer', private: true, type: 'module' }, null, 2));
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error', ...pkgs.map((p) => p.tarball), `@types/node@${typesNode}`], app);
    ok(`installed ${pkgs.map((p) => p.manifest.name).join(', ')} from their tarballs`);
    const entries: Entries = { node: [], browser: [], typesOnly: [] };
    for (const pkg of pkgs) {
      const e = entriesOf(pkg.manifest);
      entries.node.push(...e.node);
      entries.browser.push(...e.browser);
      entries.typesOnly.push(...e.typesOnly);
    }
    writeScratch(app, entries);

    stage('Node imports');
    try {
      process.stdout.write(run(process.execPath, ['node-check.mjs'], app));
      ok(`${entries.node.length} Node entries import; the installed mock serves and the installed SDK reads it`);
    } catch (e) {
      fail(`Node imports: ${(e as { stderr?: string }).stderr?.trim() || String(e)}`);
    }

    stage('browser entries bundled with esbuild');
    for (const entry of entries.browser) {
      try {
        const out = await build({
          stdin: { contents: `export * from '${entry}';`, resolveDir: app, loader: 'js' },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2021',
          minify: true,
          write: false,
          logLevel: 'silent',
          outfile: join(app, 'out.js'),
        });
        console.log(`    ${entry}: ${((out.outputFiles[0]?.contents.byteLength ?? 0) / 1024).toFixed(1)} KB`);
      } catch (e) {
        fail(`bundling ${entry}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      }
    }
    ok(`${entries.browser.length} browser entries bundle from the installed packages`);

    stage('a TypeScript consumer of every entry');
    const tsc = join(rootDir, 'node_modules/typescript/bin/tsc');
    for (const name of ['node16', 'bundler', 'browser']) {
      try {
        run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], app);
        ok(`tsc, ${name} resolution${name === 'node16' ? ' (every .d.ts checked)' : ''}: no errors`);
      } catch (e) {
        fail(`tsc, ${name} resolution:\n${(e as { stdout?: string }).stdout?.trim().split('\n').slice(0, 15).join('\n')}`);
      }
    }
  } finally {
    if (keep) console.log(`pack-check: scratch kept at ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`pack-check: FAIL (${failures.length})`);
    process.exit(1);
  }
  stage('OK');
}

await main();
