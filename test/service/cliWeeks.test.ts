import { afterEach, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { SIX_HOUR_GOAL } from '../unit/shared/weekFixtures';

afterEach(() => stopAllServices());

describe('the CLI and the one week', () => {
  it('plans and exports by the week in settings, today taken in the work zone, whatever the machine’s zone', async () => {
    const dir = tempDir();
    // Sunday 29 November 2026, 03:00 in Kolkata (still Saturday in UTC); weeks start on Monday.
    seedSettings(dir, 'Asia/Kolkata', { weekStart: 1, focusGoal: SIX_HOUR_GOAL });
    await serve(dir, { faketime: '2026-11-29 03:00:00', env: { TZ: 'Asia/Kolkata' } });
    for (const TZ of ['UTC', 'Asia/Kolkata']) {
      const plan = await cli(dir, ['plan'], { TZ });
      expect(plan.code).toBe(0);
      // Sunday is the last day of the week: the goal plans the coming one, and the CLI says so as the window does.
      expect(plan.stdout).toMatch(
        /Focus goal next week \(from Monday,? (30 November|November 30)\): 0 min of 6 h done, 6 h planned\./,
      );
      const csv = await cli(dir, ['export'], { TZ });
      const dates = csv.stdout
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      // The four calendar weeks the window's charts show, from a Monday up to today in Kolkata.
      expect([dates[0], dates.at(-1), dates.length]).toEqual(['2026-11-02', '2026-11-29', 28]);
    }
  });
});
