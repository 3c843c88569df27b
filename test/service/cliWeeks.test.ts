import { afterEach, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { cli, serve, stopAllServices } from '../fakes/processHarness';

afterEach(() => stopAllServices());

const GOAL = {
  weeklyHours: 6,
  minBlockMinutes: 45,
  maxBlockMinutes: 90,
  preferred: 'morning',
  start: 'prompt',
} as const;

describe('the CLI and the one week', () => {
  it('plans and exports by the week in settings, today taken in the work zone, whatever the machine’s zone', async () => {
    const dir = tempDir();
    // Saturday 28 November 2026, 23:30 in Kolkata (18:00 UTC); weeks start on Sunday.
    seedSettings(dir, 'Asia/Kolkata', { weekStart: 7, focusGoal: GOAL });
    await serve(dir, { faketime: '2026-11-28 23:30:00', env: { TZ: 'Asia/Kolkata' } });
    for (const TZ of ['UTC', 'Asia/Kolkata']) {
      const plan = await cli(dir, ['plan'], { TZ });
      expect(plan.code).toBe(0);
      // Saturday is the last day of the week: the goal plans the coming one, and the CLI says so as the window does.
      expect(plan.stdout).toMatch(
        /Focus goal next week \(from Sunday,? (29 November|November 29)\): 0 min of 6 h done, 6 h planned\./,
      );
      const csv = await cli(dir, ['export'], { TZ });
      const dates = csv.stdout
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      // The four calendar weeks the window's charts show, from a Sunday up to today in Kolkata.
      expect([dates[0], dates.at(-1), dates.length]).toEqual(['2026-11-01', '2026-11-28', 28]);
    }
  });
});
