import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{packages,services,functions}/*/test/**/*.test.ts',
      'infra/test/**/*.test.ts',
      'platform/test/**/*.test.ts',
      'web/test/**/*.test.{ts,tsx}',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
