#!/usr/bin/env node
// bianmin-conformance --base-url http://127.0.0.1:8788/api [--resident-token T --staff-token T
//   --other-resident-token T] [--only group[,group]] [--json] [--verbose] [--timeout ms]
// Exit status: 0 every required check passed, 1 a required check failed, 2 bad usage or no server.
import { parseArgs } from 'node:util';
import { formatReport } from './report.js';
import { runConformance } from './run.js';
import { GROUPS, type Group } from './types.js';

const USAGE = `Usage: bianmin-conformance --base-url <url> [options]

Runs the Bianmin API contract's checks against a server and prints which pass.
Run it against a test instance: it creates bookings, loans and help requests (marked as its own).

  --base-url <url>              the API base, e.g. http://127.0.0.1:8788/api
  --resident-token <t>          a resident's bearer token      (or BIANMIN_RESIDENT_TOKEN)
  --staff-token <t>             a staff member's bearer token  (or BIANMIN_STAFF_TOKEN)
  --other-resident-token <t>    a resident of another household (or BIANMIN_OTHER_RESIDENT_TOKEN)
  --only <groups>               comma-separated: ${GROUPS.join(', ')}
  --json                        print the report as JSON
  --verbose                     also print what each passing check observed
  --timeout <ms>                per request, default 15000
  -h, --help

Exit status: 0 every required check passed, 1 a required check failed, 2 bad usage or no server.`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'resident-token': { type: 'string' },
      'staff-token': { type: 'string' },
      'other-resident-token': { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '15000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const baseUrl = values['base-url'] ?? process.env.BIANMIN_BASE_URL;
if (!baseUrl || !/^https?:\/\//.test(baseUrl)) usage('--base-url must be an http(s) URL');
const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((g) => !(GROUPS as readonly string[]).includes(g));
if (unknown.length) usage(`unknown group: ${unknown.join(', ')}`);
const timeoutMs = Number(values.timeout);
if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) usage('--timeout must be a whole number of milliseconds');

const tokens = {
  resident: values['resident-token'] ?? process.env.BIANMIN_RESIDENT_TOKEN,
  staff: values['staff-token'] ?? process.env.BIANMIN_STAFF_TOKEN,
  otherResident: values['other-resident-token'] ?? process.env.BIANMIN_OTHER_RESIDENT_TOKEN,
};

try {
  const report = await runConformance({ baseUrl, tokens, only: only as Group[], timeoutMs });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    const has = { resident: !!tokens.resident, staff: !!tokens.staff, otherResident: !!tokens.otherResident };
    console.log(formatReport(report, { color, verbose: values.verbose, tokens: has }));
  }
  process.exitCode = report.ok ? 0 : 1;
} catch (e) {
  console.error(`bianmin-conformance: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
