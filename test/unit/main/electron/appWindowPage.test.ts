import { afterEach, describe, expect, it } from 'vitest';
import { appWindowPage } from '../../../../main/electron/appProtocol';
import { FIRST_SCREEN_ID, type FirstScreen } from '../../../../shared/firstScreen';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
// The built page's shape (renderer/index.html after the build): a root to render into, a module script.
const PAGE =
  '<!doctype html><html lang="en"><head><script type="module" crossorigin src="./assets/index-x.js"></script></head>' +
  '<body>\n    <div id="root"></div>\n  </body></html>';

let harness: Harness | null = null;
afterEach(() => {
  harness?.service.dispose();
  harness = null;
});

/** The real service on a Wednesday, 10:30 in Berlin (work Mon–Fri 09:00–17:30), in a 24-hour clock. */
function service(): Harness {
  const dir = tempDir();
  seedSettings(dir, ZONE, { clock: '24h' });
  harness = startService(dir, new FakeClock(at('2026-11-25T10:30', ZONE), ZONE));
  return harness;
}

const headlineOf = (page: string) => /<h1 id="headline" tabindex="-1">([^<]*)<\/h1>/.exec(page)?.[1] ?? null;
const dataOf = (page: string): FirstScreen =>
  JSON.parse(
    new RegExp(`<script type="application/json" id="${FIRST_SCREEN_ID}">(.*?)</script>`).exec(page)?.[1] ??
      'null',
  ) as FirstScreen;

describe('the desktop window’s page comes with its first screen written in', () => {
  it('writes the Today headline the window writes, and the data it was written from, inside the root', () => {
    const { service: core } = service();
    expect(core.execute('focus.start', { minutes: 50 }).ok).toBe(true);
    const page = appWindowPage(PAGE, core, 'en-US');
    expect(headlineOf(page)).toBe('Focusing until 11:20.');
    expect(page).toContain('aria-label="Status: Focusing"');
    expect(page.indexOf('<div id="root"><div class="app">')).toBeGreaterThan(0);
    const data = dataOf(page);
    expect(data.status.mode).toBe('focus');
    expect(data.plan.date).toBe('2026-11-25');
    expect(data.settings.clock).toBe('24h');
    expect(data.integrations).toEqual([]);
    // The rest of the page is as built: the script, and no inline script that would run.
    expect(page.startsWith(PAGE.slice(0, PAGE.indexOf('<div id="root">')))).toBe(true);
    expect(page.match(/<script(?![^>]*type="(module|application\/json)")/g)).toBeNull();
  });

  it('a meeting title can neither end the data’s element nor add markup', () => {
    const { service: core } = service();
    // The title is the user's (or a calendar's): as hostile as it gets.
    const title = '</script><script>alert(1)</script><b>Plan</b> & "Q1"';
    const status = core.query('status');
    const plan = core.query('plan');
    const settings = core.query('settings');
    if (!status.ok || !plan.ok || !settings.ok) throw new Error('queries failed');
    const meeting = {
      ...status.value,
      mode: 'meeting' as const,
      reason: 'meeting' as const,
      meeting: { title, endsAt: '2026-11-25T11:00:00.000+01:00' },
    };
    const fake = {
      query: ((name: string) =>
        name === 'status'
          ? { ok: true, value: meeting }
          : name === 'plan'
            ? plan
            : name === 'settings'
              ? settings
              : { ok: true, value: [] }) as Harness['service']['query'],
    };
    const page = appWindowPage(PAGE, fake, 'en-GB');
    expect(page.match(/<\/script>/g)).toHaveLength(2); // the module script's and the data's own
    expect(page).not.toContain('<b>Plan</b>');
    expect(headlineOf(page)).toBe(
      'In “&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Plan&lt;/b&gt; &amp; &quot;Q1&quot;” until 11:00.',
    );
    expect(dataOf(page).status.meeting?.title).toBe(title);
  });

  it('without the service (not yet started) or a root to write into, the page as it is', () => {
    expect(appWindowPage(PAGE, null, 'en-US')).toBe(PAGE);
    const { service: core } = service();
    expect(appWindowPage('<html><body><main></main></body></html>', core, 'en-US')).toBe(
      '<html><body><main></main></body></html>',
    );
  });
});
