import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{packages,services,functions,platform}/*/test/**/*.test.ts', 'infra/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
