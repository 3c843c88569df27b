import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { ROOT } from '../fakes/processHarness';
import { tempDir } from '../fakes/serviceHarness';
import { expect, test } from './fixtures';

function electronBinary(): string | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const name = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', name);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY);

test('desktop smoke: starts, focus toggles through IPC, the window shows it, quits', async () => {
  test.skip(
    !binary,
    "SKIPPED: Electron's binary is not installed on this machine (its download is blocked here); this test runs where it exists.",
  );
  test.skip(!display, 'SKIPPED: no display for a desktop window (set DISPLAY, e.g. under xvfb-run).');
  // Electron's own profile (cookies, caches, window state) in a folder of the test's, never the user's;
  // Chromium refuses to run as root without --no-sandbox.
  const asRoot = process.getuid?.() === 0;
  const app = await electron.launch({
    executablePath: binary!,
    args: [
      ...(asRoot ? ['--no-sandbox'] : []),
      `--user-data-dir=${tempDir('cadence-electron-profile-')}`,
      ROOT,
      '--data-dir',
      tempDir('cadence-electron-'),
    ],
  });
  const page = await app.firstWindow();
  await expect(page.getByLabel(/^Status:/)).toBeVisible();
  await page.evaluate(() =>
    (
      globalThis as unknown as {
        cadence: { command(name: string, input: unknown): Promise<unknown> };
      }
    ).cadence.command('focus.start', { minutes: 25 }),
  );
  await expect(page.getByLabel('Status: Focusing')).toBeVisible();
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  await app.close();
});
