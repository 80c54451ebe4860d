/**
 * @bianmin/conformance: the API contract's checks, run against any server that claims to
 * implement it. `runConformance({ baseUrl, tokens })` returns a report; `bianmin-conformance` is
 * the same from a shell.
 */
export { runConformance } from './run.js';
export { formatReport, mark, type FormatOptions } from './report.js';
export { GROUPS, GROUP_TITLES } from './types.js';
export type { CheckResult, CheckStatus, ConformanceOptions, ConformanceReport, Group, Tokens } from './types.js';
