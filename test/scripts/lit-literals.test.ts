// The build-time minification of Lit's css`` and html`` literals (scripts/lit-literals.mjs), which
// every build of @bianmin/elements applies (scripts/kit-build.mjs, scripts/minify-dist.mjs).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kitBuildOptions } from '../../scripts/kit-build.mjs';
import { decodeMappings, minifyLiterals, remapMappings } from '../../scripts/lit-literals.mjs';
import { minifyDist } from '../../scripts/minify-dist.mjs';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const elementsSrc = join(rootDir, 'packages/elements/src');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const sources = files(elementsSrc).filter((f) => f.endsWith('.ts'));

/**
 * The literal `tag` with this raw text (what is between its backticks), minified; the module
 * around it must come back unchanged.
 */
function minify(tag: 'css' | 'html', raw: string): string {
  const head = `import { ${tag} } from 'lit';\nexport const x = ${tag}\``;
  const tail = '`;\n';
  const out = minifyLiterals(`${head}${raw}${tail}`, 'm.ts').code;
  expect(out.startsWith(head) && out.endsWith(tail)).toBe(true);
  return out.slice(head.length, -tail.length);
}
const css = (raw: string) => minify('css', raw);
const html = (raw: string) => minify('html', raw);

/** Every tagged template of a module: its tag's text and its number of `${}` expressions. */
function templates(code: string): { tag: string; expressions: number }[] {
  const sf = ts.createSourceFile('m.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { tag: string; expressions: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      found.push({ tag: node.tag.getText(sf), expressions: ts.isNoSubstitutionTemplateLiteral(node.template) ? 0 : node.template.templateSpans.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('css literals', () => {
  it('drop comments and whitespace that does not separate anything', () => {
    expect(css('\n  :host {\n    /* the host */\n    display: block;\n    color: red;\n  }\n  p,\n  ul {\n    margin: 0;\n  }\n')).toBe(
      ' :host{display:block;color:red}p,ul{margin:0}',
    );
  });

  it('keep strings as written, whatever they hold', () => {
    expect(css(".a::before {\n  content: '/* not a comment { ; }   three spaces';\n}")).toBe(".a::before{content:'/* not a comment { ; }   three spaces'}");
    expect(css('.a::after { content: "say \\"hi\\" ; /* x */"; }')).toBe('.a::after{content:"say \\"hi\\" ; /* x */"}');
    expect(css("[part~='clear-search'] { display: none; }")).toBe("[part~='clear-search']{display:none}");
  });

  it('keep the spaces that separate words: descendants, pseudo-classes, values, calc', () => {
    expect(css('.a .b { border: 1px solid var(--c); }')).toBe('.a .b{border:1px solid var(--c)}');
    expect(css('a :hover { x: y }  a:hover { x: y }')).toBe('a :hover{x:y}a:hover{x:y}');
    expect(css('.w { width: calc(1px + 2px); margin: calc(100% - var(--x) * 2) -1px; }')).toBe('.w{width:calc(1px + 2px);margin:calc(100% - var(--x) * 2) -1px}');
    expect(css(':host(:not([inline])) .x {\n  gap: 0.4em 2em;\n}')).toBe(':host(:not([inline])) .x{gap:0.4em 2em}');
    expect(css('footer > * { font-size: 0.75em; }')).toBe('footer > *{font-size:0.75em}');
  });

  it('drop the space after a media feature colon and before !important', () => {
    expect(css('@media (prefers-reduced-motion: no-preference) {\n  .s { animation: spin 1s linear infinite; }\n}')).toBe(
      '@media (prefers-reduced-motion:no-preference){.s{animation:spin 1s linear infinite}}',
    );
    expect(css(':host([hidden]) { display: none !important; }')).toBe(':host([hidden]){display:none!important}');
  });

  it('keep expressions, and the space beside one unless a brace or semicolon makes it useless', () => {
    expect(css('\n  ${host} {\n    color: ${color};\n  }\n  ${host} .list,\n  ${other}\n')).toBe(' ${host}{color: ${color}}${host} .list,${other} ');
    expect(css('@media print {\n  ${handbook(css`:host`)}\n}')).toBe('@media print{${handbook(css`:host`)}}');
  });

  it('read escapes whole: \\2014, a backtick, a CSS escape and the space that ends it', () => {
    expect(css(String.raw`.dash::before { content: '\\2014'; }`)).toBe(String.raw`.dash::before{content:'\\2014'}`);
    expect(css(String.raw`.q::before { content: '\`' ; }`)).toBe(String.raw`.q::before{content:'\`'}`);
    // `\31 ` is the class "1"; the second space is the descendant combinator.
    expect(css(String.raw`.a\\31  .b { x: y }`)).toBe(String.raw`.a\\31  .b{x:y}`);
    expect(css(String.raw`.a\\31/**/ .b { x: y }`)).toBe(String.raw`.a\\31/**/ .b{x:y}`);
  });

  it('keep a comment that separates two tokens, and unquoted url()s as written', () => {
    expect(css('.m { margin: 1px/**/2px; }')).toBe('.m{margin:1px/**/2px}');
    expect(css('.u { background: url(data:image/png;base64,a/*b) ; }')).toBe('.u{background:url(data:image/png;base64,a/*b)}');
  });

  it('keep the space of an empty custom property (older engines need it)', () => {
    expect(css(':host { --x: ; --y: ; }')).toBe(':host{--x: ;--y: }');
  });

  it('drop a semicolon before a closing brace, twice over', () => {
    expect(css('a { b: c;; }')).toBe('a{b:c}');
  });
});

