import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { slackRedirectUrls } from '../../main/providers/endpoints';
import { ROOT } from '../fakes/processHarness';
import { SlackFake } from '../fakes/slackFake';
import { expect, noSeriousAxeViolations, SCREENSHOTS, test } from './fixtures';
import { ALL_WEEK, slackEnv, signInThroughPopup } from './integrationSteps';

/** What Slack is given: the file in the repository, without its notes for developers. */
const MANIFEST = `${fs
  .readFileSync(path.join(ROOT, 'slack-app-manifest.yml'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join('\n')
  .trim()}\n`;

const rowOf = (page: Page, name: string): Locator => page.locator('.integration').filter({ hasText: name });

/** Opens a service's guide and answers it, with where each of its links leads, in order. */
async function openGuide(row: Locator, name: string): Promise<{ guide: Locator; hrefs: string[] }> {
  await row.getByText(`How to make your ${name} app, step by step`).click();
  const guide = row.locator('.connect-guide');
  await expect(guide.locator('ol')).toBeVisible();
  const links = guide.getByRole('link');
  // Every link leaves the window for the browser (in Electron, the shell hands it to the system browser).
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
  }
  return { guide, hrefs: await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href)) };
}

/** Each of `words` appears in the guide, each after the one before: the steps in the provider's order. */
async function saysInOrder(guide: Locator, words: readonly string[]): Promise<void> {
  const text = (await guide.textContent()) ?? '';
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    expect(at, `"${word}" after "${text.slice(Math.max(0, from - 40), from)}"`).toBeGreaterThanOrEqual(0);
    from = at + word.length;
  }
}

