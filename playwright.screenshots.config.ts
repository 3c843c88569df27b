import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: every view at the desktop size and the tray-popover size, light and dark. */
export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  testMatch: '**/*.shots.ts',
  outputDir: 'test-output/playwright-screenshots',
  reporter: [['list']],
});
