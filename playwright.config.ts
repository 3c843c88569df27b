import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-output/playwright',
  timeout: 60_000,
  // What the window says after an action, waited for up to 10 s: these tests check what a person sees, and
  // speed is measured by the benchmarks. A shared CI machine that stalls for a few seconds (three waits of
  // 5 s on a save's answer failed in two runs, never again alone) must not fail them.
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-output/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1100, height: 900 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
