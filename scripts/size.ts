// Bundle-size budget: `npm run size` (npx tsx scripts/size.ts).
//
// Each entry is bundled by esbuild exactly as a browser app would ship it, with the options every
// bundle of the kit shares (scripts/kit-build.mjs: bundle, minify, ESM, es2021, workspace packages
// through their `source` condition, legacy decorators, and the static text of the elements' css``
// and html`` literals minified, as packages/elements/dist ships it), gzipped at level 9, and
// compared with its goal and ceiling. Bundles are split as an app's bundler splits them: what a
// page loads with the entry (the entry chunk and the chunks it imports statically) is measured
// against the budget; what loads only on demand through `import()` (each widget's English strings)
// is listed beside it with its own sizes. Exit 1 when any entry is over its ceiling, or when no entry
// could be measured. Results go to .size/report.json.
// `npm run size -- --why` also lists what each bundle is made of (minified bytes by source);
// `npm run size -- --parts`, what each module of a whole-folder entry adds to it (gzip, left out in turn).
// An entry ending in `/*.ts` stands for one file importing every module of that folder, in name
// order (the whole kit: every `define/*` entry in one bundle, as a page using all of it ships),
// written to .size/entries/ since esbuild splits only entry files.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { kitBuildOptions } from './kit-build.mjs';

const KB = 1024;

interface SizeEntry {
  name: string;
  /** Path from the repository root, or `folder/*.ts`: a file importing every `.ts` module of the folder. */
  entry: string;
  /** Bytes gzipped we aim for. */
  goal: number;
  /** Bytes gzipped that fail the run. */
  ceiling: number;
  /**
   * Why this entry's ceiling is not yet enforced, when it is not: the entry is still measured and
   * printed, and marked as such, but does not fail the run above its ceiling.
   */
  notEnforced?: string;
  /**
   * With `notEnforced`: bytes gzipped that fail the run meanwhile (today's size and a little
   * room), so the entry cannot grow unnoticed while it is over its ceiling. Lower it as the entry
   * shrinks.
   */
  ratchet?: number;
}

export const entries: SizeEntry[] = [
  { name: 'sdk (client + schemas + rules)', entry: 'packages/sdk/src/index.ts', goal: 14 * KB, ceiling: 20 * KB },
  { name: 'fee board (bm-fee-board + Lit + the SDK parts it uses)', entry: 'packages/elements/src/define/fee-board.ts', goal: 22 * KB, ceiling: 30 * KB },
  // Provider, service menu, booking form (with its fields), booking list, loan ledger, help button,
  // fee board, and the SDK and Lit they use.
  {
    name: 'whole kit in one file (provider + 6 widgets + SDK + Lit)',
    entry: 'packages/elements/src/define/*.ts',
    goal: 40 * KB,
    ceiling: 55 * KB,
    notEnforced: 'the widgets are far over this budget today (see the README, "Size")',
    ratchet: 88.5 * KB,
  },
];

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const why = process.argv.includes('--why');
const parts = process.argv.includes('--parts');
/** Scratch folder: generated entries and the report (gitignored). */
const outDir = resolve(rootDir, '.size');

type Status = 'within goal' | 'over goal' | 'OVER CEILING' | 'missing' | 'error';

interface Result {
  name: string;
  entry: string;
  raw: number | null;
  gzip: number | null;
  /** gzip − goal in bytes: negative is room left under the goal. */
  toGoal: number | null;
  goal: number;
  ceiling: number;
  status: Status;
  error?: string;
  /** Chunks the entry loads only on demand (`import()`): not in `gzip`, listed beside it. */
  lazy: Chunk[];
}

