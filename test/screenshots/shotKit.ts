// What every `npm run screenshots` file shares: the two sizes (the desktop window and the tray popover),
// the two colour schemes, and where a folder of pictures goes.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;
export const SCHEMES = ['light', 'dark'] as const;

/** test-output/screenshots/<folder>, made when the first picture is taken. */
export function shotsFolder(folder: string): string {
  return path.join(import.meta.dirname, '..', '..', 'test-output', 'screenshots', folder);
}

/** Takes whole-page pictures into test-output/screenshots/<folder>/<name>.png. */
export function pageShooter(folder: string): (page: Page, name: string) => Promise<void> {
  const out = shotsFolder(folder);
  return async (page, name) => {
    fs.mkdirSync(out, { recursive: true });
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  };
}
