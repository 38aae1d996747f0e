import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-runtime.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    // Two cores: each file may start its own Temporal server and worker.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'warn' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
