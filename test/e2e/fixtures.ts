import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  ROOT,
  type RunningService,
  serve,
  type ServeOptions,
  stopAllServices,
} from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';

export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

export interface CadenceFixture {
  /** Starts the real headless service on a fresh data folder and opens its window. */
  open(options?: {
    zone?: string;
    settings?: Partial<Settings> | null;
    intents?: Intents;
    serve?: ServeOptions;
  }): Promise<{ page: Page; service: RunningService; dir: string }>;
  shot(name: string): Promise<void>;
}

export const test = base.extend<{ cadence: CadenceFixture }>({
  cadence: async ({ page }, use, testInfo) => {
    const journal = windowJournal(page);
    await use({
      async open(options = {}) {
        const dir = tempDir('cadence-e2e-');
        const zone = options.zone ?? 'UTC';
        if (options.settings !== null) seedSettings(dir, zone, options.settings ?? {});
        if (options.intents)
          fs.writeFileSync(path.join(dir, 'intents.json'), JSON.stringify(options.intents));
        const service = await serve(dir, { ...options.serve, env: { TZ: zone, ...options.serve?.env } });
        // A second service may take the port of the first: the URL then differs in its fragment alone,
        // which the browser would treat as the same document, so the window starts from a blank page.
        if (page.url() !== 'about:blank') await page.goto('about:blank');
        await page.goto(service.windowUrl);
        return { page, service, dir };
      },
      async shot(name) {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      },
    });
    // Every service the test started, including those it started itself with serve(), and under faketime
    // the service as well as its wrapper.
    await stopAllServices('SIGKILL');
    // A failed test says what the window went through: its loads, lost requests, closed sockets, errors.
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('window journal', { body: journal.join('\n'), contentType: 'text/plain' });
  },
});

/** What happened to the window beyond the test's own steps, timed from the test's start. */
function windowJournal(page: Page): string[] {
  const started = Date.now();
  const journal: string[] = [];
  const note = (what: string) => journal.push(`${((Date.now() - started) / 1000).toFixed(2)} s  ${what}`);
  const short = (url: string) => url.replace(/#.*$/, '#…').replace(/token=[^&]+/, 'token=…');
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(`page loaded ${short(frame.url())}`);
  });
  page.on('requestfailed', (request) =>
    note(`request failed: ${request.method()} ${short(request.url())} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 500) note(`answer ${response.status()}: ${short(response.url())}`);
  });
  page.on('websocket', (socket) => {
    note('event socket opened');
    socket.on('close', () => note('event socket closed'));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      note(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('popup', (popup) => note(`popup ${short(popup.url())}`));
  return journal;
}

export { expect };

/** The page as axe sees it: no serious or critical violation, each named with where it is. */
export async function noSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
