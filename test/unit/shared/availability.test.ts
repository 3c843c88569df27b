import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../../main/core/holidayCalendar';
import { withHolidays } from '../../../shared/workPattern';
import { availabilityAt } from '../../../shared/availability';
import { emptyIntents } from '../../../shared/intents';
import { spansOn } from '../../../shared/workPattern';
import { patternOf } from '../../../shared/workPattern';
import { at, everyDay, iso, settingsIn, withFocus } from './domainFixtures';

const BERLIN = 'Europe/Berlin';

const NY = 'America/New_York';

describe('availabilityAt: the working week', () => {
  const settings = settingsIn(BERLIN);

  it('is working inside the hours, until the end of the day', () => {
    const now = at('2026-11-25T10:00', BERLIN);
    const a = availabilityAt(now, settings, emptyIntents());
    expect(a.mode).toBe('working');
    expect(iso(a.until, BERLIN)).toBe('2026-11-25T17:30:00+01:00');
  });

  it('is off before hours and says when work starts', () => {
    const a = availabilityAt(at('2026-11-25T07:10', BERLIN), settings, emptyIntents());
    expect([a.mode, a.reason]).toEqual(['off', 'beforeHours']);
    expect(iso(a.nextWorkStart, BERLIN)).toBe('2026-11-25T09:00:00+01:00');
  });

  it('is off from Friday evening until Monday morning', () => {
    const a = availabilityAt(at('2026-11-27T18:00', BERLIN), settings, emptyIntents());
    expect([a.mode, a.reason]).toEqual(['off', 'afterHours']);
    expect(iso(a.nextWorkStart, BERLIN)).toBe('2026-11-30T09:00:00+01:00');
    const saturday = availabilityAt(at('2026-11-28T11:00', BERLIN), settings, emptyIntents());
    expect(saturday.reason).toBe('weekend');
  });

  it('honours a Friday–Saturday weekend', () => {
    const spans = [{ start: '08:00', end: '16:00' }];
    const gulf = settingsIn('Asia/Dubai', { week: everyDay(spans), weekendDays: [5, 6] });
    const friday = availabilityAt(at('2026-11-27T10:00', 'Asia/Dubai'), gulf, emptyIntents());
    expect([friday.mode, friday.reason]).toEqual(['off', 'weekend']);
    expect(iso(friday.nextWorkStart, 'Asia/Dubai')).toBe('2026-11-29T08:00:00+04:00');
    const sunday = availabilityAt(at('2026-11-29T10:00', 'Asia/Dubai'), gulf, emptyIntents());
    expect(sunday.mode).toBe('working');
  });

  it('keeps a 22:00–06:00 night shift together across midnight', () => {
    const night = settingsIn(BERLIN, {
      week: { ...everyDay([{ start: '22:00', end: '06:00' }]) },
      weekendDays: [6, 7],
    });
    const tuesdayNight = availabilityAt(at('2026-11-24T02:00', BERLIN), night, emptyIntents());
    expect(tuesdayNight.mode).toBe('working');
    expect(tuesdayNight.workday).toBe('2026-11-23');
    expect(iso(tuesdayNight.until, BERLIN)).toBe('2026-11-24T06:00:00+01:00');
    const morning = availabilityAt(at('2026-11-24T07:00', BERLIN), night, emptyIntents());
    expect(iso(morning.nextWorkStart, BERLIN)).toBe('2026-11-24T22:00:00+01:00');
    // Friday's shift runs into Saturday; Saturday night itself is weekend.
    expect(availabilityAt(at('2026-11-28T03:00', BERLIN), night, emptyIntents()).mode).toBe('working');
    expect(availabilityAt(at('2026-11-28T23:00', BERLIN), night, emptyIntents()).reason).toBe('weekend');
  });

  it('is off on a public holiday and on a personal day off', () => {
    const german = withHolidays(
      settingsIn(BERLIN, { holidays: { country: 'DE', region: 'BE' }, daysOff: ['2026-12-23'] }),
      publicHolidays,
    );
    const christmas = availabilityAt(at('2026-12-25T10:00', BERLIN), german, emptyIntents());
    expect([christmas.mode, christmas.reason]).toEqual(['off', 'holiday']);
    expect(iso(christmas.nextWorkStart, BERLIN)).toBe('2026-12-28T09:00:00+01:00');
    expect(availabilityAt(at('2026-12-23T10:00', BERLIN), german, emptyIntents()).reason).toBe('dayOff');
    // 24 December is a working day in Germany, but 26 is Saturday and 28 is the next start.
    expect(
      iso(availabilityAt(at('2026-12-22T18:00', BERLIN), german, emptyIntents()).nextWorkStart, BERLIN),
    ).toBe('2026-12-24T09:00:00+01:00');
  });
});

