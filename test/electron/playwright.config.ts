import { defineConfig } from '@playwright/test';

// Electron e2e: launches the built app (dist/electron/main.cjs + dist/renderer) with Playwright's
// _electron. When the Electron binary or a display is missing the specs report as skipped.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: '../../test-results/electron',
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
});
