// The editor data (scripts/ide-data.ts) is a faithful translation of custom-elements.json: every
// element, attribute, event, CSS property, part and state reaches VS Code's and JetBrains' formats.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementsOf, literalValues, vscodeCss, vscodeHtml, webTypes } from '../../scripts/ide-data.js';

type Manifest = Parameters<typeof elementsOf>[0];
const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as Manifest;
const elements = elementsOf(manifest);

describe('IDE data from custom-elements.json', () => {
  it('lists every custom element of the manifest with all its attributes, for VS Code and JetBrains', () => {
    expect(elements.map((e) => e.tagName)).toEqual(expect.arrayContaining(['bm-provider', 'bm-service-menu', 'bm-booking-form', 'bm-help-button', 'bm-fee-board']));
    const html = vscodeHtml(manifest) as { tags: { name: string; attributes: { name: string }[] }[] };
    const wt = webTypes(manifest) as { contributions: { html: { elements: { name: string; attributes: { name: string }[]; events: { name: string }[] }[] } } };
    for (const e of elements) {
      const attrs = (e.attributes ?? []).map((a) => a.name).sort();
      expect(html.tags.find((t) => t.name === e.tagName)?.attributes.map((a) => a.name).sort()).toEqual(attrs);
      const w = wt.contributions.html.elements.find((t) => t.name === e.tagName);
      expect(w?.attributes.map((a) => a.name).sort()).toEqual(attrs);
      expect(w?.events.map((ev) => ev.name)).toEqual((e.events ?? []).map((ev) => ev.name));
    }
  });

  it('marks boolean attributes as valueless in VS Code and splits the event type out of its description', () => {
    const html = vscodeHtml(manifest) as { tags: { name: string; attributes: { name: string; valueSet?: string }[] }[] };
    expect(html.tags.find((t) => t.name === 'bm-service-menu')?.attributes.find((a) => a.name === 'handbook')?.valueSet).toBe('v');
    const wt = webTypes(manifest) as { contributions: { html: { elements: { name: string; events: { name: string; type?: string; description?: string }[] }[] } } };
    const created = wt.contributions.html.elements.find((e) => e.name === 'bm-booking-form')?.events.find((e) => e.name === 'bm-booking-created');
    expect(created?.type).toBe('BmBookingCreatedEvent');
    expect(created?.description).not.toMatch(/^\{/);
  });

  it('gives VS Code every CSS custom property, ::part() and :state() of the manifest', () => {
    const css = vscodeCss(manifest) as { properties: { name: string }[]; pseudoElements: { name: string }[]; pseudoClasses: { name: string }[] };
    const all = (pick: (e: (typeof elements)[number]) => { name: string }[] | undefined) => new Set(elements.flatMap((e) => (pick(e) ?? []).map((x) => x.name)));
    expect(new Set(css.properties.map((p) => p.name))).toEqual(all((e) => e.cssProperties));
    expect(new Set(css.pseudoElements.map((p) => p.name))).toEqual(new Set([...all((e) => e.cssParts)].map((n) => `::part(${n})`)));
    expect(new Set(css.pseudoClasses.map((p) => p.name))).toEqual(new Set([...all((e) => e.cssStates)].map((n) => `:state(${n})`)));
  });

  it('offers the values of a union of string literals and nothing for open types', () => {
    expect(literalValues(`'household' | 'office' | 'shop' | undefined`)).toEqual(['household', 'office', 'shop']);
    expect(literalValues('string | undefined')).toEqual([]);
    expect(literalValues(`'a' | number`)).toEqual([]);
    expect(literalValues(undefined)).toEqual([]);
  });
});
