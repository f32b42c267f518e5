import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { ISOLATED } from './test/support/isolated-files.js';

const shared = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 120_000,
  // The machine's zone is set far from Bangkok on purpose: every date must come out right whatever TZ is.
  env: { LOG_LEVEL: 'silent', TZ: 'America/Los_Angeles' },
};

export default defineConfig({
  test: {
    // Two files at a time even on two cores (vitest's default there is one): a file spends much of its time
    // waiting on FerretDB/PostgreSQL, so the second worker fills that time (the suite: 367 s → 262 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The root project's global setup runs once, for both projects below, and they read what it provides.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'shared',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          // Loading the app (mongoose, express, docx, exceljs …) took about 3 s per file, some 40 % of the suite's time:
          // files now reuse their worker's loaded modules. Each file still opens its own database and closes
          // what it started, so nothing but the loaded code carries over from one file to the next.
          isolate: false,
        },
      },
      { test: { ...shared, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
