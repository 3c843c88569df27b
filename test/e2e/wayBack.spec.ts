import path from 'node:path';
import { cli } from '../fakes/processHarness';
import { recordingBrowser } from '../fakes/recordingBrowser';
import { everyDay } from '../unit/shared/domainFixtures';
import { expect, SCREENSHOTS, test } from './fixtures';

const allDay = { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] };

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a tab without the address names cadence open, and cadence open lands in a working window', async ({
      cadence,
      context,
    }) => {
      const { service, dir } = await cadence.open({ settings: allDay });
      // A bookmark or a new tab: the token left the address bar on the first load.
      const tab = await context.newPage();
      await tab.goto(service.url);
      await expect(tab.getByRole('heading', { name: 'Cadence needs its address' })).toBeVisible();
      await expect(tab.getByText('cadence open', { exact: true })).toBeVisible();
      await tab.screenshot({ path: path.join(SCREENSHOTS, `needs-address-${viewport.width}.png`) });

      const browser = recordingBrowser();
      const opened = await cli(dir, ['open'], browser.env);
      expect(opened.stdout).toContain(service.windowUrl);
      await expect.poll(browser.opened).toMatch(/open-window\.html$/);
      const link = browser.link();
      expect(link).not.toContain(service.token);

      await tab.goto(link);
      // The window works, and its address keeps no token.
      await expect(tab.getByRole('heading', { level: 1 })).toContainText('Working');
      await tab.getByRole('button', { name: 'Focus 25 min' }).click();
      await expect(tab.getByLabel('Status: Focusing')).toBeVisible();
      expect(tab.url()).toBe(`${service.url}/`);
      // It stays working on reload (the tab keeps the token).
      await tab.reload();
      await expect(tab.getByLabel('Status: Focusing')).toBeVisible();

      // The same link a second time opens nothing, and says what to do.
      const again = await context.newPage();
      await again.goto(link);
      await expect(again.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
      await expect(again.getByText('Run cadence open again')).toBeVisible();
      await again.screenshot({ path: path.join(SCREENSHOTS, `used-link-${viewport.width}.png`) });
    });
  });
}
