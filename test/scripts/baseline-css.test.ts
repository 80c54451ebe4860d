import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The kit's CSS against the WeChat baseline (Android XWeb ≈ Chrome 107, iOS 16.4 WKWebView): an
// engine drops a declaration whose value it cannot parse, so a value newer than the baseline needs
// the same property set just before it with a value the baseline reads; a selector it cannot parse
// drops its whole rule, so a newer selector may only add to what another rule already shows.

/** Values the baseline cannot parse: units and functions from Chrome 108 to 123 or Safari 16.5+. */
const NEWER_VALUE =
  /\d(?:[dsl]v(?:h|w|i|b|min|max)|v[ib]|r?lh|r(?:ex|ch|cap|ic))\b|\b(?:color-mix|light-dark|oklch|oklab|lab|lch|color|round|mod|rem|calc-size|sin|cos|tan|asin|acos|atan2?|pow|sqrt|hypot|log|exp|abs|sign)\(|\b(?:rgba?|hsla?|hwb)\(\s*from\b/;
/** Syntax that drops the whole rule: CSS nesting (Chrome 112, Safari 16.5) and @scope / @starting-style. */
const NEWER_RULE = /&|@scope|@starting-style/;

/** Every file of the kit that holds CSS: the elements' styles (css`` literals) and the themes. */
function cssFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.css$/.test(d.name) || (/\.ts$/.test(d.name) && /\bcss`/.test(readFileSync(p, 'utf8')))) files.push(p);
    }
  };
  walk('packages/elements/src');
  walk('packages/elements/themes');
  return files;
}

/** The CSS text of a file: a .css file whole, else the text of its css`` literals. */
function cssOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.css')) return text;
  return [...text.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1]!).join('\n');
}

interface Declaration {
  property: string;
  value: string;
  /** The declaration before it in the same block, if any. */
  previous?: { property: string; value: string };
}

/** The declarations of a stylesheet, block by block (comments and interpolations removed). */
function declarations(css: string): Declaration[] {
  const out: Declaration[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\$\{[^}]*\}/g, '');
  for (const block of clean.split(/[{}]/)) {
    let previous: Declaration['previous'];
    for (const part of block.split(';')) {
      const m = /^\s*(-?-?[a-zA-Z_][\w-]*)\s*:\s*([\s\S]+?)\s*$/.exec(part);
      if (!m) continue;
      const d = { property: m[1]!, value: m[2]!, previous };
      out.push(d);
      previous = { property: d.property, value: d.value };
    }
  }
  return out;
}

describe('the kit’s CSS on the WeChat baseline engines', () => {
  const files = cssFiles();

  it('finds the styles of every widget and every theme', () => {
    for (const name of ['help-button.styles.ts', 'fee-board.styles.ts', 'loan-ledger.styles.ts', 'light.css', 'signage.css']) expect(files.some((f) => f.endsWith(name)), name).toBe(true);
  });

  it('sets a value the baseline reads just before every newer one, so an older engine keeps the first', () => {
    const bare: string[] = [];
    for (const file of files) {
      for (const d of declarations(cssOf(file))) {
        if (!NEWER_VALUE.test(d.value)) continue;
        // A custom property's value is not parsed where it is declared: the last one always wins, so
        // an older engine keeps the newer value and drops it only where var() uses it (no fallback).
        const fallback = !d.property.startsWith('--') && d.previous?.property === d.property && !NEWER_VALUE.test(d.previous.value);
        if (!fallback) bare.push(`${file}: ${d.property}: ${d.value}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('nests no rules and uses no at-rule the baseline drops whole', () => {
    const found = files.filter((f) => NEWER_RULE.test(cssOf(f).replace(/\/\*[\s\S]*?\*\//g, '')));
    expect(found).toEqual([]);
  });

  it('tells a fallback from a bare newer value (the check itself)', () => {
    const css = 'a { max-height: calc(100vh - 2rem); max-height: calc(100dvh - 2rem); } b { color: red; height: 100dvh; }';
    const css2 = ':host { --_h: 100vh; --_h: 100dvh; --_w: 100vi; }';
    const isBare = (d: Declaration) => NEWER_VALUE.test(d.value) && !(!d.property.startsWith('--') && d.previous?.property === d.property && !NEWER_VALUE.test(d.previous.value));
    const flagged = declarations(css).filter(isBare);
    expect(flagged.map((d) => d.value)).toEqual(['100dvh']);
    // Private custom properties (--_x) are read too, and a custom property has no fallback.
    expect(declarations(css2).filter(isBare).map((d) => `${d.property}: ${d.value}`)).toEqual(['--_h: 100dvh', '--_w: 100vi']);
  });
});
