import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../../../main/core/holidayCalendar';
import { watchingActivity } from '../../../../shared/afterHours';
import { availabilityAt } from '../../../../shared/availability';
import { emptyIntents } from '../../../../shared/intents';
import type { Settings } from '../../../../shared/settings';
import { quietClashes } from '../../../../shared/team/quietTimes';
import type { TeamFile } from '../../../../shared/team/teamFile';
import { withTeam } from '../../../../shared/team/teamNorms';
import { withHolidays } from '../../../../shared/workPattern';
import { setTimeWriting } from '../../../../shared/words';
import { at, everyDay, iso, settingsIn, withFocus } from '../domainFixtures';

const BERLIN = 'Europe/Berlin';
const RIYADH = 'Asia/Riyadh';
const LA = 'America/Los_Angeles';
const EVENINGS: TeamFile = { quiet: { evenings: { from: '18:30', until: '08:00' } } };
const LONG_DAYS = [{ start: '07:00', end: '19:00' }];
const WEEKDAYS_ONLY = {
  '1': LONG_DAYS,
  '2': LONG_DAYS,
  '3': LONG_DAYS,
  '4': LONG_DAYS,
  '5': LONG_DAYS,
  '6': [],
  '7': [],
};

/** A member's settings following a team file (as the service hands them to every rule). */
function member(zone: string, team: TeamFile, patch: Partial<Settings> = {}): Settings {
  return withTeam(withHolidays(settingsIn(zone, patch), publicHolidays), team);
}
const state = (settings: Settings, local: string, zone: string) => {
  const a = availabilityAt(at(local, zone), settings, emptyIntents());
  return { mode: a.mode, reason: a.reason, until: iso(a.until, zone), back: iso(a.nextWorkStart, zone) };
};

describe("the team's quiet evenings make every member off, in their own local time", () => {
  it('a Berlin member working until 19:00 is off from the team’s 18:30, and back at the team’s 08:00', () => {
    const settings = member(BERLIN, EVENINGS, { week: WEEKDAYS_ONLY });
    expect(state(settings, '2026-11-25T10:00', BERLIN)).toMatchObject({
      mode: 'working',
      until: '2026-11-25T18:30:00+01:00',
    });
    expect(state(settings, '2026-11-25T18:45', BERLIN)).toEqual({
      mode: 'off',
      reason: 'teamQuietHours',
      until: '2026-11-26T08:00:00+01:00',
      back: '2026-11-26T08:00:00+01:00',
    });
    // Off for the team, but inside the member's own hours: activity is not watched (nothing reads more data).
    const quiet = availabilityAt(at('2026-11-25T18:45', BERLIN), settings, emptyIntents());
    expect(watchingActivity(settings, quiet, at('2026-11-25T18:45', BERLIN))).toBe(false);
    expect(state(settings, '2026-11-26T07:30', BERLIN)).toMatchObject({
      mode: 'off',
      back: '2026-11-26T08:00:00+01:00',
    });
  });

  it('lands on the right local times across the March DST change (Los Angeles) and the October one (Berlin)', () => {
    const la = member(LA, EVENINGS, { week: everyDay(LONG_DAYS), weekendDays: [] });
    // Saturday evening before the US clocks go forward (2026-03-08 02:00): quiet until 08:00 PDT.
    expect(state(la, '2026-03-07T18:45', LA)).toMatchObject({
      mode: 'off',
      reason: 'teamQuietHours',
      back: '2026-03-08T08:00:00-07:00',
    });
    expect(state(la, '2026-03-09T12:00', LA)).toMatchObject({
      mode: 'working',
      until: '2026-03-09T18:30:00-07:00',
    });
    const berlin = member(BERLIN, EVENINGS, { week: everyDay(LONG_DAYS), weekendDays: [] });
    // The night Berlin's clocks go back (2026-10-25 03:00 → 02:00): off from 18:30 CEST until 08:00 CET.
    const night = availabilityAt(at('2026-10-24T18:45', BERLIN), berlin, emptyIntents());
    expect(iso(night.since, BERLIN)).toBe('2026-10-24T18:30:00+02:00');
    expect(iso(night.nextWorkStart, BERLIN)).toBe('2026-10-25T08:00:00+01:00');
    // And around the US change in November.
    expect(state(la, '2026-11-01T07:30', LA)).toMatchObject({
      mode: 'off',
      back: '2026-11-01T08:00:00-08:00',
    });
  });
});