const kb = (n: number): string => `${(n / KB).toFixed(2)} KB`;
/** Distance to the goal: `+1.20 KB` over it, `−0.80 KB` under it. */
const signedKb = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${kb(Math.abs(n))}`;

/** One file the browser downloads: its path under the output folder, and its sizes. */
interface Chunk {
  file: string;
  raw: number;
  gzip: number;
}

/**
 * The outputs a page loads with the entry (the entry chunk and what it imports statically, which
 * esbuild splits out when chunks share code) and those it loads only on demand (`import()`, e.g.
 * the English strings), each with what they import in turn.
 */
function chunksOf(metafile: Metafile, entry: string): { initial: string[]; lazy: string[] } {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((o) => outputs[o]!.entryPoint !== undefined && o.endsWith('.js') && resolve(rootDir, outputs[o]!.entryPoint!) === entry);
  if (!start) throw new Error('esbuild produced no output for the entry');
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>, other: Set<string>): void => {
    if (into.has(file) || other.has(file)) return;
    into.add(file);
    for (const i of outputs[file]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'import-statement') visit(i.path, into, other);
    }
  };
  visit(start, initial, lazy);
  const dynamic = (files: Iterable<string>): string[] =>
    [...files].flatMap((f) => (outputs[f]?.imports ?? []).filter((i) => !i.external && i.kind === 'dynamic-import').map((i) => i.path));
  // Breadth first: a lazy chunk's own import() targets are lazy too.
  for (let queue = dynamic(initial); queue.length > 0; ) {
    const before = new Set(lazy);
    for (const f of queue) visit(f, lazy, initial);
    queue = dynamic([...lazy].filter((f) => !before.has(f)));
  }
  return { initial: [...initial], lazy: [...lazy] };
}

/** The modules a `folder/*.ts` entry stands for, in name order (none when the folder is missing). */
function folderModules(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort() : [];
}

/**
 * Code splitting needs entry files (esbuild's stdin cannot split): a "whole folder" entry is
 * written out as one file importing the given modules of the folder.
 */
