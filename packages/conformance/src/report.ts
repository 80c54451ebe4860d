import { GROUP_TITLES, type CheckResult, type ConformanceReport } from './types.js';

export interface FormatOptions {
  /** ANSI colours (default off). */
  color?: boolean;
  /** Show what each passing check observed (default: only reasons of failures and skips). */
  verbose?: boolean;
  /** Which tokens the run had, for the header. */
  tokens?: { resident?: boolean; staff?: boolean; otherResident?: boolean };
}

const paint = (on: boolean | undefined, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** `✓` pass, `✗` failed (required), `!` failed (optional), `–` skipped. */
export function mark(r: CheckResult): string {
  return r.status === 'pass' ? '✓' : r.status === 'skip' ? '–' : r.required ? '✗' : '!';
}

/** The report as text: checks grouped, each with its mark and, when it did not pass, the reason. */
export function formatReport(report: ConformanceReport, opts: FormatOptions = {}): string {
  const c = opts.color;
  const lines: string[] = [];
  const t = opts.tokens;
  const has = (b: boolean | undefined): string => (b ? paint(c, '32', 'yes') : paint(c, '2', 'no'));
  lines.push(paint(c, '1', `Bianmin conformance · ${report.baseUrl}`));
  if (t) lines.push(`tokens: resident ${has(t.resident)} · staff ${has(t.staff)} · other resident ${has(t.otherResident)}`);
  for (const group of report.groups) {
    const checks = report.checks.filter((r) => r.group === group);
    if (!checks.length) continue;
    const failed = checks.filter((r) => r.status === 'fail').length;
    const passed = checks.filter((r) => r.status === 'pass').length;
    lines.push('', `${paint(c, '1', group)} · ${GROUP_TITLES[group]}  ${paint(c, failed ? '31' : '32', `${passed}/${checks.length}`)}`);
    for (const r of checks) {
      const colour = r.status === 'pass' ? '32' : r.status === 'skip' ? '2' : r.required ? '31' : '33';
      lines.push(`  ${paint(c, colour, mark(r))} ${r.title}${r.required ? '' : paint(c, '2', ' (optional)')}`);
      if (r.reason && (r.status !== 'pass' || opts.verbose)) {
        const prefix = r.status === 'skip' ? 'skipped: ' : '';
        lines.push(paint(c, r.status === 'fail' ? colour : '2', `      ${prefix}${r.reason}`));
      }
    }
  }
  const s = report.summary;
  lines.push(
    '',
    `${s.total} checks: ${paint(c, '32', `${s.passed} passed`)}, ${paint(c, s.failed ? '31' : '2', `${s.failed} failed`)}` +
      `${s.failed !== s.requiredFailed ? ` (${s.failed - s.requiredFailed} optional)` : ''}, ${s.skipped} skipped · ${report.requests} requests · ${(report.durationMs / 1000).toFixed(1)} s`,
    report.ok ? paint(c, '32;1', 'PASS: every required check passed') : paint(c, '31;1', `FAIL: ${s.requiredFailed} required check${s.requiredFailed > 1 ? 's' : ''} failed`),
  );
  return lines.join('\n');
}
