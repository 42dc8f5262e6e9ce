import { defineConfig } from 'vitest/config';

// End-to-end tests drive one real Chromium at a time; running files in parallel would
// only fight over this machine's two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
