// Screenshots of the window's #22 states (`npm run screenshots`): teammates edited, the layout under a
// notification warning with the 12-hour clock, and the window without Cadence and back. A Wednesday in
// Berlin under libfaketime, at the desktop and the tray-popover size, light and dark.
import { notificationsFailing } from '../fakes/fakeNotifySend';
import { FOUR_TEAMMATES } from '../fakes/teammateFixtures';
import { emptyIntents, type Intents } from '../../shared/intents';
import { expect, test } from '../e2e/fixtures';
import { pageShooter, SCHEMES, SIZES } from './shotKit';

const shoot = pageShooter('window');
const ZONE = 'Europe/Berlin';

function withTeammates(): Intents {
  return { ...emptyIntents(), teammates: [...FOUR_TEAMMATES] };
}

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test(`the window keeps its word, ${size.name}, ${scheme}`, async ({ cadence, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${size.name}-${scheme}`;
      // Desktop notifications failing, the day given ten more minutes, on the 12-hour clock.
      const { service } = await cadence.open({
        zone: ZONE,
        intents: withTeammates(),
        settings: { clock: '12h' },
        serve: {
          faketime: '2026-11-25 17:31:00',
          env: notificationsFailing(),
        },
      });
      await expect(page.getByText(/Desktop notifications are not working/)).toBeVisible({ timeout: 15_000 });
      await page.getByRole('button', { name: '10 more minutes' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('a little longer');
      await shoot(page, `today-warning-${suffix}`);
      await page.getByRole('button', { name: 'Teammates', exact: true }).click();
      await expect(page.getByText('Priya Raman')).toBeVisible();
      await shoot(page, `teammates-12h-${suffix}`);
      await page.getByRole('button', { name: 'Edit Ana Souza' }).click();
      await expect(page.getByRole('form', { name: 'Edit Ana Souza' })).toBeVisible();
      await shoot(page, `teammate-edit-${suffix}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await service.stop('SIGKILL');
      await expect(page.getByLabel('Status: Not connected')).toBeVisible();
      await shoot(page, `not-connected-teammates-${suffix}`);
    });
