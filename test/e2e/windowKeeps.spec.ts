import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { cli, serve } from '../fakes/processHarness';
import { notificationsFailing } from '../fakes/fakeNotifySend';
import { FOUR_TEAMMATES } from '../fakes/teammateFixtures';
import { emptyIntents, type Intents } from '../../shared/intents';
import type { TeammateView } from '../../shared/statusView';
import { expect, test } from './fixtures';

// Issue #22, "a window that keeps its word": it comes back by itself, teammates are edited, and the layout
// holds at the desktop and the tray-popover size. A Wednesday in Berlin, under libfaketime.
const ZONE = 'Europe/Berlin';
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'popover', width: 420, height: 700 },
] as const;

function withTeammates(): Intents {
  return { ...emptyIntents(), teammates: [...FOUR_TEAMMATES] };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a piece of text takes one line: its height is under one and a half of its line height. */
async function oneLine(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.3;
    return element.getBoundingClientRect().height < line * 1.5;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join('test-output', 'screenshots', 'window');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

for (const size of SIZES)
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('Not connected, and back: a lost answer, then Cadence restarted; the window comes back by itself', async ({
      cadence,
    }) => {
      // A port of its own: Cadence's usual one may be taken by another Cadence the moment this one stops.
      const port = String(await freePort());
      const { page, service, dir } = await cadence.open({
        zone: ZONE,
        intents: withTeammates(),
        serve: { faketime: '2026-11-25 10:00:00', args: ['--port', port] },
      });
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Working');
      // Marks this document: a reload would lose it.
      await page.evaluate(() => sessionStorage.setItem('same-document', String(performance.timeOrigin)));
      const sameDocument = () =>
        page.evaluate(() => sessionStorage.getItem('same-document') === String(performance.timeOrigin));

      // Cadence starts the block, and its answer is lost on the way back.
      let lost = false;
      await page.route('**/api/command/focus.start', async (route) => {
        if (lost) return route.continue();
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await page.getByRole('button', { name: 'Focus 25 min' }).click();
      await expect(page.getByLabel('Status: Focusing')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Focusing until 10:25');
      await expect(page.getByText(/Lost the connection|did not answer|not reachable/)).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Stop focus' })).toBeEnabled();
      expect(lost).toBe(true);

      // Cadence stops; meanwhile the block ends and a teammate is added elsewhere.
      await page.getByRole('button', { name: 'Teammates', exact: true }).click();
      await expect(page.getByText('Priya Raman')).toBeVisible();
      await service.stop();
      await expect(page.getByLabel('Status: Not connected')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit Ana Souza' })).toBeDisabled();
      await shot(page, `not-connected-${size.name}`);
      const file = path.join(dir, 'intents.json');
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Intents;
      stored.teammates.push({
        ...stored.teammates[0]!,
        id: 'lena',
        name: 'Lena Weber',
        timeZone: 'Europe/Berlin',
      });
      fs.writeFileSync(file, JSON.stringify(stored));
      await serve(dir, {
        faketime: '2026-11-25 10:40:00',
        env: { TZ: ZONE },
        args: ['--port', port],
      });

      await expect(page.getByLabel('Status: Working')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByText('Lena Weber')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit Ana Souza' })).toBeEnabled();
      expect(await sameDocument()).toBe(true);
      await shot(page, `back-${size.name}`);
    });

    test('a teammate added by hand is edited: name, zone by city, hours and email, checked as when adding', async ({
      cadence,
    }) => {
      const { page, dir } = await cadence.open({
        zone: ZONE,
        intents: withTeammates(),
        serve: { faketime: '2026-11-25 11:20:00' },
      });
      await page.getByRole('button', { name: 'Teammates', exact: true }).click();
      await page.getByRole('button', { name: 'Edit Priya Raman' }).click();
      const form = page.getByRole('form', { name: 'Edit Priya Raman' });
      await expect(form.getByLabel('Name')).toHaveValue('Priya Raman');
      await expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Kolkata');
      // Written as the window's language writes a 24-hour time (en-GB: 9:00).
      await expect(form.getByLabel('From')).toHaveValue(/^0?9:00$/);
      await expect(form.getByLabel('To')).toHaveValue('17:00');
      // From and To read as one pair, side by side, at both sizes.
      const from = await form.getByLabel('From').boundingBox();
      const to = await form.getByLabel('To').boundingBox();
      expect(Math.abs(from!.y - to!.y)).toBeLessThan(2);
      // The "Add a teammate" form is not the one open.
      await expect(page.getByRole('button', { name: 'Add a teammate' })).toHaveAttribute(
        'aria-expanded',
        'false',
      );

      const zone = form.getByRole('combobox', { name: 'Time zone' });
      await zone.fill('Atlantis');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect(form.getByText('Unknown time zone')).toBeVisible();

      await form.getByLabel('Name').fill('Priya R.');
      await zone.fill('berlin');
      await zone.press('ArrowDown');
      await zone.press('Enter');
      await expect(zone).toHaveValue('Europe/Berlin');
      await form.getByLabel('From').fill('08:00');
      await form.getByLabel('To').fill('16:00');
      await form.getByLabel(/Email/).fill('priya@example.com');
      await shot(page, `teammate-edit-${size.name}`);
      await form.getByRole('button', { name: 'Save changes' }).click();

      await expect(form).toHaveCount(0);
      await expect(page.getByText('Priya R. was saved.')).toBeVisible();
      const row = page.locator('[data-teammate="p1"]');
      await expect(row).toContainText('Priya R.');
      await expect(row).toContainText('Europe/Berlin');
      await expect(row.getByRole('button', { name: 'Edit Priya R.' })).toBeFocused();
      const listed = JSON.parse((await cli(dir, ['teammates', '--json'])).stdout) as TeammateView[];
      expect(listed.find((t) => t.id === 'p1')?.entered).toMatchObject({
        email: 'priya@example.com',
        week: { '1': [{ start: '08:00', end: '16:00' }] },
      });
      await shot(page, `teammate-edited-${size.name}`);
    });

    test('the layout: teammate times on one line, Close the day on the first screen under a notification warning', async ({
      cadence,
    }) => {
      const { page } = await cadence.open({
        zone: ZONE,
        intents: withTeammates(),
        settings: { clock: '12h' },
        serve: { faketime: '2026-11-25 17:31:00', env: notificationsFailing() },
      });
      const warning = page.getByText(/Desktop notifications are not working/);
      await expect(warning).toBeVisible({ timeout: 15_000 });
      // One pair of brackets at most, never one inside another.
      expect(await warning.textContent()).not.toMatch(/\([^)]*\(/);
      await page.getByRole('button', { name: '10 more minutes' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Working a little longer');
      const close = page.getByRole('button', { name: /^Close the day/ }).first();
      const box = await close.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(700);
      await shot(page, `today-warning-${size.name}`);

      await page.getByRole('button', { name: 'Teammates', exact: true }).click();
      await expect(page.getByText('Priya Raman')).toBeVisible();
      for (const time of await page.locator('.teammate-row[data-teammate] .teammate-time strong').all())
        expect(await oneLine(time), (await time.textContent()) ?? '').toBe(true);
      const edit = await page.getByRole('button', { name: 'Edit Ana Souza' }).boundingBox();
      const remove = await page.getByRole('button', { name: 'Remove Ana Souza' }).boundingBox();
      expect(edit?.y).toBe(remove?.y);
      await shot(page, `teammates-12h-${size.name}`);
    });
  });
