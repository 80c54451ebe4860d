// Fails when packages/elements/custom-elements.json is not what the analyzer makes of the code now.
// `npm run cem` rewrites it; `npm run cem:check` (in CI) only compares.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins --outdir onto the working directory, so the scratch folder lives here.
const out = '.cem-check';
try {
  execFileSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('packages/elements/custom-elements.json', 'utf8');
  } catch {
    // missing counts as stale
  }
  if (JSON.stringify(JSON.parse(fresh)) !== (committed && JSON.stringify(JSON.parse(committed)))) {
    console.error('packages/elements/custom-elements.json is stale: run `npm run cem` and commit the result.');
    process.exit(1);
  }
  console.log('packages/elements/custom-elements.json is up to date.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
