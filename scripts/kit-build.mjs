// @ts-check
// The esbuild options every bundle of the kit is built with, in one place: `npm run size`
// (scripts/size.ts), the embed bundles (scripts/build-embed.ts), the browser tests' bundles
// (test/elements/helpers/bundles.mjs) and the benchmark page (scripts/bench.ts).
//
// Browser ESM, es2021, minified, UTF-8 output, workspace packages from their `source` condition
// (src/*.ts), Lit's legacy decorators, production Lit, and the static text of the elements' css``
// and html`` literals minified (scripts/lit-literals.mjs), as packages/elements/dist is too
// (scripts/minify-dist.mjs).
//
// Plain ESM with JSDoc types, so web-test-runner's config can import it without a compiler; the
// .ts scripts import it through tsx.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { minifyLiterals } from './lit-literals.mjs';

/** The repository's root. */
export const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** The modules whose literals are minified: @bianmin/elements' sources (the only ones with css`` or html``). */
const ELEMENTS_SOURCES = /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/;

/**
 * An esbuild plugin that minifies the css`` and html`` literals of @bianmin/elements' sources as
 * they are loaded.
 *
 * @returns {import('esbuild').Plugin}
 */
export function litLiteralsPlugin() {
  return {
    name: 'bianmin:lit-literals',
    setup(build) {
      build.onLoad({ filter: ELEMENTS_SOURCES }, async ({ path }) => {
        const code = await readFile(path, 'utf8');
        return { contents: minifyLiterals(code, path).code, loader: 'ts' };
      });
    },
  };
}

/**
 * The shared options (a new object each call). Each build adds its entry, its output and its log level.
 *
 * @returns {import('esbuild').BuildOptions}
 */
export function kitBuildOptions() {
  return {
    absWorkingDir: rootDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    platform: 'browser',
    // Workspace packages from src/*.ts; everything else (Lit) through its default = production build.
    conditions: ['source'],
    legalComments: 'none',
    // Keep non-ASCII text (Chinese labels) as UTF-8, as Vite and Rollup emit it; esbuild's
    // default escapes each character as a 6-byte \uXXXX sequence.
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true } },
    plugins: [litLiteralsPlugin()],
  };
}
