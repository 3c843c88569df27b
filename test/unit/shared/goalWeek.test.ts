import { describe, expect, it } from 'vitest';
import { type FocusGoal, planFocusGoal } from '../../../shared/focusGoal';
import { history } from '../../../shared/history';
import { emptyIntents } from '../../../shared/intents';
import { loadSettings } from '../../../shared/settings';
import { at, settingsIn } from './domainFixtures';

// Berlin, Monday to Friday 09:00–17:30; Sunday 29 November and Saturday 28 November 2026.
const ZONE = 'Europe/Berlin';
const GOAL: FocusGoal = {
  weeklyMinutes: 10 * 60,
  minBlockMinutes: 45,
  maxBlockMinutes: 120,
  preferred: 'any',
};
const dates = (plan: { blocks: { date: string }[] }) => [...new Set(plan.blocks.map((block) => block.date))];

describe('one week for the goal, the review and the charts', () => {
  it('is the first day the settings name, the locale’s unless changed', () => {
    const sundayFirst = settingsIn(ZONE, { weekStart: 7 });
    const plan = planFocusGoal(at('2026-11-29T10:00', ZONE), sundayFirst, emptyIntents(), [], GOAL);
    expect([plan.from, plan.to, plan.coming]).toEqual(['2026-11-29', '2026-12-05', false]);
    const mondayFirst = planFocusGoal(
      at('2026-11-25T10:00', ZONE),
      settingsIn(ZONE),
      emptyIntents(),
      [],
      GOAL,
    );
    expect([mondayFirst.from, mondayFirst.to]).toEqual(['2026-11-23', '2026-11-29']);
  });

  it('plans the coming week when the goal is set at the weekend, with no time short', () => {
    for (const [weekStart, day] of [
      [1, '2026-11-29T10:00'],
      [1, '2026-11-28T10:00'],
      [7, '2026-11-28T10:00'],
    ] as const) {
      const plan = planFocusGoal(at(day, ZONE), settingsIn(ZONE, { weekStart }), emptyIntents(), [], GOAL);
      expect(plan.coming).toBe(true);
      expect(plan.shortMinutes).toBe(0);
      expect(dates(plan)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    }
    // On the Sunday a week that starts on Sunday begins: that week is this one.
    const sunday = planFocusGoal(
      at('2026-11-29T10:00', ZONE),
      settingsIn(ZONE, { weekStart: 7 }),
      emptyIntents(),
      [],
      GOAL,
    );
    expect([sunday.coming, sunday.shortMinutes, dates(sunday).length]).toEqual([false, 0, 5]);
  });

  it('counts the focus done as the week’s days add it up: overlaps once, cut at the week’s start', () => {
    const settings = settingsIn(ZONE);
    const intents = emptyIntents();
    const block = (id: string, local: string, plannedMinutes: number) =>
      intents.focus.push({ id, startAt: new Date(at(local, ZONE)).toISOString(), plannedMinutes });
    block('late', '2026-11-22T23:30', 60); // Sunday night into Monday: 30 minutes are this week's
    block('a', '2026-11-23T10:00', 60);
    block('b', '2026-11-23T10:30', 60); // overlaps a by 30 minutes
    block('running', '2026-11-24T10:00', 90);
    const now = at('2026-11-24T10:30', ZONE);
    const plan = planFocusGoal(now, settings, intents, [], GOAL);
    const days = history(plan.from, '2026-11-24', now, settings, intents);
    const total = days.reduce((sum, day) => sum + day.focusMinutes, 0);
    expect(total).toBe(30 + 90 + 30);
    expect(plan.doneMinutes).toBe(total);
    // The rest of the running block is still to come: counted once, as planned.
    expect(plan.handPlannedMinutes).toBe(60);
  });
});

describe('the first day of the week in settings', () => {
  it('comes from the locale an existing settings file names, which then loads without it', () => {
    // As the file was written: without the field.
    const old = (locale: string | null): unknown =>
      JSON.parse(JSON.stringify({ ...settingsIn(ZONE, { locale }), weekStart: undefined }));
    expect(loadSettings(old('en-US'), ZONE).settings.weekStart).toBe(7);
    expect(loadSettings(old('en-GB'), ZONE).settings.weekStart).toBe(1);
    expect(loadSettings(old('ar-EG'), ZONE).settings.weekStart).toBe(6);
    const loaded = loadSettings(old('en-US'), ZONE);
    expect(loaded.problems).toEqual([]);
  });

  it('refuses a day that is not one', () => {
    const loaded = loadSettings({ ...settingsIn(ZONE), weekStart: 8 }, ZONE);
    expect(loaded.problems.map((problem) => problem.path)).toEqual(['weekStart']);
  });
});
