import { defineConfig } from 'vitest/config';

// Fault scenarios (`npm run test:faults`): the long ones, the fast ones again, and tests of known
// defects that stay out of `npm test` until they are fixed. One file at a time: they kill and
// restart their own servers and measure deadlines, so they must not compete for the 2 cores.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
