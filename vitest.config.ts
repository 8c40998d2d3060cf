import { defineConfig } from 'vitest/config';

// Suites by what they need: `unit` runs anywhere; the others need a Docker engine with the
// fixture images (scripts/build-fixtures.sh) and, for `acceptance`, the case images.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Checks measure timing (reap window, stop confirmation); one file at a time keeps
          // two cores from being the thing measured.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'slack',
          include: ['test/slack/**/*.test.ts'],
          // Several files assert that no pid1 container is left on the engine after their app
          // stops, and the load test runs 20 checks, so files run one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'acceptance',
          include: ['test/acceptance/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'engine-faults',
          include: ['test/engine-faults/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
