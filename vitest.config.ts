import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine's zone is set far from Bangkok on purpose: every date must come out right whatever TZ is.
    env: { LOG_LEVEL: 'silent', TZ: 'America/Los_Angeles' },
  },
});
