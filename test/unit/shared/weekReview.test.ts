import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/clockTime';
import type { DaySummary } from '../../../shared/history';
import { calendarWeeks, missedDays, missedSentences, weeksRange } from '../../../shared/weekReview';
import { firstDayByRegion, firstDayOfWeek, weekStartOf } from '../../../shared/weekStart';
import { weekdayName } from '../../../shared/words';

/** A workday on which Cadence was used: lunch taken and the day closed, unless told otherwise. */
function day(date: string, patch: Partial<DaySummary> = {}): DaySummary {
  return {
    date,
    workday: true,
    focusMinutes: 60,
    meetingMinutes: 0,
    meetings: 0,
    lunchTaken: true,
    afterHoursMinutes: 0,
    weekendMinutes: 0,
    shutdownAt: '17:30',
    ...patch,
  };
}

function days(from: string, to: string, patch: (date: string) => Partial<DaySummary> = () => ({})) {
  const list: DaySummary[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) list.push(day(date, patch(date)));
  return list;
}

describe('the first day of the week', () => {
  it('follows the locale', () => {
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('de')).toBe(1);
    expect(firstDayOfWeek('ar-EG')).toBe(6);
  });

  it('falls back on the region where the engine has no week data', () => {
    expect(firstDayByRegion('en-US')).toBe(7);
    expect(firstDayByRegion('en')).toBe(7);
    expect(firstDayByRegion('en-GB')).toBe(1);
    expect(firstDayByRegion('de')).toBe(1);
    expect(firstDayByRegion('fa-IR')).toBe(6);
    expect(firstDayByRegion('not a locale!')).toBe(1);
  });
});

describe('calendar weeks', () => {
  // Wednesday 25 November 2026.
  it('start on Monday or Sunday as the locale says', () => {
    expect(weekStartOf('2026-11-25', 1)).toBe('2026-11-23');
    expect(weekStartOf('2026-11-25', 7)).toBe('2026-11-22');
    expect(weekStartOf('2026-11-22', 7)).toBe('2026-11-22');
    expect(weekStartOf('2026-11-22', 1)).toBe('2026-11-16');
  });

  it('reach back whole weeks and cut the history into them', () => {
    const range = weeksRange('2026-11-25', 7, 4);
    expect(range).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    const weeks = calendarWeeks(days(range.from, range.to), 7);
    expect(weeks.map((w) => [w.start, w.days.length])).toEqual([
      ['2026-11-01', 7],
      ['2026-11-08', 7],
      ['2026-11-15', 7],
      ['2026-11-22', 4],
    ]);
  });
});

describe('days that went without lunch or closing', () => {
  const history = days('2026-11-16', '2026-11-26', (date) => ({
    lunchTaken: date !== '2026-11-24' && date !== '2026-11-26',
    shutdownAt: date === '2026-11-25' || date === '2026-11-26' ? null : '17:30',
    workday: !['2026-11-21', '2026-11-22'].includes(date),
  }));
  const thisWeek = history.filter((d) => d.date >= '2026-11-23');

  it('are the past workdays, named', () => {
    const missed = missedDays(thisWeek, '2026-11-26', history, true);
    expect(missed).toEqual({ lunchSkipped: ['2026-11-24'], neverClosed: ['2026-11-25'] });
    expect(missedSentences(missed, (date) => weekdayName(date, 'en-GB'))).toEqual([
      'Lunch skipped on Tuesday.',
      'Wednesday was never closed.',
    ]);
  });

  it('are listed as a person would say them', () => {
    const missed = { lunchSkipped: ['2026-11-24', '2026-11-26'], neverClosed: ['2026-11-23', '2026-11-25'] };
    expect(missedSentences(missed, (date) => weekdayName(date, 'en-GB'))).toEqual([
      'Lunch skipped on Tuesday and Thursday.',
      'Monday and Wednesday were never closed.',
    ]);
  });

  it('leave out lunch when it is switched off, and days before Cadence was used', () => {
    expect(missedDays(thisWeek, '2026-11-26', history, false).lunchSkipped).toEqual([]);
    const unused = { focusMinutes: 0, lunchTaken: false, shutdownAt: null };
    const fresh = days('2026-11-23', '2026-11-26', (date) => (date < '2026-11-25' ? unused : {}));
    expect(missedDays(fresh, '2026-11-26', fresh, true)).toEqual({ lunchSkipped: [], neverClosed: [] });
  });
});
