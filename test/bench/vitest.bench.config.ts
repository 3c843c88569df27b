import { defineConfig } from 'vitest/config';

// Benchmarks print figures; they are not part of `npm test` and assert nothing about speed.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    silent: false,
  },
});
