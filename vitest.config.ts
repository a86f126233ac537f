import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const PLATFORM_INDEX = fileURLToPath(new URL('renderer/platform/index.ts', import.meta.url));
const TESTING_PLATFORM = fileURLToPath(new URL('renderer/platform/index.testing.ts', import.meta.url));

/**
 * Unit tests run the renderer against the platform made for tests (renderer/platform/
 * index.testing.ts), as the app picks the web or desktop one: every import of
 * `renderer/platform` resolves there, so hooks and components need no mocks.
 */
const testingPlatform: Plugin = {
  name: 'rootline:testing-platform',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !/(^|\/)platform(\/index(\.ts)?)?$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === PLATFORM_INDEX ? TESTING_PLATFORM : null;
  },
};

export default defineConfig({
  plugins: [testingPlatform],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
