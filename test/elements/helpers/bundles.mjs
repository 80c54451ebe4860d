// @ts-check
// Built bundles and static pages for the browser tests that must see the kit as it ships
// (test/elements/security.test.ts, test/elements/old-engines.test.ts). web-test-runner serves
// sources file by file; these routes serve esbuild *bundles* of the define entries instead, built
// once per run (in memory) the way an app would ship them, with the options every bundle of the kit
// shares (scripts/kit-build.mjs): ESM, es2021, minified, the `source` condition, legacy
// decorators, production Lit, and the elements' css`` and html`` literals minified.
//
//   /__bianmin__/kit.js                every define entry in one bundle (scanned for eval / Function)
//   /__bianmin__/fee-board.js          the fee board's define entry alone (the signage bundle)
//   /__bianmin__/csp.html              a page sent with a strict CSP + Trusted Types header
//   /__bianmin__/csp.js                its script: the kit + test/elements/pages/csp-page.ts
//   /__bianmin__/listen.js             a classic script counting `securitypolicyviolation` events
//   /__bianmin__/old-engines.html      a page that deletes newer APIs before the kit loads
//   /__bianmin__/old-engines-prelude.js  the classic script that deletes them
//   /__bianmin__/old-engines.js        the kit + test/elements/pages/old-engines-page.ts
//
// The pages are loaded in iframes; their API calls are answered by the msw worker of the test page
// that holds the iframe (msw's worker hands a nested frame's requests to the visible page that
// started it), so the pages themselves carry no msw and register no service worker.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { kitBuildOptions } from '../../../scripts/kit-build.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PREFIX = '/__bianmin__/';

const DEFINE_ENTRIES = ['provider', 'service-menu', 'booking-form', 'booking-list', 'loan-ledger', 'help-button', 'fee-board'];

/** The policy the CSP page is sent with (docs/security.md, "How it is tested"). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * @param {string} contents the entry module's source (TypeScript), resolved from the repository root
 * @returns {Promise<string>}
 */
async function bundle(contents) {
  const out = await build({
    ...kitBuildOptions(),
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    write: false,
    logLevel: 'silent',
  });
  const js = out.outputFiles?.[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no output');
  return js;
}

/** @param {string[]} names define entries, without `.ts` */
const imports = (names) => names.map((n) => `import './packages/elements/src/define/${n}.ts';`).join('\n');

/**
 * @param {string} title
 * @param {string} head what goes in <head> after the title
 */
const page = (title, head) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    ${head}
  </head>
  <body></body>
</html>
`;

// Counts violations from the first moment of the page (a classic script runs before any module).
const LISTEN = `window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});
`;

// What older engines (WebViews of a few years ago) lack; deleted before the kit loads.
const PRELUDE = `window.__deleted = {};
function drop(owner, key, label) {
  if (owner && key in owner) { delete owner[key]; }
  window.__deleted[label] = !(owner && key in owner);
}
drop(AbortSignal, 'any', 'AbortSignal.any');
drop(AbortSignal, 'timeout', 'AbortSignal.timeout');
drop(Object, 'hasOwn', 'Object.hasOwn');
drop(window.Crypto && Crypto.prototype, 'randomUUID', 'crypto.randomUUID');
`;

/** @type {Record<string, { type: string; headers?: Record<string, string>; body: () => string | Promise<string> }>} */
const ROUTES = {
  'kit.js': { type: 'js', body: () => bundle(imports(DEFINE_ENTRIES)) },
  'fee-board.js': { type: 'js', body: () => bundle(imports(['fee-board'])) },
  'csp.js': { type: 'js', body: () => bundle(`${imports(DEFINE_ENTRIES)}\nimport './test/elements/pages/csp-page.ts';`) },
  'old-engines.js': { type: 'js', body: () => bundle(`${imports(DEFINE_ENTRIES)}\nimport './test/elements/pages/old-engines-page.ts';`) },
  'listen.js': { type: 'js', body: () => LISTEN },
  'old-engines-prelude.js': { type: 'js', body: () => PRELUDE },
  'csp.html': {
    type: 'html',
    headers: { 'Content-Security-Policy': STRICT_CSP },
    body: () => page('CSP', `<script src="${PREFIX}listen.js"></script>\n    <script type="module" src="${PREFIX}csp.js"></script>`),
  },
  'old-engines.html': {
    type: 'html',
    body: () => page('Older engines', `<script src="${PREFIX}old-engines-prelude.js"></script>\n    <script type="module" src="${PREFIX}old-engines.js"></script>`),
  },
};

/** @type {Map<string, Promise<string>>} */
const built = new Map();

/**
 * Koa middleware for web-test-runner.config.mjs: serves the routes above, each built once per run.
 *
 * @param {import('koa').Context} context
 * @param {import('koa').Next} next
 */
export async function bundlesMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  const name = context.path.slice(PREFIX.length);
  const route = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) return next();
  let body = built.get(name);
  if (!body) {
    body = Promise.resolve(route.body());
    built.set(name, body);
    body.catch(() => built.delete(name));
  }
  try {
    context.body = await body;
  } catch (e) {
    context.status = 500;
    context.type = 'text/plain';
    context.body = `bundle ${name} failed: ${e instanceof Error ? e.message : String(e)}`;
    return undefined;
  }
  context.type = route.type === 'js' ? 'application/javascript' : 'text/html';
  context.set('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(route.headers ?? {})) context.set(k, v);
  return undefined;
}
