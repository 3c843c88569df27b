import { describe, expect, it } from 'vitest';
import { type FocusGoal, type FocusPlan, planFocusGoal } from '../../../../shared/focusGoal';
import { emptyIntents } from '../../../../shared/intents';
import type { WorkSpan } from '../../../../shared/settings';
import type { TeamFile } from '../../../../shared/team/teamFile';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';
import { at, settingsIn } from '../domainFixtures';

// Issue #24: "The weekly focus goal plans its blocks on the meeting-free day first and never inside core
// overlap hours (they are for each other)." The example team: core hours 15:00–17:00 Europe/Berlin,
// Monday to Friday; meeting-free Wednesday.

const GOAL: FocusGoal = {
  weeklyMinutes: 10 * 60,
  minBlockMinutes: 45,
  maxBlockMinutes: 120,
  preferred: 'afternoon',
};
const minutesOf = (plan: FocusPlan, date: string) =>
  plan.blocks.filter((b) => b.date === date).reduce((sum, b) => sum + (b.end - b.start) / 60_000, 0);
const local = (instant: number, zone: string) =>
  new Date(instant).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16);

/** Whether any block meets [from, to) of a local date's core hours. */
function meets(plan: FocusPlan, from: number, to: number): boolean {
  return plan.blocks.some((block) => block.start < to && block.end > from);
}

describe('the weekly focus goal around the team’s core hours and onto its meeting-free day', () => {
  it('a Berlin member: no block inside 15:00–17:00, Wednesday filled first', () => {
    const zone = 'Europe/Berlin';
    const settings = settingsIn(zone);
    const monday = at('2026-11-23T08:00', zone);
    const alone = planFocusGoal(monday, settings, emptyIntents(), [], GOAL);
    const team = planFocusGoal(monday, settings, emptyIntents(), [], GOAL, new Set(), TEAM_FILE_EXAMPLE);
    // Without the team the afternoons (preferred) run through 15:00–17:00; with it, never.
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    expect(days.some((d) => meets(alone, at(`${d}T15:00`, zone), at(`${d}T17:00`, zone)))).toBe(true);
    for (const d of days) expect(meets(team, at(`${d}T15:00`, zone), at(`${d}T17:00`, zone)), d).toBe(false);
    expect(team.shortMinutes).toBe(0);
    expect(team.blocks.reduce((sum, b) => sum + (b.end - b.start) / 60_000, 0)).toBe(600);
    // Wednesday holds all its free time can: 09:00–12:00 and 14:15–15:00 (lunch 12:00–14:15 stays free).
    expect(minutesOf(team, '2026-11-25')).toBe(225);
    expect(minutesOf(alone, '2026-11-25')).toBeLessThan(225);
    for (const d of days.filter((day) => day !== '2026-11-25'))
      expect(minutesOf(team, d)).toBeLessThan(minutesOf(team, '2026-11-25'));
    // The same inputs give the same blocks and keys.
    expect(planFocusGoal(monday, settings, emptyIntents(), [], GOAL, new Set(), TEAM_FILE_EXAMPLE)).toEqual(
      team,
    );
  });

  it('a Los Angeles member starting at 6:00: core hours move from 6:00–8:00 to 7:00–9:00 in the March DST weeks', () => {
    const zone = 'America/Los_Angeles';
    const early: WorkSpan[] = [{ start: '06:00', end: '14:30' }];
    const settings = settingsIn(zone, {
      week: { '1': early, '2': early, '3': early, '4': early, '5': early, '6': [], '7': [] },
    });
    const goal: FocusGoal = { ...GOAL, weeklyMinutes: 8 * 60, preferred: 'morning' };
    const team: TeamFile = { coreHours: TEAM_FILE_EXAMPLE.coreHours };
    // 2 March: both on winter time, core 6:00–8:00 in Los Angeles.
    const winter = planFocusGoal(
      at('2026-03-02T05:00', zone),
      settings,
      emptyIntents(),
      [],
      goal,
      new Set(),
      team,
    );
    for (const block of winter.blocks) expect(local(block.start, zone).slice(11) >= '08:00').toBe(true);
    // 9 March: the US has changed its clocks, Berlin not yet: core 7:00–9:00; 6:00–7:00 is free for focus.
    const gap = planFocusGoal(
      at('2026-03-09T05:00', zone),
      settings,
      emptyIntents(),
      [],
      goal,
      new Set(),
      team,
    );
    for (const d of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'])
      expect(meets(gap, at(`${d}T07:00`, zone), at(`${d}T09:00`, zone)), d).toBe(false);
    expect(gap.blocks.some((b) => local(b.start, zone).slice(11) === '06:00')).toBe(true);
    expect(gap.shortMinutes).toBe(0);
  });

  it('a Riyadh member (Sunday–Thursday week): the meeting-free day is their own Wednesday', () => {
    const zone = 'Asia/Riyadh';
    const day: WorkSpan[] = [{ start: '09:00', end: '17:30' }];
    const settings = settingsIn(zone, {
      week: { '7': day, '1': day, '2': day, '3': day, '4': day, '5': [], '6': [] },
      weekendDays: [5, 6],
      weekStart: 7,
    });
    const sunday = at('2026-03-22T08:00', zone);
    const plan = planFocusGoal(sunday, settings, emptyIntents(), [], GOAL, new Set(), TEAM_FILE_EXAMPLE);
    // Berlin's core hours (15:00–17:00 CET) are 17:00–19:00 in Riyadh: 17:00–17:30 stays free.
    for (const block of plan.blocks) expect(local(block.end, zone).slice(11) <= '17:00').toBe(true);
    expect(minutesOf(plan, '2026-03-25')).toBeGreaterThan(minutesOf(plan, '2026-03-22'));
    expect(plan.blocks.some((b) => b.date === '2026-03-27')).toBe(false); // Friday: their weekend
  });
});
