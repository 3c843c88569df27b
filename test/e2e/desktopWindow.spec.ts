import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolveAppRequest } from '../../main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/security';
import { api, ROOT, serve } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { expect, test } from './fixtures';

/** Working all day, every day: whatever hour the test runs at, the user is at work. */
const ALL_WEEK = {
  week: Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]),
  ) as never,
  weekendDays: [],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The built window as the desktop app serves it: the same files, resolved as app://cadence resolves
 * them, under the desktop app's CSP, talking to the core through a window.cadence of the preload's
 * shape (here carried to a real headless core by Playwright's exposed function, as IPC carries it).
 */
test('the window loads under the desktop app’s CSP through a preload of the same shape, with no violations or errors', async ({
  page,
}) => {
  const dir = tempDir('cadence-desktop-window-');
  seedSettings(dir, 'UTC', ALL_WEEK);
  const service = await serve(dir);
  const rendererDir = path.join(ROOT, 'out', 'renderer');
  const server = http.createServer((req, res) => {
    const target = resolveAppRequest(`app://cadence${req.url ?? '/'}`, rendererDir);
    if ('status' in target || !fs.existsSync(target.file)) {
      res.writeHead('status' in target ? target.status : 404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target.file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    res.end(fs.readFileSync(target.file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.exposeFunction('cadenceInvoke', async (kind: string, name: string, input: unknown) => {
    return (await api(service, `/api/${kind}/${name}`, input ?? {})).body;
  });
  await page.addInitScript(() => {
    const scope = globalThis as unknown as {
      cadence: unknown;
      cadenceInvoke: (kind: string, name: string, input: unknown) => Promise<unknown>;
      cspViolations: string[];
    };
    scope.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      scope.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    // What main/electron/preload.ts exposes: command, query, onEvent.
    scope.cadence = {
      command: (name: string, input?: unknown) => scope.cadenceInvoke('command', name, input),
      query: (name: string, input?: unknown) => scope.cadenceInvoke('query', name, input),
      onEvent: () => () => undefined,
    };
  });
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(page.getByLabel(/^Status:/)).toBeVisible();
    await page.getByRole('button', { name: 'Focus 25 min' }).click();
    await expect
      .poll(async () => (await api(service, '/api/query/status', {})).body)
      .toMatchObject({
        value: { mode: 'focus' },
      });
    for (const view of ['Teammates', 'Week', 'Settings']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(
      await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    server.close();
    await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
