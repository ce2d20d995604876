import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The fault suite: `npm run test:faults`. Real API processes killed and restarted, a Postgres
// server restarted under load, skewed client clocks, a full IndexedDB. One file at a time:
// each starts its own servers and they would only slow each other down.
export default defineConfig({
  test: {
    name: 'faults',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
