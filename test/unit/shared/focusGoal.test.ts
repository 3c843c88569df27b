import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../shared/calendar';
import { type FocusGoal, goalWeek, planFocusGoal } from '../../../shared/focusGoal';
import { emptyIntents } from '../../../shared/intents';
import { patternOf } from '../../../shared/workPattern';
import { at, settingsIn } from './domainFixtures';

// Berlin, Mon–Fri 09:00–17:30, lunch window 12:00–13:30 starts for 45 minutes.
const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);
const GOAL: FocusGoal = {
  weeklyMinutes: 10 * 60,
  minBlockMinutes: 45,
  maxBlockMinutes: 120,
  preferred: 'morning',
};
const meeting = (id: string, from: string, to: string): CalendarEvent => ({
  id,
  title: id,
  start: at(from, ZONE),
  end: at(to, ZONE),
  source: 'google',
});
const local = (instant: number) => new Date(instant).toLocaleString('sv-SE', { timeZone: ZONE }).slice(0, 16);

describe('the weekly focus goal, planned into free time', () => {
  it('spreads the goal over the week in the preferred half of the day, never over lunch or meetings', () => {
    const calendar = [meeting('standup', '2026-11-23T09:00', '2026-11-23T09:30')];
    const plan = planFocusGoal(at('2026-11-23T08:00', ZONE), settings, emptyIntents(), calendar, GOAL);
    expect([plan.from, plan.to]).toEqual(['2026-11-23', '2026-11-29']);
    expect(plan.shortMinutes).toBe(0);
    const total = plan.blocks.reduce((sum, block) => sum + (block.end - block.start) / 60_000, 0);
    expect(total).toBe(600);
    // Every working day gets focus, mornings first.
    expect(new Set(plan.blocks.map((block) => block.date))).toEqual(
      new Set(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']),
    );
    expect(local(plan.blocks[0]!.start)).toBe('2026-11-23 09:30');
    for (const block of plan.blocks) {
      const [start, end] = [local(block.start).slice(11), local(block.end).slice(11)];
      expect(start >= '09:00' && end <= '17:30', `${start}–${end}`).toBe(true);
      // The lunch window and its length (12:00–14:15) stay free.
      expect(end <= '12:00' || start >= '14:15', `${start}–${end}`).toBe(true);
      expect((block.end - block.start) / 60_000).toBeGreaterThanOrEqual(45);
      expect((block.end - block.start) / 60_000).toBeLessThanOrEqual(120);
    }
    expect(new Set(plan.blocks.map((block) => block.key)).size).toBe(plan.blocks.length);
  });

  it('counts focus already done and blocks planned by hand, and plans only what is left', () => {
    const intents = emptyIntents();
    intents.focus.push({
      id: 'done',
      startAt: new Date(at('2026-11-23T09:00', ZONE)).toISOString(),
      plannedMinutes: 120,
    });
    intents.focus.push({
      id: 'hand',
      startAt: new Date(at('2026-11-25T09:00', ZONE)).toISOString(),
      plannedMinutes: 60,
    });
    const plan = planFocusGoal(at('2026-11-24T08:00', ZONE), settings, intents, [], {
      ...GOAL,
      weeklyMinutes: 300,
    });
    expect([plan.doneMinutes, plan.handPlannedMinutes]).toEqual([120, 60]);
    const total = plan.blocks.reduce((sum, block) => sum + (block.end - block.start) / 60_000, 0);
    expect(total).toBe(120);
    // The block planned by hand is not planned over.
    for (const block of plan.blocks)
      expect(block.end <= at('2026-11-25T09:00', ZONE) || block.start >= at('2026-11-25T10:00', ZONE)).toBe(
        true,
      );
  });

  it('moves a block when a meeting lands on it, keeping its key, and keeps the goal', () => {
    const before = planFocusGoal(at('2026-11-23T08:00', ZONE), settings, emptyIntents(), [], GOAL);
    const first = before.blocks[0]!;
    const landed = [
      meeting(
        'review',
        local(first.start).replace(' ', 'T'),
        local(first.start + 60 * 60_000).replace(' ', 'T'),
      ),
    ];
    const after = planFocusGoal(at('2026-11-23T08:00', ZONE), settings, emptyIntents(), landed, GOAL);
    const moved = after.blocks.find((block) => block.key === first.key)!;
    expect(moved.start).toBeGreaterThanOrEqual(landed[0]!.end);
    expect(after.shortMinutes).toBe(0);
  });

  it('says how many hours the week cannot hold instead of cramming', () => {
    const busyWeek: CalendarEvent[] = [];
    for (const day of ['23', '24', '25', '26', '27'])
      busyWeek.push(meeting(`m${day}`, `2026-11-${day}T09:00`, `2026-11-${day}T16:30`));
    const plan = planFocusGoal(at('2026-11-23T08:00', ZONE), settings, emptyIntents(), busyWeek, GOAL);
    // One hour a day is free (16:30–17:30): five blocks of an hour, five hours short.
    expect(plan.blocks).toHaveLength(5);
    expect(plan.shortMinutes).toBe(300);
  });

  it('starts no block in the past or in the next quarter of an hour, and leaves a skipped one out', () => {
    const plan = planFocusGoal(at('2026-11-25T10:07', ZONE), settings, emptyIntents(), [], GOAL);
    expect(local(plan.blocks[0]!.start)).toBe('2026-11-25 10:30');
    const skipped = planFocusGoal(
      at('2026-11-25T10:07', ZONE),
      settings,
      emptyIntents(),
      [],
      GOAL,
      new Set([plan.blocks[0]!.key]),
    );
    expect(skipped.blocks.some((block) => block.key === plan.blocks[0]!.key)).toBe(false);
  });

  it('follows a Friday–Saturday weekend and a night shift', () => {
    const gulf = settingsIn('Asia/Dubai', { weekendDays: [5, 6], weekStart: 7 });
    expect(goalWeek('2026-11-26', 7, patternOf(gulf))).toEqual({
      from: '2026-11-22',
      to: '2026-11-28',
      coming: false,
    });
    const plan = planFocusGoal(at('2026-11-22T07:00', 'Asia/Dubai'), gulf, emptyIntents(), [], GOAL);
    expect(plan.blocks.every((block) => !['2026-11-27', '2026-11-28'].includes(block.date))).toBe(true);
    const night = settingsIn(ZONE, {
      week: {
        '1': [{ start: '22:00', end: '06:00' }],
        '2': [{ start: '22:00', end: '06:00' }],
        '3': [],
        '4': [],
        '5': [],
        '6': [],
        '7': [],
      },
      lunch: { ...settings.lunch, enabled: false },
    });
    const nights = planFocusGoal(at('2026-11-23T12:00', ZONE), night, emptyIntents(), [], {
      ...GOAL,
      weeklyMinutes: 240,
    });
    expect(nights.blocks.length).toBeGreaterThan(0);
    for (const block of nights.blocks) {
      const hour = Number(local(block.start).slice(11, 13));
      expect(hour >= 22 || hour < 6).toBe(true);
    }
  });

  it('plans a week across the change to summer time in whole blocks of wall-clock time', () => {
    // Sunday 29 March 2026: Berlin moves to summer time; the week before and after keep 09:00–17:30.
    const plan = planFocusGoal(at('2026-03-30T08:00', ZONE), settings, emptyIntents(), [], GOAL);
    expect(local(plan.blocks[0]!.start)).toBe('2026-03-30 09:00');
    expect(plan.shortMinutes).toBe(0);
  });
});
