import { expect, test } from './fixtures';
import { plainHttpTeamFileRefused } from './teamSteps';

/**
 * A view opened while its code is still on its way, then a save: the answer reaches the view the person
 * is looking at. (The view used to be mounted afresh on the first render after its code had loaded,
 * losing what was typed and the answer awaited; CI saw it now and then, with whatever timing it had.)
 */
test('a view opened before its code arrived keeps what was typed and shows the save’s answer', async ({
  page,
  cadence,
}) => {
  // The Settings view's code comes a second late, however fast this machine is.
  await page.route('**/assets/SettingsView-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await cadence.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  const { address } = await plainHttpTeamFileRefused(page);
  await expect(address).toHaveValue('http://example.com/team.json');
});
