import fc from 'fast-check';
import { Settings } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countDateTimeFormats } from '../../fakes/intlCounter';

// The computer's own zone is read through Date's local getters, every other zone through Intl (luxon):
// both must give the same dates, times, offsets and day bounds, in zones with DST changes at 02:00, at
// midnight (Santiago, Beirut, Havana, Asunción), at 01:00 UTC into midnight (the Azores), by half an hour
// (Lord Howe), by two hours (Troll), backwards in winter (Dublin), around Ramadan (Casablanca), a skipped
// day (Apia, 2011-12-30), and offsets off the hour (Kolkata, Kathmandu, Chatham, St John's).
type ClockTime = typeof import('../../../shared/clockTime');

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Havana',
  'America/Asuncion',
  'Asia/Beirut',
  'Atlantic/Azores',
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Tehran',
  'Pacific/Kiritimati',
  'UTC',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2060, 0, 1);
const originalTz = process.env.TZ;

let viaDate: ClockTime;
let viaIntl: ClockTime;

beforeAll(async () => {
  viaDate = await import('../../../shared/clockTime');
  // A second copy of the module whose local zone is never set: every answer comes from Intl.
  vi.resetModules();
  viaIntl = await import('../../../shared/clockTime');
  expect(viaIntl).not.toBe(viaDate);
});

afterAll(() => {
  Settings.now = () => Date.now();
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  viaDate.setLocalZone(null);
});

/** Runs the process in a zone (Node re-reads TZ when it is assigned) and tells the module so. */
function runIn(zone: string): void {
  process.env.TZ = zone;
  viaDate.setLocalZone(zone);
}

/** Instants around each offset change in 2000–2060, found by stepping 6 hours. */
function changes(): number[] {
  const found: number[] = [];
  const from = Date.UTC(2000, 0, 1);
  let before = new Date(from).getTimezoneOffset();
  for (let at = from; at < TO; at += 6 * HOUR) {
    const offset = new Date(at).getTimezoneOffset();
    if (offset !== before)
      for (let near = at - 9 * HOUR; near <= at + 3 * HOUR; near += 15 * 60_000) found.push(near);
    before = offset;
  }
  return found;
}

function sameAt(at: number, zone: string): void {
  expect(viaDate.localDate(at, zone), `localDate ${at}`).toBe(viaIntl.localDate(at, zone));
  expect(viaDate.wallClock(at, zone), `wallClock ${at}`).toBe(viaIntl.wallClock(at, zone));
  expect(viaDate.offsetMinutes(at, zone), `offset ${at}`).toBe(viaIntl.offsetMinutes(at, zone));
  expect(viaDate.isoInZone(at, zone), `iso ${at}`).toBe(viaIntl.isoInZone(at, zone));
  expect(viaDate.zonedDay(at, zone), `zonedDay ${at}`).toEqual(viaIntl.zonedDay(at, zone));
}

/**
 * luxon reads a wall time starting from the offset in force now, and where the zone has since moved its
 * standard time (Apia crossed the date line in 2011, the Azores left WET) that start can land it an hour
 * off: the old answer for such a day depended on the day it was asked. Cadence asks about days near
 * today, so luxon's "now" is the day asked about here.
 */
function sameWallTime(date: string, minutes: number, zone: string): void {
  const now = Date.parse(`${date}T12:00:00Z`);
  Settings.now = () => now;
  expect(viaDate.atLocalTime(date, minutes, zone), `${date} +${minutes} min`).toBe(
    viaIntl.atLocalTime(date, minutes, zone),
  );
}

describe('the local zone read through Date, against Intl', { timeout: 120_000 }, () => {
  for (const zone of ZONES) {
    it(`${zone}: every function agrees at random instants, around each offset change, and for wall times`, () => {
      runIn(zone);
      fc.assert(
        fc.property(fc.integer({ min: FROM, max: TO }), (at) => sameAt(at, zone)),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }),
          fc.integer({ min: 0, max: 2 * 24 * 60 - 1 }),
          (day, minutes) =>
            sameWallTime(new Date(FROM + day * DAY).toISOString().slice(0, 10), minutes, zone),
        ),
        { numRuns: 200 },
      );
      const near = changes();
      for (const at of near) sameAt(at, zone);
      // Every half hour of the day before, of, and after each change, and midnight of the day after.
      const days = new Set(near.map((at) => viaIntl.localDate(at, zone)));
      for (const date of days)
        for (const shift of [-DAY, 0, DAY]) {
          const day = new Date(Date.parse(`${date}T00:00:00Z`) + shift).toISOString().slice(0, 10);
          for (let minutes = 0; minutes <= 24 * 60; minutes += 30) sameWallTime(day, minutes, zone);
        }
    });
  }

  it('creates no DateTimeFormat for the local zone on an ordinary day, and Intl still answers for others', () => {
    runIn('Europe/Berlin');
    const created = countDateTimeFormats();
    try {
      const at = Date.UTC(2026, 11, 7, 8, 30);
      expect(viaDate.localDate(at, 'Europe/Berlin')).toBe('2026-12-07');
      expect(viaDate.wallClock(at, 'Europe/Berlin')).toBe('09:30');
      expect(viaDate.isoInZone(at, 'Europe/Berlin')).toBe('2026-12-07T09:30:00.000+01:00');
      expect(viaDate.offsetMinutes(at, 'Europe/Berlin')).toBe(60);
      expect(viaDate.atLocalTime('2026-12-07', 17 * 60 + 30, 'Europe/Berlin')).toBe(
        Date.UTC(2026, 11, 7, 16, 30),
      );
      expect(viaDate.zonedDay(at, 'Europe/Berlin')).toMatchObject({ date: '2026-12-07', dayLength: DAY });
      expect(viaDate.isTimeZone('Europe/Berlin')).toBe(true);
      expect(created.count).toBe(0);
      expect(viaDate.localDate(at, 'Asia/Tokyo')).toBe('2026-12-07');
      expect(created.count).toBeGreaterThan(0);
    } finally {
      created.restore();
    }
  });

  it('answers impossible dates and odd minutes as Intl does', () => {
    runIn('Europe/Berlin');
    for (const [date, minutes] of [
      ['2026-02-30', 600],
      ['2026-13-01', 0],
      ['2026-03-29', -30],
      ['2026-03-29', 150.5],
      ['0099-03-29', 150],
      ['2026-3-29', 150],
    ] as const)
      expect(viaDate.atLocalTime(date, minutes, 'Europe/Berlin')).toEqual(
        viaIntl.atLocalTime(date, minutes, 'Europe/Berlin'),
      );
  });
});