describe('quiet days and the team’s holiday calendar fall on each member’s own local days', () => {
  const weekend: TeamFile = {
    quiet: { days: ['saturday', 'sunday'], evenings: { from: '18:30', until: '08:00' } },
  };

  it('a Riyadh member (Friday–Saturday weekend) is off on the team’s quiet Sunday too, back on Monday', () => {
    const spans = [{ start: '08:00', end: '16:00' }];
    const settings = member(RIYADH, weekend, { week: everyDay(spans), weekendDays: [5, 6] });
    // Thursday after hours: the member's own weekend, then the team's quiet Sunday.
    expect(state(settings, '2026-03-26T17:00', RIYADH)).toMatchObject({
      mode: 'off',
      reason: 'afterHours',
      back: '2026-03-30T08:00:00+03:00',
    });
    expect(state(settings, '2026-03-29T10:00', RIYADH)).toEqual({
      mode: 'off',
      reason: 'teamQuietDay',
      until: '2026-03-30T08:00:00+03:00',
      back: '2026-03-30T08:00:00+03:00',
    });
  });

  it('a Los Angeles member is off on a public holiday of the team’s Berlin calendar, on their own local date', () => {
    const settings = member(LA, { quiet: { holidays: { country: 'DE', region: 'BE' } } });
    // 1 May 2026 (a Friday) is Labour Day in Germany: the whole of the member's own Friday.
    expect(state(settings, '2026-05-01T10:00', LA)).toEqual({
      mode: 'off',
      reason: 'teamHoliday',
      until: '2026-05-04T09:00:00-07:00',
      back: '2026-05-04T09:00:00-07:00',
    });
    expect(state(settings, '2026-04-30T10:00', LA)).toMatchObject({ mode: 'working' });
  });
});

describe('a team file never shortens the member’s own off time', () => {
  // Each of these reaches into the default working week (09:00–17:30) somewhere in the fortnight.
  const teams: TeamFile[] = [
    { quiet: { evenings: { from: '17:00', until: '08:00' } } },
    { quiet: { evenings: { from: '22:00', until: '09:30' } } },
    { quiet: { days: ['sunday', 'monday'] } },
    { quiet: { days: ['wednesday'], holidays: { country: 'SA' } } },
  ];
  for (const zone of [BERLIN, RIYADH, LA])
    for (const team of teams)
      it(`in ${zone} with ${JSON.stringify(team.quiet)}: off whenever the member is off, back no earlier, and off longer`, () => {
        const own = settingsIn(zone, { weekendDays: zone === RIYADH ? [5, 6] : [6, 7] });
        const following = member(zone, team, { weekendDays: own.weekendDays });
        let longer = 0;
        // Every half hour of a fortnight across the March DST changes.
        for (let t = at('2026-03-20T00:00', zone); t < at('2026-04-03T00:00', zone); t += 30 * 60_000) {
          const mine = availabilityAt(t, own, emptyIntents());
          const theirs = availabilityAt(t, following, emptyIntents());
          if (mine.mode === 'off') {
            expect(theirs.mode).toBe('off');
            expect(theirs.nextWorkStart ?? Infinity).toBeGreaterThanOrEqual(mine.nextWorkStart ?? Infinity);
          } else if (theirs.mode === 'off') longer++;
        }
        expect(longer).toBeGreaterThan(0);
      });

  it('a focus block in the quiet time stays the member’s own, and ends in off', () => {
    const settings = member(BERLIN, EVENINGS, { week: WEEKDAYS_ONLY });
    const intents = withFocus('2026-11-25T17:35:00Z', 10);
    expect(availabilityAt(at('2026-11-25T18:40', BERLIN), settings, intents).mode).toBe('focus');
    expect(availabilityAt(at('2026-11-25T18:50', BERLIN), settings, intents)).toMatchObject({
      mode: 'off',
      reason: 'teamQuietHours',
    });
  });
});

describe('where the member’s own hours run into the team’s quiet time, Cadence says so once, with the times', () => {
  it('names the days and the times', () => {
    setTimeWriting('en-GB', '24h');
    const days = { ...WEEKDAYS_ONLY, '3': [{ start: '09:00', end: '17:00' }] };
    expect(
      quietClashes(days, [6, 7], { evenings: { from: '18:30', until: '08:00' }, days: ['friday'] }),
    ).toEqual([
      'Your working hours include Friday, a quiet day for your team: Cadence shows you as off all that day.',
      "Your working hours run past your team's quiet hours (18:30 to 8:00): Monday, Tuesday and Thursday until 19:00. Cadence shows you as off from 18:30.",
      "Your working hours start inside your team's quiet hours (18:30 to 8:00): Monday, Tuesday and Thursday from 7:00. Cadence shows you as off until 8:00.",
    ]);
    const late = { ...settingsIn(BERLIN).week, '1': [{ start: '10:00', end: '19:00' }] };
    expect(quietClashes(late, [6, 7], { evenings: { from: '18:30', until: '08:00' } })[0]).toBe(
      "Your working hours run past your team's quiet hours (18:30 to 8:00): Monday until 19:00. Cadence shows you as off from 18:30.",
    );
    expect(
      quietClashes(settingsIn(BERLIN).week, [6, 7], { evenings: { from: '18:30', until: '08:00' } }),
    ).toEqual([]);
  });
});
