// @ts-check
// `node scripts/minify-dist.mjs <dir>…`: minifies the static text of the css`` and html`` literals
// of every .js file under each <dir> (scripts/lit-literals.mjs), in place, as the esbuild builds of
// the kit do (scripts/kit-build.mjs). The elements package's build runs it on dist/ right after tsc,
// so apps that bundle @bianmin/elements from npm ship the smaller text too.
//
// A file's source map (the `.js.map` beside it, as tsc writes them) is moved along: its generated
// positions are shifted past the shortened text, so it still points at the right place in src/.
// Running it again changes nothing. Files without Lit literals (.d.ts, the embed bundles) are not written.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLiterals, remapMappings } from './lit-literals.mjs';

/**
 * @param {string} dir
 * @returns {string[]} the .js files under dir
 */
function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/**
 * Minifies the literals of every .js file under dir, and moves their source maps along.
 *
 * @param {string} dir
 * @returns {{ files: number; before: number; after: number }} files changed, and their bytes before and after
 */
export function minifyDist(dir) {
  const total = { files: 0, before: 0, after: 0 };
  for (const file of jsFiles(dir)) {
    const before = readFileSync(file, 'utf8');
    const { code: after, edits } = minifyLiterals(before, file);
    if (edits.length === 0) continue;
    const mapFile = `${file}.map`;
    if (existsSync(mapFile)) {
      const map = /** @type {{ mappings: string }} */ (JSON.parse(readFileSync(mapFile, 'utf8')));
      map.mappings = remapMappings(map.mappings, before, after, edits);
      writeFileSync(mapFile, JSON.stringify(map));
    }
    writeFileSync(file, after);
    total.files += 1;
    total.before += Buffer.byteLength(before);
    total.after += Buffer.byteLength(after);
  }
  return total;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node scripts/minify-dist.mjs <dir>…');
    process.exit(2);
  }
  for (const dir of dirs) {
    const { files, before, after } = minifyDist(resolve(dir));
    console.log(`minify-dist: ${relative(process.cwd(), resolve(dir)) || '.'}: Lit literals minified in ${files} files, ${before} → ${after} bytes`);
  }
}
