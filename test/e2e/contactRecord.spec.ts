import fs from 'node:fs';
import path from 'node:path';
import { SlackFake } from '../fakes/slackFake';
import { expect, noSeriousAxeViolations, test } from './fixtures';
import { connectFromSettings, eveningZone, signInThroughPopup, slackEnv } from './integrationSteps';

test('the record of contacts outside hours: turned on, allowed in Slack, read, marked, kept and printed', async ({
  cadence,
}) => {
  const slack = await new SlackFake().start();
  slack.members = [
    { id: 'UANA', name: 'ana', real_name: 'Ana', tz: 'Europe/Lisbon' },
    { id: 'UKAI', name: 'kai', real_name: 'Kai', tz: 'Asia/Tokyo' },
  ];
  const { page, dir } = await cadence.open({ zone: eveningZone(), serve: { env: slackEnv(slack) } });
  const row = await connectFromSettings(page, 'Slack', slack.auth.clientId);
  // Off by default: Week says nothing of it, and Slack was not asked to read messages.
  await page.getByRole('button', { name: 'Week' }).click();
  await expect(page.locator('#week-in-review')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contacts outside your hours' })).toHaveCount(0);
  expect(slack.granted).not.toContain('im:history');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(/Keep a record of contacts outside my hours/).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // Two evening messages arrive, after the record began: Ana's urgent by the team's keyword, and Kai's,
  // which the person answers.
  const now = Date.now() / 1000;
  slack.history.set('DUANA', [
    { ts: (now + 0.001).toFixed(6), user: 'UANA', text: '!urgent the build is red' },
  ]);
  slack.history.set('DUKAI', [
    { ts: (now + 0.002).toFixed(6), user: 'UKAI', text: 'Secret plans for Monday' },
    { ts: (now + 0.003).toFixed(6), user: 'U0ME', text: 'Thanks, Monday then' },
  ]);
  await expect(row).toContainText('direct messages');
  await signInThroughPopup(page, row.getByRole('button', { name: 'Sign in again to allow it' }));
  await expect.poll(() => slack.granted).toContain('im:history');

  await page.getByRole('button', { name: 'Week' }).click();
  const record = page.getByRole('region', { name: 'Contacts outside your hours' });
  await expect(record).toContainText('2 contacts outside your hours this week so far, 1 of them urgent');
  const table = record.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  const ana = table.getByRole('row').filter({ hasText: 'Ana' });
  const kai = table.getByRole('row').filter({ hasText: 'Kai' });
  await expect(ana).toContainText('Slack direct message');
  await expect(ana).toContainText('Urgent');
  await expect(ana).toContainText('Not answered yet');
  await expect(kai).toContainText('Answered outside your hours');
  // Never the text: not on the page, not in the data folder.
  await expect(record).not.toContainText('build is red');
  const kept = fs.readFileSync(path.join(dir, 'contacts.json'), 'utf8');
  expect(kept).not.toContain('build is red');
  expect(kept).not.toContain('Secret plans');

  await ana.getByRole('button', { name: 'Urgent — I’m on it' }).click();
  await expect(ana).toContainText('Urgent — you were on it');
  await cadence.shot('contact-record');
  await noSeriousAxeViolations(page);
  // At the tray popover's size, the table scrolls within its card rather than the page sideways.
  await page.setViewportSize({ width: 420, height: 700 });
  await record.scrollIntoViewIfNeeded();
  await cadence.shot('contact-record-narrow');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  await page.setViewportSize({ width: 1100, height: 900 });

  const download = page.waitForEvent('download');
  await record.getByRole('link', { name: 'Download as CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^# Working hours \(Etc\/(UTC|GMT[+-]\d+)\): Mon 09:00–17:30/);
  expect(csv[1]).toBe('# No written disconnecting policy followed');
  expect(csv.filter((line) => line.includes(',Ana,true,'))[0]).toMatch(/,urgent_on_it,$/);
  expect(csv.filter((line) => line.includes(',Kai,false,'))[0]).toMatch(/,answered_outside_hours,$/);

  // The printed page is the record alone, with the hours and policy at its top.
  await page.evaluate(() => document.body.classList.add('printing-record'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Today' })).toBeHidden();
  const printed = page.locator('.record-page');
  await expect(printed.getByText(/^Contacts outside my hours, /)).toBeVisible();
  await expect(printed.getByText('No written disconnecting policy followed')).toBeVisible();
  await expect(printed.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Download as CSV')).toBeHidden();
  await cadence.shot('contact-record-print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-record'));

  await kai.getByRole('button', { name: /^Delete the contact from Kai/ }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await record.getByRole('button', { name: 'Delete all…' }).click();
  await record.getByRole('button', { name: 'Delete the whole record' }).click();
  await expect(record).toContainText('No contacts outside your hours from');
  await slack.server.stop();
});
