// @ts-check
// The system Chromium and the flags every browser run here uses (benchmarks, the kill test, the
// Playwright configs, tests that render exports): no background traffic on a closed network.

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (Playwright cannot download browsers here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
