// Screenshots of Settings' sign-in guides for people to look at (`npm run screenshots`): each guide open,
// the Slack manifest copied, and a saved client id with Change and Remove, at both sizes, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { SCHEMES, shotsFolder, SIZES } from './shotKit';

const OUT = shotsFolder('guides');

/** The Integrations part of Settings, without the sticky save bar across its stitched picture. */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  await page
    .getByRole('group', { name: 'Integrations' })
    .screenshot({ path: path.join(OUT, `${name}.png`), style: '.save-bar { visibility: hidden; }' });
}

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test(`sign-in guides, ${size.name}, ${scheme}`, async ({ cadence, page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const suffix = `${size.name}-${scheme}`;
      await cadence.open({ zone: 'Europe/Berlin' });
      await page.getByRole('button', { name: 'Settings' }).click();
      const row = (name: string) => page.locator('.integration').filter({ hasText: name });
      await row('Slack').getByText('How to make your Slack app, step by step').click();
      await row('Slack').getByRole('button', { name: 'Copy the manifest' }).click();
      await expect(row('Slack').getByRole('status')).toHaveText('Copied. Now paste it in Slack.');
      await shoot(page, `slack-${suffix}`);
      await row('Slack').getByText('How to make your Slack app, step by step').click();
      await row('Google Calendar').getByText('How to make your Google Calendar app').click();
      await shoot(page, `google-${suffix}`);
      await row('Google Calendar').getByText('How to make your Google Calendar app').click();
      await row('Microsoft 365').getByText('How to make your Microsoft 365 app').click();
      await shoot(page, `microsoft-${suffix}`);
      await row('Microsoft 365').getByText('How to make your Microsoft 365 app').click();
      const google = row('Google Calendar');
      await google
        .getByLabel('Google Calendar client ID')
        .fill('812345678901-abc.apps.googleusercontent.com');
      await google.getByLabel('Google Calendar client secret').fill('GOCSPX-example');
      await google.getByRole('button', { name: 'Save' }).click();
      await expect(google).toContainText('client secret saved');
      await shoot(page, `saved-${suffix}`);
      await google.getByRole('button', { name: 'Change' }).click();
      await shoot(page, `change-${suffix}`);
    });
