import { defineConfig } from 'vitest/config';

// The Firefox smoke drives one real Firefox ESR over WebDriver BiDi; its steps share one
// profile (the restart step reopens it), so they run in order in one file.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