describe('html literals', () => {
  it('collapse whitespace with a line break: to a line break in text, to a space between attributes', () => {
    expect(html('\n  <button\n    type="button"\n    class="bm-button"\n    @click=${go}\n  >\n    ${label}\n  </button>\n')).toBe(
      '\n<button type="button" class="bm-button" @click=${go} >\n${label}\n</button>\n',
    );
  });

  it('leave runs without a line break, and attribute values other than lists', () => {
    expect(html('<p title="a\n   b" class="x\n   y">one   two</p>')).toBe('<p title="a\n   b" class="x y">one   two</p>');
    expect(html('<!-- a\n   comment -->\n  <b>x</b>')).toBe('<!-- a\n   comment -->\n<b>x</b>');
  });

  it('rewrite nested templates on their own, expressions untouched', () => {
    expect(html('<ul>\n  ${items.map((i) => html`\n    <li class=${i.kind}>${i.name}</li>\n  `)}\n</ul>')).toBe(
      '<ul>\n${items.map((i) => html`\n<li class=${i.kind}>${i.name}</li>\n`)}\n</ul>',
    );
  });

  it('read escapes whole', () => {
    expect(html(String.raw`<code>\`x\`</code>` + '\n   <i>\\u2014</i>')).toBe(String.raw`<code>\`x\`</code>` + '\n<i>\\u2014</i>');
  });

  it('leave literals with <pre>, <textarea>, <script> or <style>, and templates nested in a <pre>', () => {
    for (const raw of ['<pre>\n  a\n  b</pre>', '<textarea\n  rows="2"></textarea>', '<style>\n  a {}\n</style>', '<script>\n  x()\n</script>']) {
      expect(html(raw)).toBe(raw);
    }
    expect(html('<pre>${lines.map((l) => html`\n  <b>${l}</b>\n`)}</pre>')).toBe('<pre>${lines.map((l) => html`\n  <b>${l}</b>\n`)}</pre>');
    expect(html('<textarea></textarea>\n  ${error ? html`\n  <p>${error}</p>` : nothing}')).toBe(
      '<textarea></textarea>\n  ${error ? html`\n<p>${error}</p>` : nothing}',
    );
    expect(html('<pre-view>\n  x</pre-view>')).toBe('<pre-view>\nx</pre-view>');
  });
});

describe('what is not a Lit literal', () => {
  it('is left byte for byte', () => {
    const code = [
      "import { css, html } from 'lit';",
      'const plain = `a\n    b  {  c; }`;',
      'const raw = String.raw`x\n    y`;',
      'const styled = notCss`a {\n  b: c;\n}`;',
      'export { css, html, plain, raw, styled };',
      '',
    ].join('\n');
    expect(minifyLiterals(code, 'm.ts').code).toBe(code);
  });

  it('needs the tag imported from Lit, under whatever name', () => {
    const other = "import { css } from './my-css.js';\nexport const s = css`a {\n  b: c;\n}`;\n";
    expect(minifyLiterals(other, 'm.ts').code).toBe(other);
    const renamed = "import { css as litCss } from 'lit';\nexport const s = litCss`a {\n  b: c;\n}`;\n";
    expect(minifyLiterals(renamed, 'm.js').code).toBe("import { css as litCss } from 'lit';\nexport const s = litCss`a{b:c}`;\n");
  });

  it('includes a literal with an escape that has no value (its strings would be undefined)', () => {
    const code = "import { css } from 'lit';\nexport const s = css`a {\n  content: '\\1';\n}`;\n";
    expect(minifyLiterals(code, 'm.ts').code).toBe(code);
  });
});

