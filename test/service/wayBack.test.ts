import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { recordingBrowser } from '../fakes/recordingBrowser';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

describe('a way back into the window once its address has left the address bar', () => {
  it('cadence open gives the browser a link that works once and carries no token; the terminal gets the address', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir);
    const browser = recordingBrowser();
    const opened = await cli(dir, ['open'], browser.env);
    expect(opened.code).toBe(0);
    // The full address goes to the user's own terminal, to keep or bookmark.
    expect(opened.stdout).toContain('Your browser opens the Cadence window.');
    expect(opened.stdout).toContain(service.windowUrl);
    // What reaches a command line (readable by every local user in /proc) is the path of a file of the
    // user's own, which sends the browser on to a one-time link: no token, not even the link.
    await expect.poll(browser.opened).toBe(`file://${path.join(dir, 'open-window.html')}`);
    expect(fs.statSync(path.join(dir, 'open-window.html')).mode & 0o777).toBe(0o600);
    const link = browser.link();
    expect(link).toMatch(new RegExp(`^${service.url}/open/[\\w-]{20,}$`));
    expect(link).not.toContain(service.token);
    const first = await fetch(link, { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([303, `/#token=${service.token}`]);
    expect(first.headers.get('cache-control')).toBe('no-store');
    // Once used, the link is worth nothing, and says what to do.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(410);
    expect(again.headers.get('location')).toBeNull();
    const page = await again.text();
    expect(page).toContain('This link has expired');
    expect(page).toContain('cadence open');
    expect(page).not.toContain(service.token);
    // A made-up link opens nothing either, and a link is made only for the token's holder.
    expect((await fetch(`${service.url}/open/guessed-nonce-0000000000`, { redirect: 'manual' })).status).toBe(
      410,
    );
    expect((await fetch(`${service.url}/api/window`, { method: 'POST' })).status).toBe(401);
  });

  it('with no browser to open, cadence open still prints the address; cadence status prints it too', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir);
    const headless = await cli(dir, ['open'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(headless.code).toBe(0);
    expect(headless.stdout).toMatch(/^No browser could be opened here\./);
    expect(headless.stdout.trim().split('\n').at(-1)).toBe(service.windowUrl);
    const status = await cli(dir, ['status']);
    expect(status.stdout.trim().split('\n').at(-1)).toBe(
      `Window (keep it to yourself: it holds your key): ${service.windowUrl}`,
    );
    // JSON stays the status alone.
    expect(JSON.parse((await cli(dir, ['status', '--json'])).stdout)).not.toHaveProperty('window');
  });
});
