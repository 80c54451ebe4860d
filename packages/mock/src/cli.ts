#!/usr/bin/env node
// `npm run mock:serve -- --port 8787 [--host 127.0.0.1] [--latency 300]`: the mock compound over HTTP.
import { register } from 'node:module';
import { parseArgs } from 'node:util';

// Run from the sources (tsx, no build), the workspace packages resolve through their `source`
// export condition; add it when Node was not started with `--conditions=source`.
if (!process.execArgv.some((a) => a.includes('conditions')) && import.meta.url.endsWith('.ts')) {
  register(
    'data:text/javascript,' +
      encodeURIComponent(
        'export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...new Set(["source", ...c.conditions])] }); }',
      ),
    import.meta.url,
  );
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    'base-url': { type: 'string', default: '/api' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: bianmin-mock [--port 8787] [--host 127.0.0.1] [--latency ms] [--base-url /api]');
  process.exit(0);
}

const port = Number(values.port);
const latency = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be 0–65535, got ${values.port}`);
if (!Number.isFinite(latency) || latency < 0) throw new RangeError(`--latency must be milliseconds, got ${values.latency}`);

const { startMockServer } = await import('./server.js');
const running = await startMockServer({ port, host: values.host, baseUrl: values['base-url'] });
running.backend.scenario.latencyMs = latency;

console.log(`Bianmin mock API listening on ${running.url}`);
console.log(`  resident token: ${running.backend.tokens.resident}`);
console.log(`  staff token:    ${running.backend.tokens.staff}`);
if (latency) console.log(`  latency:        ${latency} ms`);

let closing = false;
const stop = (signal: string): void => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing the mock API`);
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
