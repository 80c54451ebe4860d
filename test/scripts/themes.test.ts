import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The system tokens the widgets read, each with its default (packages/elements/src/theme/tokens.ts).
const tokensSource = readFileSync('packages/elements/src/theme/tokens.ts', 'utf8');
const defaults = new Map([...tokensSource.matchAll(/--_bm-([a-z0-9-]+): var\(--bm-\1, (.+)\);/g)].map((m) => [`--bm-${m[1]}`, m[2]!]));

/** The custom properties a theme file sets, in order. */
function themeTokens(file: string): Map<string, string> {
  const css = readFileSync(`packages/elements/themes/${file}`, 'utf8');
  return new Map([...css.matchAll(/^\s*(--bm-[a-z0-9-]+):\s*(.+);$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('the themes shipped in @bianmin/elements/themes', () => {
  it('light.css writes out every system token at exactly its default', () => {
    expect(defaults.size).toBeGreaterThan(20);
    expect(themeTokens('light.css')).toEqual(defaults);
  });

  it('dark.css and signage.css each set every system token, so the theme loaded last decides all of :root', () => {
    // A part of a page themed by class (a signage section on a dark page) loads its theme first:
    // a token the page's theme left unset would leak the part's theme (signage type sizes) into the page.
    for (const file of ['dark.css', 'signage.css']) expect([...themeTokens(file).keys()].sort(), file).toEqual([...defaults.keys()].sort());
  });
});
