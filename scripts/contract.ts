/**
 * Writes packages/sdk/openapi.json from the endpoint table and schemas.
 * `npm run contract` writes it; `npm run contract -- --check` fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../packages/sdk/src/contract/openapi.js';

const file = fileURLToPath(new URL('../packages/sdk/openapi.json', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../packages/sdk/package.json', import.meta.url), 'utf8')) as { version: string };
const text = `${JSON.stringify(buildOpenApi({ version: pkg.version }), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('packages/sdk/openapi.json is stale: run `npm run contract` and commit the result.');
    process.exit(1);
  }
  console.log('packages/sdk/openapi.json is up to date.');
} else {
  writeFileSync(file, text);
  const doc = JSON.parse(text) as { paths: Record<string, object>; components: { schemas: object } };
  console.log(`Wrote packages/sdk/openapi.json: ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.components.schemas).length} schemas.`);
}