describe('availabilityAt: daylight saving time', () => {
  it('ends a focus block 60 real minutes later across the US spring-forward gap', () => {
    const start = at('2026-03-08T01:30', NY);
    const intents = withFocus(new Date(start).toISOString(), 60);
    const inside = availabilityAt(at('2026-03-08T03:15', NY), settingsIn(NY), intents);
    expect(inside.mode).toBe('focus');
    expect(iso(inside.until, NY)).toBe('2026-03-08T03:30:00-04:00');
    expect(availabilityAt(at('2026-03-08T03:31', NY), settingsIn(NY), intents).mode).toBe('off');
  });

  it('ends a focus block at the second 02:30 when Berlin falls back', () => {
    const start = Date.parse('2026-10-25T02:30:00+02:00'); // the first 02:30
    const intents = withFocus(new Date(start).toISOString(), 60);
    const a = availabilityAt(start + 45 * 60_000, settingsIn(BERLIN), intents);
    expect(a.mode).toBe('focus');
    expect(iso(a.until, BERLIN)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('gives night shifts their real length on change nights', () => {
    const night = (zone: string) =>
      settingsIn(zone, { week: everyDay([{ start: '22:00', end: '06:00' }]), weekendDays: [] });
    const hours = (zone: string, date: string) => {
      const span = spansOn(date, patternOf(night(zone)))[0]!;
      return (span.end - span.start) / 3_600_000;
    };
    expect(hours(NY, '2026-03-07')).toBe(7);
    expect(hours(NY, '2026-10-31')).toBe(9);
    expect(hours(BERLIN, '2026-03-28')).toBe(7);
    expect(hours(BERLIN, '2026-10-24')).toBe(9);
    expect(hours('Australia/Lord_Howe', '2026-04-04')).toBe(8.5);
    expect(hours('Australia/Lord_Howe', '2026-10-03')).toBe(7.5);
  });

  it('keeps a working day right through the US fall-back morning', () => {
    const zone = NY;
    const settings = settingsIn(zone, {
      week: everyDay([{ start: '00:30', end: '09:00' }]),
      weekendDays: [],
    });
    const span = spansOn('2026-11-01', patternOf(settings))[0]!;
    expect((span.end - span.start) / 3_600_000).toBe(9.5);
    const a = availabilityAt(at('2026-11-01T01:30', zone), settings, emptyIntents());
    expect(a.mode).toBe('working');
    expect(iso(a.until, zone)).toBe('2026-11-01T09:00:00-05:00');
  });

  it('shifts the Lord Howe working day by half an hour in absolute time', () => {
    const zone = 'Australia/Lord_Howe';
    const settings = settingsIn(zone);
    const before = spansOn('2026-04-03', patternOf(settings))[0]!;
    const after = spansOn('2026-04-06', patternOf(settings))[0]!;
    const dayGap = (after.start - before.start) / 3_600_000;
    expect(dayGap).toBe(3 * 24 + 0.5);
  });
});

describe('availabilityAt: travel', () => {
  it('moves the working day when the user moves it from Berlin to New York mid-day', () => {
    const noonBerlin = at('2026-11-25T12:00', BERLIN);
    const inBerlin = availabilityAt(noonBerlin, settingsIn(BERLIN), emptyIntents());
    expect(inBerlin.mode).toBe('working');
    const moved = availabilityAt(noonBerlin, settingsIn(BERLIN, { workTimeZone: NY }), emptyIntents());
    expect([moved.mode, moved.reason, moved.timeZone]).toEqual(['off', 'beforeHours', NY]);
    expect(iso(moved.nextWorkStart, NY)).toBe('2026-11-25T09:00:00-05:00');
    expect(iso(moved.nextWorkStart, BERLIN)).toBe('2026-11-25T15:00:00+01:00');
  });
});

describe('availabilityAt: intents', () => {
  const settings = settingsIn(BERLIN);

  it('is off after the shutdown ritual until the next workday, even inside working hours', () => {
    const intents = emptyIntents();
    intents.shutdowns.push({
      date: '2026-11-27',
      completedAt: new Date(at('2026-11-27T17:10', BERLIN)).toISOString(),
      done: '',
      carryOver: '',
      priorities: [],
    });
    const a = availabilityAt(at('2026-11-27T17:20', BERLIN), settings, intents);
    expect([a.mode, a.reason]).toEqual(['off', 'dayClosed']);
    expect(iso(a.nextWorkStart, BERLIN)).toBe('2026-11-30T09:00:00+01:00');
  });

  it('shows lunch while it runs and work once it is done early', () => {
    const intents = emptyIntents();
    const start = at('2026-11-25T12:10', BERLIN);
    intents.lunches.push({
      date: '2026-11-25',
      status: 'taken',
      startedAt: new Date(start).toISOString(),
      minutes: 45,
    });
    const lunch = availabilityAt(start + 20 * 60_000, settings, intents);
    expect(lunch.mode).toBe('lunch');
    expect(iso(lunch.until, BERLIN)).toBe('2026-11-25T12:55:00+01:00');
    intents.lunches[0]!.endedAt = new Date(start + 30 * 60_000).toISOString();
    expect(availabilityAt(start + 31 * 60_000, settings, intents).mode).toBe('working');
  });

  it('counts a stopped focus block as over from the moment it was stopped', () => {
    const start = at('2026-11-25T10:00', BERLIN);
    const stopped = withFocus(new Date(start).toISOString(), 50, new Date(start + 20 * 60_000).toISOString());
    expect(availabilityAt(start + 10 * 60_000, settings, stopped).mode).toBe('focus');
    expect(availabilityAt(start + 21 * 60_000, settings, stopped).mode).toBe('working');
  });

  it('after the end of the day: open (not closed), extended by a snooze, or closed', () => {
    const end = at('2026-11-25T17:30', BERLIN);
    const open = availabilityAt(end + 5 * 60_000, settings, emptyIntents());
    expect([open.mode, open.reason]).toEqual(['off', 'afterHours']);
    const snoozed = {
      ...emptyIntents(),
      shutdownSnoozes: [
        { date: '2026-11-25', until: new Date(end + 10 * 60_000).toISOString(), totalMinutes: 10 },
      ],
    };
    const extended = availabilityAt(end + 5 * 60_000, settings, snoozed);
    expect([extended.mode, extended.reason, extended.workday]).toEqual(['working', 'extended', '2026-11-25']);
    expect(extended.until).toBe(end + 10 * 60_000);
    expect(availabilityAt(end + 11 * 60_000, settings, snoozed).reason).toBe('afterHours');
    const closedAt = new Date(end + 20 * 60_000).toISOString();
    const closed = {
      ...emptyIntents(),
      shutdowns: [{ date: '2026-11-25', completedAt: closedAt, done: '', carryOver: '', priorities: [] }],
    };
    const night = availabilityAt(end + 60 * 60_000, settings, closed);
    expect([night.mode, night.reason, night.since]).toEqual(['off', 'dayClosed', Date.parse(closedAt)]);
  });

  it('lets a focus block run after hours, then is off', () => {
    const start = at('2026-11-25T20:00', BERLIN);
    const intents = withFocus(new Date(start).toISOString(), 30);
    expect(availabilityAt(start + 60_000, settings, intents).mode).toBe('focus');
    const after = availabilityAt(start + 31 * 60_000, settings, intents);
    expect([after.mode, after.reason]).toEqual(['off', 'afterHours']);
  });

  it('is in a meeting while a calendar event runs', () => {
    const start = at('2026-11-25T14:00', BERLIN);
    const calendar = [
      { id: 'm', title: 'Planning', start, end: start + 30 * 60_000, source: 'manual' as const },
    ];
    const a = availabilityAt(start + 60_000, settings, emptyIntents(), calendar);
    expect([a.mode, a.meeting?.title]).toEqual(['meeting', 'Planning']);
    expect(availabilityAt(start - 60 * 60_000, settings, emptyIntents(), calendar).until).toBe(start);
  });

  it('is away until the chosen moment, then back within hours', () => {
    const intents = emptyIntents();
    intents.away = {
      from: new Date(at('2026-11-25T10:00', BERLIN)).toISOString(),
      until: new Date(at('2026-11-25T11:00', BERLIN)).toISOString(),
      reason: 'doctor',
    };
    const a = availabilityAt(at('2026-11-25T10:30', BERLIN), settings, intents);
    expect([a.mode, a.reason]).toEqual(['off', 'away']);
    expect(iso(a.nextWorkStart, BERLIN)).toBe('2026-11-25T11:00:00+01:00');
  });
});

describe('"10 more minutes" asked before the end of the day', () => {
  it('says the new end at once, while still in working hours', () => {
    const settings = settingsIn('Europe/Berlin');
    const intents = {
      ...emptyIntents(),
      shutdownSnoozes: [{ date: '2026-11-25', until: '2026-11-25T16:40:00.000Z', totalMinutes: 10 }],
    };
    // 17:22 in Berlin, a day that ends at 17:30: working until 17:40 from the moment it was asked.
    const now = Date.parse('2026-11-25T16:22:00Z');
    expect(availabilityAt(now, settings, intents)).toMatchObject({
      mode: 'working',
      until: Date.parse('2026-11-25T16:40:00Z'),
    });
    expect(availabilityAt(Date.parse('2026-11-25T16:35:00Z'), settings, intents)).toMatchObject({
      mode: 'working',
      until: Date.parse('2026-11-25T16:40:00Z'),
    });
  });
});