function writeFolderEntry(name: string, folder: string, modules: string[]): string {
  const entry = resolve(outDir, 'entries', `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, modules.map((m) => `import ${JSON.stringify(resolve(folder, m))};`).join('\n') + '\n');
  return entry;
}

/** Bundles one entry file as an app ships it, and sizes what loads with it and what loads on demand. */
async function bundle(entry: string): Promise<{ first: Chunk[]; lazy: Chunk[]; metafile: Metafile; initial: string[] }> {
  const out = await build({
    ...kitBuildOptions(),
    entryPoints: [entry],
    splitting: true,
    outdir: resolve(outDir, 'out'),
    entryNames: 'entry',
    chunkNames: '[name]-[hash]',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const files = new Map((out.outputFiles ?? []).map((f) => [relative(rootDir, f.path), f.contents]));
  const sized = (f: string): Chunk => {
    const code = files.get(f);
    if (!code) throw new Error(`esbuild wrote no ${f}`);
    return { file: f.slice(f.lastIndexOf('/') + 1), raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  };
  const { initial, lazy } = chunksOf(out.metafile, entry);
  return { first: initial.map(sized), lazy: lazy.map(sized).sort((a, b) => a.file.localeCompare(b.file)), metafile: out.metafile, initial };
}

const sum = (chunks: Chunk[], key: 'raw' | 'gzip'): number => chunks.reduce((n, c) => n + c[key], 0);

async function measure(e: SizeEntry): Promise<Result> {
  const base = { name: e.name, entry: e.entry, goal: e.goal, ceiling: e.ceiling };
  const all = e.entry.endsWith('/*.ts');
  const file = resolve(rootDir, all ? e.entry.slice(0, -'/*.ts'.length) : e.entry);
  const modules = all ? folderModules(file) : [];
  if (!existsSync(file) || (all && modules.length === 0)) {
    console.warn(`skip: ${e.name}: entry ${e.entry} does not exist (yet)`);
    return { ...base, raw: null, gzip: null, toGoal: null, status: 'missing', lazy: [] };
  }
  try {
    const { first, lazy, metafile, initial } = await bundle(all ? writeFolderEntry(e.entry, file, modules) : file);
    if (why) printComposition(e.name, metafile, initial);
    const raw = sum(first, 'raw');
    const gzip = sum(first, 'gzip');
    const status: Status = gzip > e.ceiling ? 'OVER CEILING' : gzip > e.goal ? 'over goal' : 'within goal';
    return { ...base, raw, gzip, toGoal: gzip - e.goal, status, lazy };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`error: ${e.name}: ${message}`);
    return { ...base, raw: null, gzip: null, toGoal: null, status: 'error', error: message, lazy: [] };
  }
}

/**
 * `--parts`: what each module of a `folder/*.ts` entry adds to it, gzipped, measured by bundling
 * the folder without that module (what it shares with the others stays counted in them).
 */
async function printParts(e: SizeEntry, whole: number): Promise<void> {
  const folder = resolve(rootDir, e.entry.slice(0, -'/*.ts'.length));
  const modules = folderModules(folder);
  const rows: [string, number][] = [];
  for (const m of modules) {
    const { first } = await bundle(writeFolderEntry(`${e.entry}-without-${m}`, folder, modules.filter((x) => x !== m)));
    rows.push([m, whole - sum(first, 'gzip')]);
  }
  console.log(`\n${e.name}: what each module adds (gzip, measured by leaving it out)`);
  for (const [m, bytes] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${kb(bytes).padStart(10)}  ${m}`);
}

/** Minified bytes per package (node_modules) or per source folder (workspace), over the outputs loaded with the entry. */
function printComposition(name: string, metafile: Metafile, files: string[]): void {
  const groups = new Map<string, number>();
  for (const file of files) {
    for (const [path, { bytesInOutput }] of Object.entries(metafile.outputs[file]?.inputs ?? {})) {
      const parts = path.split('/');
      const nm = parts.lastIndexOf('node_modules');
      const key =
        nm >= 0 ? parts.slice(nm, nm + (parts[nm + 1]?.startsWith('@') ? 3 : 2)).join('/') : parts.slice(0, -1).join('/') || path;
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
  }
  console.log(`\n${name}: minified bytes by source (before gzip; loaded with the entry, not on demand)`);
  for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(bytes).padStart(10)}  ${key}`);
  console.log('');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const results: Result[] = [];
for (const e of entries) results.push(await measure(e));

console.log(
  table([
    ['entry', 'raw', 'gzip', 'goal', 'to goal', 'ceiling', 'status', 'on demand (gzip)'],
    ...results.map((r) => [
      r.name,
      r.raw === null ? '-' : kb(r.raw),
      r.gzip === null ? '-' : kb(r.gzip),
      kb(r.goal),
      r.toGoal === null ? '-' : signedKb(r.toGoal),
      kb(r.ceiling),
      r.status,
      r.lazy.length === 0 ? '-' : `${kb(r.lazy.reduce((n, c) => n + c.gzip, 0))} in ${r.lazy.length} chunk${r.lazy.length === 1 ? '' : 's'}`,
    ]),
  ]),
);
for (const r of results.filter((x) => x.lazy.length > 0)) {
  console.log(`\n${r.name}: loaded on demand, not counted above`);
  for (const c of r.lazy) console.log(`  ${kb(c.gzip).padStart(10)}  ${c.file}`);
}
if (parts) {
  for (const r of results) {
    const e = entries.find((x) => x.name === r.name)!;
    if (e.entry.endsWith('/*.ts') && r.gzip !== null) await printParts(e, r.gzip);
  }
}
console.log('');

mkdirSync(outDir, { recursive: true });
const reportFile = resolve(outDir, 'report.json');
writeFileSync(reportFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`report: ${relative(process.cwd(), reportFile)}`);

const measured = results.filter((r) => r.gzip !== null);
const failures: string[] = [];
if (measured.length === 0) failures.push('no entry could be measured');
for (const r of results) {
  const entry = entries.find((e) => e.name === r.name);
  if (r.status === 'OVER CEILING' && entry?.notEnforced) {
    console.warn(`size: ${r.name} is over its ceiling (${kb(r.gzip!)} > ${kb(r.ceiling)}), not enforced yet: ${entry.notEnforced}`);
    if (entry.ratchet !== undefined) {
      if (r.gzip! > entry.ratchet) failures.push(`${r.name} grew past its interim limit (${kb(r.gzip!)} > ${kb(entry.ratchet)})`);
      else console.warn(`size: ${r.name} is within its interim limit of ${kb(entry.ratchet)} (${signedKb(r.gzip! - entry.ratchet)})`);
    }
    continue;
  }
  if (r.status === 'OVER CEILING') failures.push(`${r.name} is over its ceiling (${kb(r.gzip!)} > ${kb(r.ceiling)})`);
  if (r.status === 'error') failures.push(`${r.name} failed to bundle`);
}
if (failures.length > 0) {
  console.error(`size: FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`size: OK (${measured.length}/${results.length} entries measured)`);
