import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { emptyIntents } from '../../shared/intents';
import { api, ROOT, serve } from '../fakes/processHarness';
import { expect, SCREENSHOTS, test } from './fixtures';

// The window's first heading at once (#23): a browser that has opened the window with the key before
// gets the page with the Today headline (and the day's data) written in, so the headline needs no
// script. Under libfaketime on a Wednesday, 10:30 in Berlin (work Mon–Fri 09:00–17:30).
const AT = { zone: 'Europe/Berlin', serve: { faketime: '2026-11-25 10:30:00' } } as const;
const PAGE = fs.readFileSync(path.join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');

/** The window's cookie, once the page has proved it holds the key. */
async function windowCookie(context: BrowserContext) {
  await expect
    .poll(async () => (await context.cookies()).map((cookie) => cookie.name))
    .toContain('cadence-window');
  return (await context.cookies()).find((cookie) => cookie.name === 'cadence-window')!;
}

/** The headline as the page's HTML carries it (before any script), or null. */
async function headlineInPage(page: Page, url: string): Promise<string | null> {
  const response = await page.request.get(url);
  return /<h1 id="headline"[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1] ?? null;
}

test('a window that opened with its key comes back with the headline in its page; without the cookie, the page has nothing of the user’s', async ({
  cadence,
}) => {
  const { page, service } = await cadence.open({ ...AT, settings: { clock: '24h' } });
  await page.getByRole('button', { name: 'Focus 50 min' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusing until 11:20.');
  const cookie = await windowCookie(page.context());
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  // Not the token: a cookie that leaked (cookies are not kept apart by port) drives nothing.
  expect(cookie.value).not.toContain(service.token);
  expect(
    (await api(service, '/api/query/status', {}, { authorization: `Bearer ${cookie.value}` })).status,
  ).toBe(401);

  const withCookie = await page.request.get(`${service.url}/`);
  expect(withCookie.headers()['cache-control']).toBe('no-store');
  const html = await withCookie.text();
  expect(html).toContain('<h1 id="headline" tabindex="-1">Focusing until 11:20.</h1>');
  expect(html).toContain('<script type="application/json" id="cadence-first">');
  // The data is JSON that no script runs: the CSP stays script-src 'self'.
  expect(withCookie.headers()['content-security-policy']).toContain("script-src 'self';");

  // Another local user can reach 127.0.0.1 too: without the cookie, or with a wrong one, the page is the
  // built file as it is, with no headline and no data.
  for (const headers of [
    {},
    { cookie: 'cadence-window=wrong' },
    { cookie: `cadence-window=${service.token}` },
  ]) {
    const response = await fetch(`${service.url}/`, { headers });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const text = await response.text();
    expect(text).toBe(PAGE);
    expect(text).not.toContain('Focusing');
  }
});

test.use({ locale: 'en-US' });

test('with JavaScript off, a returning window still shows its headline and status; with it on, the window renders over it in place', async ({
  cadence,
  browser,
}) => {
  // No locale chosen: the browser's (en-US, 12 hours), which the page is written in as the window writes.
  const { page, service } = await cadence.open({ ...AT, settings: { locale: null } });
  await page.getByRole('button', { name: 'Focus 25 min' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusing until 10:55 AM.');
  await windowCookie(page.context());
  const state = await page.context().storageState();

  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: state,
    locale: 'en-US',
  });
  try {
    const still = await noScript.newPage();
    await still.goto(`${service.url}/`);
    await expect(still.getByRole('heading', { level: 1 })).toHaveText('Focusing until 10:55 AM.');
    await expect(still.getByRole('img', { name: /^Status: Focusing/ })).toBeVisible();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await still.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-before-script.png') });
    const before = await still.locator('#headline').boundingBox();

    // The window opened again (a reload keeps the key for the tab): never "Loading your day…", the
    // headline where it was, and one of it.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('.loading')) seen.push('loading');
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Focusing until 10:55 AM.');
    await expect(page.getByRole('timer', { name: 'Focus time left' })).toBeVisible();
    await expect(page.locator('#headline')).toHaveCount(1);
    await expect(page.locator('#cadence-first')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-after-script.png') });
    const after = await page.locator('#headline').boundingBox();
    expect(after?.x).toBeCloseTo(before?.x ?? -1, 0);
    expect(after?.y).toBeCloseTo(before?.y ?? -1, 0);

    // Fully working after: stop the block, see every view.
    await page.getByRole('button', { name: 'Stop focus' }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Focusing/);
    for (const view of ['Teammates', 'Week', 'Settings']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  } finally {
    await noScript.close();
  }
});

test('a new token voids the window cookie; the one-time link of `cadence open` gives a fresh one', async ({
  cadence,
}) => {
  const { page, service, dir } = await cadence.open({ ...AT, intents: emptyIntents() });
  await windowCookie(page.context());
  expect(await headlineInPage(page, `${service.url}/`)).toMatch(/^Working/);
  await service.stop();

  fs.writeFileSync(path.join(dir, 'api-token'), 'a-new-token-for-this-folder-0123456789abcdef', {
    mode: 0o600,
  });
  const again = await serve(dir, { ...AT.serve, env: { TZ: AT.zone } });
  expect(again.token).toBe('a-new-token-for-this-folder-0123456789abcdef');
  // The browser still sends the old cookie (127.0.0.1, whatever the port): it opens nothing now.
  expect((await page.context().cookies()).some((c) => c.name === 'cadence-window')).toBe(true);
  expect(await headlineInPage(page, `${again.url}/`)).toBeNull();

  const link = await api(again, '/api/window', {});
  const opened = await page.request.get(String((link.body.value as { url: string }).url), {
    maxRedirects: 0,
  });
  expect(opened.status()).toBe(303);
  expect(opened.headers()['set-cookie']).toMatch(
    /^cadence-window=[\w-]+; HttpOnly; SameSite=Strict; Path=\//,
  );
  expect(await headlineInPage(page, `${again.url}/`)).toMatch(/^Working/);
});
