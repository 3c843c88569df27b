import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import { setLocalZone } from '../../shared/clockTime';
import { type CadenceHost, startHost } from '../../main/headless/startHeadless';
import { FakeClock } from '../fakes/fakeClock';
import { countDateTimeFormats } from '../fakes/intlCounter';
import { cli } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

/**
 * The idle service of a person in Berlin on a Berlin machine keeps no ICU date formatting in memory:
 * the first Intl.DateTimeFormat pages in about 8 MB that stay resident for good (issue #23). Its dates
 * and times come from Date's local getters in the computer's own zone (test/unit/shared/localZone.test.ts
 * proves them equal to Intl's), and its settings name their own first day of the week.
 */
const originalTz = process.env.TZ;
let host: CadenceHost | null = null;

beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});

afterEach(() => {
  host?.dispose();
  host = null;
});

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  // The host told the time functions Date runs in Berlin; it no longer does.
  setLocalZone(null);
});

describe('the idle service on a Berlin machine', () => {
  it('starts, answers `cadence status` three times, and has created no DateTimeFormat', async () => {
    const dir = tempDir();
    seedSettings(dir, 'Europe/Berlin');
    const created = countDateTimeFormats();
    try {
      host = await startHost({
        dataDir: dir,
        // A Monday morning in December: no clock change near, so nothing needs Intl.
        clock: new FakeClock(Date.UTC(2026, 11, 7, 8, 0)),
        notifier: new MemoryNotifier(),
        activity: { source: null, reason: 'none in this test' },
      });
      for (let i = 0; i < 3; i++) {
        const status = await cli(dir, ['status']);
        expect(status.stderr).toBe('');
        expect(status.stdout).toMatch(/^Working · next: lunch at 12:00 PM\./);
      }
      expect(created.count).toBe(0);
    } finally {
      created.restore();
    }
  });
});
