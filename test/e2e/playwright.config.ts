import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/test/chromium.mjs';

// ROOTLINE_E2E_PORT lets several checkouts run their e2e at once without reusing each other's server.
const PORT = Number(process.env.ROOTLINE_E2E_PORT ?? 5218);
const reporter: NonNullable<Parameters<typeof defineConfig>[0]['reporter']> = process.env
  .PLAYWRIGHT_JSON_OUTPUT_NAME
  ? [['list'], ['json']]
  : [['list']];

/**
 * Web e2e against the BUILT renderer served by scripts/dev/web.mjs (which rebuilds first when the
 * sources are newer than dist/renderer). Debian's Chromium, since no browser download is possible.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    timezoneId: 'UTC',
    locale: 'en-US',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node scripts/dev/web.mjs --port ${PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
