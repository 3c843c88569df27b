import type { Locator, Page } from '@playwright/test';
import type { GoogleFake } from '../fakes/googleFake';
import type { GraphFake } from '../fakes/graphFake';
import type { SlackFake } from '../fakes/slackFake';
import { expect } from './fixtures';

/** Working all day, every day: whatever hour the test runs at, the user is at work. */
export const ALL_WEEK = {
  week: Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]),
  ) as never,
  weekendDays: [],
};

/** A fixed-offset zone where it is evening now (20:00–20:59): outside a nine-to-five day, whatever the hour here. */
export function eveningZone(): string {
  const offset = (((20 - new Date().getUTCHours()) % 24) + 24) % 24;
  const hours = offset > 12 ? offset - 24 : offset;
  // Etc/GMT's sign is inverted: Etc/GMT-5 is five hours ahead of UTC.
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** Where the service finds each fake instead of the real service. */
export const slackEnv = (slack: SlackFake): Record<string, string> => ({
  CADENCE_SLACK_API_URL: slack.apiUrl,
  CADENCE_SLACK_AUTHORIZE_URL: `${slack.server.url}/oauth/v2/authorize`,
  CADENCE_SLACK_TOKEN_URL: `${slack.apiUrl}/oauth.v2.access`,
});

export const googleEnv = (google: GoogleFake): Record<string, string> => ({
  CADENCE_GOOGLE_API_URL: google.apiUrl,
  CADENCE_GOOGLE_AUTHORIZE_URL: `${google.server.url}/o/oauth2/v2/auth`,
  CADENCE_GOOGLE_TOKEN_URL: `${google.server.url}/token`,
});

export const graphEnv = (graph: GraphFake): Record<string, string> => ({
  CADENCE_MICROSOFT_API_URL: graph.apiUrl,
  CADENCE_MICROSOFT_AUTHORIZE_URL: `${graph.server.url}/common/oauth2/v2.0/authorize`,
  CADENCE_MICROSOFT_TOKEN_URL: `${graph.server.url}/common/oauth2/v2.0/token`,
});

/**
 * Signs in in the popup the Connect button opens, then closes it as the page asks ("You can close this
 * tab and go back to Cadence"): a window left behind it can be hidden, where Chromium draws no frames.
 */
export async function signInThroughPopup(page: Page, button: Locator): Promise<void> {
  const popup = page.waitForEvent('popup');
  await button.click();
  const signIn = await popup;
  await expect(signIn.getByRole('heading')).toHaveText('Cadence is connected');
  await signIn.close();
}

/** Enters the client id (and secret) in Settings → Integrations and signs in in the popup. */
export async function connectFromSettings(
  page: Page,
  name: string,
  clientId: string,
  secret?: string,
): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const row = page.locator('.integration').filter({ hasText: name });
  await row.getByLabel(`${name} client ID`).fill(clientId);
  if (secret !== undefined) await row.getByLabel(`${name} client secret`).fill(secret);
  await row.getByRole('button', { name: 'Save' }).click();
  await signInThroughPopup(page, row.getByRole('button', { name: 'Connect' }));
  await expect(row).toContainText('Connected and up to date');
  return row;
}

export const startFocus = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
};
