import { describe, expect, it } from 'vitest';
import type { WorkSpan } from '../../../../shared/settings';
import { TeamQuietByZone, wholeTeamTogether } from '../../../../shared/team/teamTogether';
import { togetherWords, teamQuietWords } from '../../../../shared/team/togetherWords';
import { overlapSpans } from '../../../../shared/teammateGlance';
import type { WorkPattern } from '../../../../shared/workPattern';
import { at } from '../domainFixtures';

// A team over three zones with different weekends: you in Berlin, a teammate in Riyadh (Friday and
// Saturday off), one in Los Angeles. The United States move their clocks on 8 March 2026, Europe on 29 March.

const hours = (start: string, end: string): WorkSpan[] => [{ start, end, nextDay: false }];
const weekOf = (days: readonly string[], span: WorkSpan[]): WorkPattern['week'] =>
  Object.fromEntries(days.map((day) => [day, span])) as WorkPattern['week'];
const MON_FRI = ['1', '2', '3', '4', '5'];
const SUN_THU = ['7', '1', '2', '3', '4'];

const berlin: WorkPattern = {
  timeZone: 'Europe/Berlin',
  week: weekOf(MON_FRI, hours('09:00', '18:00')),
  weekendDays: [6, 7],
};
const riyadh: WorkPattern = {
  timeZone: 'Asia/Riyadh',
  week: weekOf(SUN_THU, hours('10:00', '19:00')),
  weekendDays: [5, 6],
};
const losAngeles: WorkPattern = {
  timeZone: 'America/Los_Angeles',
  week: weekOf(MON_FRI, hours('08:00', '16:00')),
  weekendDays: [6, 7],
};
const utc = (local: string) => at(local, 'UTC');

function together(now: number, quiet: TeamQuietByZone | null = null) {
  return wholeTeamTogether(
    now,
    { spans: overlapSpans(now, berlin), zone: berlin.timeZone },
    [riyadh, losAngeles],
    quiet,
  );
}

describe('when the whole team is next together', () => {
  it('finds no common hour while Los Angeles is on standard time, and the first one after its clocks move', () => {
    // Monday 2 March: Berlin 08–17 UTC, Riyadh 07–16 UTC, Los Angeles 16–24 UTC: nothing in common.
    // From Monday 9 March Los Angeles works 15–23 UTC: 15:00–16:00 UTC is everyone's.
    expect(together(utc('2026-03-02T09:00'))).toEqual({
      start: utc('2026-03-09T15:00'),
      end: utc('2026-03-09T16:00'),
    });
  });

  it('is under way from now when everyone is working now', () => {
    expect(together(utc('2026-03-10T15:20'))).toEqual({
      start: utc('2026-03-10T15:20'),
      end: utc('2026-03-10T16:00'),
    });
  });

  it('skips a day that is a weekend for one of them: Riyadh’s Friday', () => {
    // Thursday 12 March after the hour: the next is Monday, since Friday is Riyadh's weekend.
    expect(together(utc('2026-03-12T16:30'))).toEqual({
      start: utc('2026-03-16T15:00'),
      end: utc('2026-03-16T16:00'),
    });
  });

  it('keeps the team’s quiet evenings out, in each person’s own zone', () => {
    // Quiet from 18:30 each member's evening: Riyadh's 18:30 is 15:30 UTC, while it still works until 19:00.
    const quiet = new TeamQuietByZone({ evenings: { from: '18:30', until: '08:00' } });
    expect(together(utc('2026-03-09T09:00'), quiet)).toEqual({
      start: utc('2026-03-09T15:00'),
      end: utc('2026-03-09T15:30'),
    });
    // From 18:00, Riyadh's quiet begins at 15:00 UTC, as Los Angeles starts: no time for all three.
    const earlier = new TeamQuietByZone({ evenings: { from: '18:00', until: '08:00' } });
    expect(together(utc('2026-03-09T09:00'), earlier)).toBeNull();
  });

  it('says it on your clock, with how many people', () => {
    const now = utc('2026-03-09T09:00');
    const next = together(now)!;
    const view = {
      next: { start: new Date(next.start).toISOString(), end: new Date(next.end).toISOString() },
      people: 3,
      timeZone: 'Europe/Berlin',
      teamQuietApplied: false,
    };
    expect(togetherWords(view, 'Europe/Berlin', now, 'en-GB')).toBe(
      'Whole team next together today 16:00–17:00 (all 3 of you).',
    );
    expect(togetherWords({ ...view, next: null }, 'Europe/Berlin', now, 'en-GB')).toBe(
      'No time in the next two weeks when all 3 of you are in working hours.',
    );
    expect(togetherWords(view, 'Europe/Berlin', next.start + 60_000, 'en-GB')).toBe(
      'Whole team together now, until 17:00 (all 3 of you).',
    );
  });
});

describe('who is inside the team’s hours', () => {
  const quiet = new TeamQuietByZone({
    evenings: { from: '18:30', until: '08:00' },
    days: ['saturday', 'sunday'],
  });

  it('marks each teammate by the team’s quiet time in their own zone', () => {
    const now = utc('2026-03-10T18:00'); // 19:00 Berlin, 21:00 Riyadh, 11:00 Los Angeles
    expect(quiet.at('Europe/Berlin', now)).toEqual({ kind: 'evening', until: utc('2026-03-11T07:00') });
    expect(quiet.at('Asia/Riyadh', now)).toEqual({ kind: 'evening', until: utc('2026-03-11T05:00') });
    expect(quiet.at('America/Los_Angeles', now)).toBeNull();
    expect(
      teamQuietWords({ kind: 'evening', until: '2026-03-11T08:00:00+01:00' }, 'Europe/Berlin', now, 'en-GB'),
    ).toBe('Team quiet hours until 8:00');
  });

  it('a quiet weekend runs from Friday’s evening to Monday’s morning, said with its day', () => {
    const saturday = utc('2026-03-14T12:00');
    expect(quiet.at('Europe/Berlin', saturday)).toEqual({ kind: 'day', until: utc('2026-03-16T07:00') });
    expect(
      teamQuietWords({ kind: 'day', until: '2026-03-16T08:00:00+01:00' }, 'Europe/Berlin', saturday, 'en-GB'),
    ).toBe('Team quiet day until Mon 16 Mar, 8:00');
  });
});