describe('the kit’s sources', () => {
  it('still parse, with as many literals and expressions, and minify to themselves a second time', () => {
    let saved = 0;
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      const once = minifyLiterals(code, file).code;
      const sf = ts.createSourceFile(file, once, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const { parseDiagnostics } = sf as unknown as { parseDiagnostics: unknown[] };
      expect(parseDiagnostics, relative(rootDir, file)).toEqual([]);
      expect(templates(once), relative(rootDir, file)).toEqual(templates(code));
      expect(minifyLiterals(once, file).code, relative(rootDir, file)).toBe(once);
      saved += code.length - once.length;
    }
    expect(saved).toBeGreaterThan(10_000);
  });

  it('style nothing white-space: pre* (the html minification relies on whitespace collapsing)', () => {
    const themes = files(join(rootDir, 'packages/elements/themes'));
    for (const file of [...sources, ...themes]) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(rootDir, file)).not.toMatch(/white-space\s*:\s*(?:pre|break-spaces)|white-space-collapse|whiteSpace/);
    }
  });

  it('are bundled minified by the kit’s esbuild options', async () => {
    const out = await build({ ...kitBuildOptions(), entryPoints: ['packages/elements/src/define/fee-board.ts'], write: false, outfile: 'x.js', logLevel: 'silent' });
    const js = out.outputFiles?.[0]?.text ?? '';
    expect(js).toContain(':host{display:flex;flex-direction:column;container:bm-fee-board / inline-size;');
    expect(js).not.toMatch(/\n {4,}</);
  });
});

describe('source maps', () => {
  it('still point at the source after the literals shrink', () => {
    const source = [
      "import { css, html } from 'lit';",
      'export const styles = css`',
      '  :host {',
      '    display: block;',
      '  }',
      '`;',
      'export const view = (name: string) => html`',
      '  <p>',
      '    ${name}',
      '  </p>',
      '`;',
      'export const after = 42;',
      '',
    ].join('\n');
    const { outputText, sourceMapText } = ts.transpileModule(source, {
      fileName: 'm.ts',
      compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, sourceMap: true },
    });
    const map = JSON.parse(sourceMapText ?? '{}') as { mappings: string };
    const { code, edits } = minifyLiterals(outputText, 'm.js');
    expect(edits.length).toBeGreaterThan(0);
    const mappings = remapMappings(map.mappings, outputText, code, edits);

    // Every mapped identifier of the output is the identifier at its source position, before and after.
    const check = (js: string, m: string): number => {
      const jsLines = js.split('\n');
      const srcLines = source.split('\n');
      let n = 0;
      decodeMappings(m).forEach((segs, line) =>
        segs.forEach(([col, , srcLine, srcCol]) => {
          if (srcLine === undefined || srcCol === undefined) return;
          const word = /^\w+/.exec(jsLines[line]!.slice(col))?.[0];
          if (!word) return;
          expect(srcLines[srcLine]!.slice(srcCol, srcCol + word.length)).toBe(word);
          n += 1;
        }),
      );
      return n;
    };
    expect(check(code, mappings)).toBe(check(outputText, map.mappings));
    const afterLine = code.split('\n').findIndex((l) => l.includes('after = 42'));
    expect(decodeMappings(mappings)[afterLine]?.some((s) => s[2] === 11)).toBe(true);
  });
});

describe('minify-dist', () => {
  it('rewrites the .js files of a folder and their maps, leaves the rest, and changes nothing a second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-minify-dist-'));
    try {
      const source = "import { css } from 'lit';\nexport const styles = css`\n  :host {\n    display: block;\n  }\n`;\nexport const n = 1;\n";
      const { outputText, sourceMapText } = ts.transpileModule(source, {
        fileName: 'a.ts',
        compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, sourceMap: true },
      });
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub/a.js'), outputText);
      writeFileSync(join(dir, 'sub/a.js.map'), sourceMapText ?? '');
      const types = 'export declare const styles: import("lit").CSSResult;\n';
      writeFileSync(join(dir, 'sub/a.d.ts'), types);
      const plain = 'export const s = `a\n   b`;\n';
      writeFileSync(join(dir, 'b.js'), plain);

      expect(minifyDist(dir).files).toBe(1);
      const js = readFileSync(join(dir, 'sub/a.js'), 'utf8');
      expect(js).toContain('css ` :host{display:block}`');
      const map = JSON.parse(readFileSync(join(dir, 'sub/a.js.map'), 'utf8')) as { mappings: string; sources: string[] };
      expect(map.sources).toEqual(['a.ts']);
      const nLine = js.split('\n').findIndex((l) => l.startsWith('export const n'));
      expect(decodeMappings(map.mappings)[nLine]?.[0]?.[2]).toBe(6);
      expect(readFileSync(join(dir, 'sub/a.d.ts'), 'utf8')).toBe(types);
      expect(readFileSync(join(dir, 'b.js'), 'utf8')).toBe(plain);

      expect(minifyDist(dir).files).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
