import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * In Settings → Team, a team file over plain http elsewhere than this computer is saved and refused, in
 * words, on the field, with what was typed kept. Returns the group and its address field.
 */
export async function plainHttpTeamFileRefused(page: Page): Promise<{ team: Locator; address: Locator }> {
  const team = page.getByRole('group', { name: 'Team' });
  const address = team.getByLabel('Team file address');
  await address.fill('http://example.com/team.json');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(team).toContainText('use https: a team file is read over plain http only from this computer');
  return { team, address };
}