const integrationsShot = async (page: Page, name: string): Promise<void> => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page
    .getByRole('group', { name: 'Integrations' })
    // The sticky save bar would land across the middle of the fieldset's stitched picture.
    .screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), style: '.save-bar { visibility: hidden; }' });
};

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 420, height: 700 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('each guide is complete, with links to the documented consoles, and the Slack manifest copies from the window', async ({
      cadence,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const { page } = await cadence.open({ settings: ALL_WEEK });
      await page.getByRole('button', { name: 'Settings' }).click();

      const slack = await openGuide(rowOf(page, 'Slack'), 'Slack');
      expect(slack.hrefs).toEqual([
        'https://api.slack.com/apps?new_app=1',
        'https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests',
      ]);
      await expect(slack.guide).toContainText('From a manifest');
      await expect(slack.guide).toContainText('Basic Information');
      // An installed app has no folder to find a file in: the manifest is in the window.
      await expect(slack.guide).not.toContainText('Cadence folder');
      const manifest = slack.guide.getByLabel('Cadence’s Slack app manifest');
      await expect(manifest).toHaveText(MANIFEST, { useInnerText: true });
      for (const url of slackRedirectUrls()) await expect(manifest).toContainText(url);
      await slack.guide.getByRole('button', { name: 'Copy the manifest' }).click();
      await expect(slack.guide.getByRole('status')).toHaveText('Copied. Now paste it in Slack.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MANIFEST);
      await noSeriousAxeViolations(page);
      // The manifest's long lines wrap: nothing scrolls sideways, even at 420 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await integrationsShot(page, `guides-slack-${viewport.width}`);
      await rowOf(page, 'Slack').getByText('How to make your Slack app, step by step').click();

      const google = await openGuide(rowOf(page, 'Google Calendar'), 'Google Calendar');
      expect(google.hrefs).toEqual([
        'https://console.cloud.google.com/projectcreate',
        'https://console.cloud.google.com/apis/library/calendar-json.googleapis.com',
        'https://console.cloud.google.com/auth/overview',
        'https://console.cloud.google.com/auth/scopes',
        'https://console.cloud.google.com/auth/audience',
        'https://console.cloud.google.com/auth/clients',
        'https://support.google.com/cloud/answer/15544987',
      ]);
      // The consent screen and its test users come before the client, as Google asks for them.
      await saysInOrder(google.guide, [
        'Enable',
        'Get started',
        'External',
        '…/auth/calendar',
        'test user',
        'Publish app',
        '7 days',
        'Desktop app',
        'Go to … (unsafe)',
      ]);
      await integrationsShot(page, `guides-google-${viewport.width}`);
      await rowOf(page, 'Google Calendar').getByText('How to make your Google Calendar app').click();

      const microsoft = await openGuide(rowOf(page, 'Microsoft 365'), 'Microsoft 365');
      expect(microsoft.hrefs).toEqual([
        'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
        'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-create-new-tenant',
        'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app',
      ]);
      await expect(microsoft.guide).not.toContainText('Allow public client flows');
      await saysInOrder(microsoft.guide, [
        'New registration',
        'create a free Azure account',
        'Accounts in any organizational directory and personal Microsoft accounts',
        'Public client/native (mobile & desktop)',
        'http://localhost',
        'Presence.Read,',
        'Presence.ReadWrite',
        'MailboxSettings.ReadWrite',
        'Calendars.Read',
        'Grant admin consent',
        'Application (client) ID',
      ]);
      await integrationsShot(page, `guides-microsoft-${viewport.width}`);
    });

    test('a saved client id stays in sight, with Change and Remove; the secret is never shown', async ({
      cadence,
    }) => {
      const fake = await new SlackFake().start();
      const { page } = await cadence.open({ settings: ALL_WEEK, serve: { env: slackEnv(fake) } });
      await page.getByRole('button', { name: 'Settings' }).click();

      const google = rowOf(page, 'Google Calendar');
      await google.getByLabel('Google Calendar client ID').fill('cadence-1.apps.googleusercontent.com');
      await google.getByLabel('Google Calendar client secret').fill('GOCSPX-not-for-eyes');
      await google.getByRole('button', { name: 'Save' }).click();
      await expect(google).toContainText(
        'Your Google Calendar app: client ID cadence-1.apps.googleusercontent.com · client secret saved',
      );
      // Still there after a reload: what was saved can be seen.
      await page.reload();
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(google).toContainText('client ID cadence-1.apps.googleusercontent.com');
      expect(await page.content()).not.toContain('GOCSPX-not-for-eyes');
      // Change starts from the id in use; the secret stays unless another is typed.
      await google.getByRole('button', { name: 'Change' }).click();
      await expect(google.getByLabel('Google Calendar client ID')).toHaveValue(
        'cadence-1.apps.googleusercontent.com',
      );
      await expect(google.getByLabel('Google Calendar client secret')).toHaveValue('');
      await integrationsShot(page, `guides-change-${viewport.width}`);
      await google.getByLabel('Google Calendar client ID').fill('cadence-2.apps.googleusercontent.com');
      await google.getByLabel('Google Calendar client secret').fill('GOCSPX-another');
      await google.getByRole('button', { name: 'Save' }).click();
      await expect(google).toContainText(
        'Your Google Calendar app: client ID cadence-2.apps.googleusercontent.com · client secret saved',
      );

      // Slack, signed in: removing its id says that it signs Cadence out, and does.
      const slack = rowOf(page, 'Slack');
      await slack.getByLabel('Slack client ID').fill(fake.auth.clientId);
      await slack.getByRole('button', { name: 'Save' }).click();
      await expect(slack).toContainText(`Your Slack app: client ID ${fake.auth.clientId}`);
      await expect(slack).not.toContainText('client secret saved');
      await signInThroughPopup(page, slack.getByRole('button', { name: 'Connect' }));
      await expect(slack).toContainText('Connected and up to date');
      await integrationsShot(page, `guides-saved-${viewport.width}`);
      await slack.getByRole('button', { name: 'Remove' }).click();
      await expect(slack).toContainText(
        'Removing the client ID also signs Cadence out of Slack. The status, Do Not Disturb and “away” Cadence set last stay on Slack until you change them there (Slack keeps “away” until you set yourself active).',
      );
      await slack.getByRole('button', { name: 'Remove and sign out' }).click();
      await expect(slack).toContainText('Not connected');
      await expect(slack.getByLabel('Slack client ID')).toHaveValue('');
      await expect(slack.getByRole('button', { name: 'Connect' })).toHaveCount(0);
      // Google, not signed in, is removed at once.
      await google.getByRole('button', { name: 'Remove' }).click();
      await expect(google.getByLabel('Google Calendar client ID')).toHaveValue('');
      await fake.server.stop();
    });
  });
}
