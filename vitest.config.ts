import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The understanding measurement (issue 26) holds the targets, which the bot does not meet yet: it
    // runs on its own with `npm run measure-understanding` until the meaning layer is in, then joins the suite.
    exclude: process.env.UNDERSTANDING_MEASURE ? [] : ['test/understanding/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine's zone is set far from Bangkok on purpose: every date must come out right whatever TZ is.
    env: { LOG_LEVEL: 'silent', TZ: 'America/Los_Angeles' },
  },
});
