import { describe, expect, it } from 'vitest';
import { daysToCsv } from '../../../shared/exportCsv';
import { withFirstDay } from '../../../shared/firstDay';
import { history } from '../../../shared/history';
import { emptyIntents, type Intents } from '../../../shared/intents';
import { reviewWeek } from '../../../shared/review';
import { calendarWeeks, missedDays } from '../../../shared/weekReview';
import { at, settingsIn } from './domainFixtures';
import { fromThursday as thursdayOn } from './weekFixtures';

// Berlin; Cadence first ran on Thursday 26 November 2026, and the user reads the review the Monday after.
const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);
const fromThursday = (): Intents => ({ ...thursdayOn(ZONE), firstDay: '2026-11-26' });

describe('the day Cadence first ran', () => {
  it('is today for a new data folder, and the earliest recorded day for an older one', () => {
    const now = at('2026-11-30T09:00', ZONE);
    expect(withFirstDay(emptyIntents(), now, ZONE).firstDay).toBe('2026-11-30');
    const older = { ...fromThursday(), firstDay: undefined } as Intents;
    delete older.firstDay;
    expect(withFirstDay(older, now, ZONE).firstDay).toBe('2026-11-26');
    const kept = fromThursday();
    expect(withFirstDay(kept, now, ZONE)).toBe(kept);
  });

  it('leaves the days before it unknown: out of the "of N" counts, never zero', () => {
    const now = at('2026-11-30T09:00', ZONE);
    const days = history('2026-11-16', '2026-11-30', now, settings, fromThursday());
    expect(days.filter((day) => day.beforeCadence).map((day) => day.date)).toEqual([
      ...['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'],
      ...['2026-11-23', '2026-11-24', '2026-11-25'],
    ]);
    const review = reviewWeek(calendarWeeks(days, 1), '2026-11-30');
    expect(review?.which).toBe('last');
    expect(review?.figures.workdays).toBe(2);
    expect(review?.figures.lunches).toBe(2);
    expect(review?.figures.closedOnTime).toBe(2);
    expect(review?.usual).toBeNull();
    expect(missedDays(review?.days ?? [], '2026-11-30', days, true)).toEqual({
      lunchSkipped: [],
      neverClosed: [],
    });
    // The CSV has the day and whether it was a workday; nothing else of it is known.
    expect(daysToCsv(days.slice(7, 8)).split('\r\n')[1]).toBe('2026-11-23,true,,,,,,,,,,,,');
  });

  it('makes a new user’s first review the week under way, its earlier days unknown', () => {
    const intents: Intents = { ...emptyIntents(), firstDay: '2026-11-26' };
    const now = at('2026-11-26T11:00', ZONE);
    const days = history('2026-11-16', '2026-11-26', now, settings, intents);
    const review = reviewWeek(calendarWeeks(days, 1), '2026-11-26');
    expect(review?.which).toBe('this');
    expect(review?.figures.knownDays).toBe(0);
    expect(review?.figures.unknown.closedOnTime).toBe('before Cadence');
  });
});
