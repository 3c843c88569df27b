import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoInZone } from '../../../../shared/clockTime';
import {
  coreHoursText,
  coreSpansBetween,
  coreSpansOn,
  currentOrNextCoreSpan,
} from '../../../../shared/team/coreHours';
import type { TeamFile } from '../../../../shared/team/teamFile';
import { TEAM_FILE_EXAMPLE } from '../../../../shared/team/teamExample';
import { setTimeWriting } from '../../../../shared/words';

beforeEach(() => setTimeWriting('en-GB', '24h'));
afterEach(() => setTimeWriting(null, 'locale'));

const BERLIN_TEAM: TeamFile = TEAM_FILE_EXAMPLE; // 15:00–17:00 Europe/Berlin, Monday to Friday

/** A member's core hours on a local date, as "HH:MM–HH:MM" on their own clock (24 h). */
function seen(date: string, zone: string, team: TeamFile = BERLIN_TEAM): string[] {
  return coreSpansOn(date, zone, team).map(
    (span) => `${isoInZone(span.start, zone).slice(11, 16)}–${isoInZone(span.end, zone).slice(11, 16)}`,
  );
}

describe('the team’s core hours on each member’s own day and clock', () => {
  it('Berlin sees them as written, on the file’s days only', () => {
    expect(seen('2026-03-09', 'Europe/Berlin')).toEqual(['15:00–17:00']); // Monday
    expect(seen('2026-03-14', 'Europe/Berlin')).toEqual([]); // Saturday
    expect(seen('2026-03-15', 'Europe/Berlin')).toEqual([]); // Sunday
  });

  it('Los Angeles sees them moved by the March DST weeks (US changes on 8 March, Europe on 29 March)', () => {
    expect(seen('2026-03-02', 'America/Los_Angeles')).toEqual(['06:00–08:00']); // both on winter time
    expect(seen('2026-03-09', 'America/Los_Angeles')).toEqual(['07:00–09:00']); // only the US moved
    expect(seen('2026-03-30', 'America/Los_Angeles')).toEqual(['06:00–08:00']); // both on summer time
  });

  it('Los Angeles across the autumn change (Europe on 25 October, the US on 1 November)', () => {
    expect(seen('2026-10-19', 'America/Los_Angeles')).toEqual(['06:00–08:00']);
    expect(seen('2026-10-26', 'America/Los_Angeles')).toEqual(['07:00–09:00']);
    expect(seen('2026-11-02', 'America/Los_Angeles')).toEqual(['06:00–08:00']);
  });

  it('Riyadh (no DST, Friday–Saturday weekend) sees Berlin’s Friday core hours on its Friday', () => {
    expect(seen('2026-03-09', 'Asia/Riyadh')).toEqual(['17:00–19:00']); // Berlin on CET
    expect(seen('2026-03-30', 'Asia/Riyadh')).toEqual(['16:00–18:00']); // Berlin on CEST
    expect(seen('2026-10-26', 'Asia/Riyadh')).toEqual(['17:00–19:00']); // Berlin back on CET
    expect(seen('2026-03-13', 'Asia/Riyadh')).toEqual(['17:00–19:00']); // Friday: Berlin works
    expect(seen('2026-03-15', 'Asia/Riyadh')).toEqual([]); // Sunday: Berlin does not
  });

  it('a team written in Riyadh, its quiet days Friday and Saturday: core hours Sunday to Thursday', () => {
    const riyadh: TeamFile = {
      coreHours: { timeZone: 'Asia/Riyadh', start: '12:00', end: '14:00' },
      quiet: { days: ['friday', 'saturday'] },
    };
    expect(seen('2026-03-15', 'Europe/Berlin', riyadh)).toEqual(['10:00–12:00']); // Sunday, CET
    expect(seen('2026-03-29', 'Europe/Berlin', riyadh)).toEqual(['11:00–13:00']); // Sunday, first of CEST
    expect(seen('2026-03-13', 'Europe/Berlin', riyadh)).toEqual([]); // Friday
    // 12:00 in Riyadh is 02:00 in Los Angeles (on PDT since 8 March): early Sunday, never LA's Saturday.
    expect(seen('2026-03-14', 'America/Los_Angeles', riyadh)).toEqual([]);
    expect(seen('2026-03-15', 'America/Los_Angeles', riyadh)).toEqual(['02:00–04:00']);
  });

  it('far east, the hours belong to the day they start on, across midnight', () => {
    const late: TeamFile = { coreHours: { timeZone: 'Europe/Berlin', start: '16:00', end: '18:00' } };
    expect(seen('2026-06-01', 'Asia/Tokyo', late)).toEqual(['23:00–01:00']); // Monday night
    expect(seen('2026-06-06', 'Asia/Tokyo', late)).toEqual([]); // Saturday
    expect(seen('2026-06-07', 'Asia/Tokyo', late)).toEqual([]); // Sunday: Berlin's Sunday has none
  });

  it('no core hours without a file, or a file without them', () => {
    expect(coreSpansOn('2026-03-09', 'Europe/Berlin', null)).toEqual([]);
    expect(coreSpansOn('2026-03-09', 'Europe/Berlin', { quiet: { days: ['sunday'] } })).toEqual([]);
    expect(currentOrNextCoreSpan(Date.parse('2026-03-09T12:00:00Z'), null)).toBeNull();
  });

  it('the core hours running now, or the next ones (over a weekend)', () => {
    const running = currentOrNextCoreSpan(Date.parse('2026-03-09T14:30:00Z'), BERLIN_TEAM);
    expect(running && new Date(running.start).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    const next = currentOrNextCoreSpan(Date.parse('2026-03-13T17:00:00Z'), BERLIN_TEAM); // Friday evening
    expect(next && new Date(next.start).toISOString()).toBe('2026-03-16T14:00:00.000Z'); // Monday
  });

  it('the core hours that meet a stretch of time (a week)', () => {
    const week = coreSpansBetween(
      Date.parse('2026-03-23T00:00:00+01:00'),
      Date.parse('2026-03-30T00:00:00+02:00'),
      BERLIN_TEAM,
    );
    expect(week.map((span) => isoInZone(span.start, 'Europe/Berlin').slice(0, 16))).toEqual([
      '2026-03-23T15:00',
      '2026-03-24T15:00',
      '2026-03-25T15:00',
      '2026-03-26T15:00',
      '2026-03-27T15:00',
    ]);
  });

  it('Today’s words, on the member’s clock', () => {
    const spans = coreSpansOn('2026-03-09', 'America/Los_Angeles', BERLIN_TEAM);
    expect(coreHoursText(spans, 'America/Los_Angeles')).toBe('Team core hours: 7:00–9:00 your time');
    setTimeWriting('en-US', '12h');
    expect(coreHoursText(spans, 'America/Los_Angeles')).toBe('Team core hours: 7:00 AM–9:00 AM your time');
    expect(coreHoursText([], 'America/Los_Angeles')).toBeNull();
  });
});
