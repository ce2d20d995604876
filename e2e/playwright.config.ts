import { defineConfig } from '@playwright/test';

// The built extension in real headless Chromium against a real API process.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  // The screenshot renders (docs/screenshots) run only on request: npm run screenshots.
  grepInvert: process.env.CHORUS_SCREENSHOTS ? undefined : /screenshot:/,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  outputDir: '../test-results/playwright-artifacts',
});
