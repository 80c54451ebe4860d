/**
 * The script of /__bianmin__/csp.html, bundled with every define entry (test/elements/helpers/
 * bundles.mjs). The page is sent with a strict Content-Security-Policy and Trusted Types; the test
 * around it (security.test.ts) calls `bianminCsp.run()` and reads the violations counted by the
 * page's first script.
 */
import { mountEveryWidget, type MountOptions, type WidgetReport } from './widgets.js';

export interface CspReport {
  widgets: WidgetReport[];
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  trustedTypes: boolean;
}

declare global {
  interface Window {
    bianminCsp?: { run(o: MountOptions): Promise<CspReport> };
    __violations?: CspReport['violations'];
  }
}

window.bianminCsp = {
  async run(o) {
    const widgets = await mountEveryWidget(o);
    return { widgets, violations: [...(window.__violations ?? [])], trustedTypes: 'trustedTypes' in window };
  },
};
