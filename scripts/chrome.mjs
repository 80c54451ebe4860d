// @ts-check
// The one place that says which Chromium the tools use and with which flags.
// Tools here never download a browser: it is the system Chromium ($CHROME_PATH or
// Debian's /usr/bin/chromium; .ci/run installs it with apt when missing).
import { existsSync } from 'node:fs';

export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the Chromium executable; throws a clear error when it is missing. */
export function chromePath() {
  const path = process.env.CHROME_PATH || DEFAULT_CHROME_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (Debian: \`apt-get install -y chromium\`) ` +
        'or set CHROME_PATH to a Chromium/Chrome binary. Tools here never download their own browser.',
    );
  }
  return path;
}

// `node scripts/chrome.mjs` prints the path (exit 1 with the message when missing).
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(chromePath());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
