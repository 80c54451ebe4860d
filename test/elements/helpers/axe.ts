/**
 * Accessibility assertion for browser tests (web-test-runner).
 *
 *   import { expectAccessible } from '../helpers/axe.js';
 *   const el = await fixture(html`<bm-thing></bm-thing>`);
 *   await expectAccessible(el);            // throws listing every violation
 *   await expectAccessible(el, { disableRules: ['color-contrast'] });
 *
 * axe-core ships a UMD build; importing `axe-core/axe.min.js` as a module
 * registers `window.axe` (the same trick chai-a11y-axe uses). We run it
 * ourselves rather than through @open-wc/testing's `expect(el).to.be.accessible()`
 * (chai-a11y-axe, which also works) so that the WCAG tag set is explicit and the
 * thrown message lists rule ids, impacts and CSS targets of every failing node.
 */
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';

type Axe = typeof import('axe-core');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] as const;

export interface AccessibleOptions {
  /** axe rule ids to switch off for this check (say why in the test). */
  disableRules?: string[];
  /** Extra axe run options merged over the defaults. */
  runOptions?: RunOptions;
}

function getAxe(): Axe {
  const axe = (globalThis as unknown as { axe?: Axe }).axe;
  if (!axe) throw new Error('axe-core did not register window.axe (import of axe-core/axe.min.js failed)');
  return axe;
}

// axe refuses to run twice at once ("Axe is already running"): serialise runs.
let queue: Promise<unknown> = Promise.resolve();

export async function runAxe(context: ElementContext, options: AccessibleOptions = {}): Promise<AxeResults> {
  const axe = getAxe();
  const rules: NonNullable<RunOptions['rules']> = { ...(options.runOptions?.rules ?? {}) };
  for (const id of options.disableRules ?? []) rules[id] = { enabled: false };
  const runOptions: RunOptions = {
    resultTypes: ['violations'],
    ...options.runOptions,
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    rules,
  };
  const run = queue.then(() => axe.run(context, runOptions));
  queue = run.catch(() => undefined);
  return run;
}

export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' , ')}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Throws an Error listing every WCAG 2.2 A/AA violation found inside `el`. */
export async function expectAccessible(el: Element | Document, options: AccessibleOptions = {}): Promise<void> {
  const results = await runAxe(el as ElementContext, options);
  if (results.violations.length > 0) {
    throw new Error(
      `Expected no accessibility violations, found ${results.violations.length}:\n${formatViolations(results.violations)}`,
    );
  }
}
