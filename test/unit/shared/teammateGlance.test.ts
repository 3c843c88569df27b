import fc from 'fast-check';
import { addDays, localDate, zonedDay, type ZonedDay } from '../../../shared/clockTime';
import { describe, expect, it } from 'vitest';
import type { Teammate } from '../../../shared/intents';
import type { WorkSpan } from '../../../shared/settings';
import {
  glance,
  nextOverlap,
  overlapSpans,
  teammatePattern,
  type TeammateGlance,
  type ZoneMoments,
} from '../../../shared/teammateGlance';
import {
  nextSpan,
  patternOf,
  spanAt,
  type Span,
  spansOn,
  type WorkPattern,
} from '../../../shared/workPattern';
import { at, settingsIn } from './domainFixtures';

/** The glance as it was computed before patterns were shared: each teammate on its own. */
function referenceGlance(
  teammate: Teammate,
  now: number,
  userZone: string,
  mine: readonly Span[],
): TeammateGlance {
  const pattern = { timeZone: teammate.timeZone, week: teammate.week, weekendDays: teammate.weekendDays };
  const moment = (zone: string) => zonedDay(now, zone);
  const { date, dayStart, dayLength, localTime, offset } = moment(teammate.timeZone);
  const span = spanAt(now, pattern);
  const reported = teammate.presence?.state;
  return {
    id: teammate.id,
    name: teammate.name,
    source: teammate.source,
    hoursAssumed: teammate.hoursAssumed === true,
    timeZone: teammate.timeZone,
    localTime,
    offsetFromYou: offset - moment(userZone).offset,
    inWorkingHours: span !== null,
    state: reported ?? (span ? 'available' : 'off'),
    nextAvailable: span ? now : (nextSpan(now, pattern)?.start ?? null),
    nextOverlap: nextOverlap(now, mine, pattern),
    todayBar: spansOn(date, pattern).map((s) => ({
      from: Math.max(0, (s.start - dayStart) / dayLength),
      to: Math.min(1, (s.end - dayStart) / dayLength),
    })),
    dayFraction: (now - dayStart) / dayLength,
    yourDayBar: onYourDay(pattern, moment(userZone)),
  };
}

/** Their spans of the days around yours, clipped to your day: the bar on your own scale. */
function onYourDay(pattern: WorkPattern, yours: ZonedDay): { from: number; to: number }[] {
  const dayEnd = yours.dayStart + yours.dayLength;
  const theirDate = localDate(yours.dayStart, pattern.timeZone);
  return [-2, -1, 0, 1, 2]
    .flatMap((days) => spansOn(addDays(theirDate, days), pattern))
    .filter((s) => s.start < dayEnd && s.end > yours.dayStart)
    .map((s) => ({
      from: (Math.max(s.start, yours.dayStart) - yours.dayStart) / yours.dayLength,
      to: (Math.min(s.end, dayEnd) - yours.dayStart) / yours.dayLength,
    }));
}

const ZONES = [
  'America/New_York',
  'Asia/Tokyo',
  'Europe/Lisbon',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Havana',
  'UTC',
];
const SHIFTS: WorkSpan[][] = [
  [{ start: '09:00', end: '17:00' }],
  [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:30' },
  ],
  [{ start: '22:00', end: '06:00' }],
  [{ start: '00:00', end: '23:59' }],
  [{ start: '02:30', end: '03:30' }],
  [],
];

function teammate(
  i: number,
  shift: number,
  zone: string,
  weekend: readonly number[],
  presence?: Teammate['presence'],
): Teammate {
  const spans = SHIFTS[shift % SHIFTS.length]!;
  // each teammate its own week object, as when they are read from a file
  const week: Teammate['week'] = {
    '1': spans,
    '2': spans,
    '3': spans,
    '4': spans,
    '5': spans,
    '6': [],
    '7': spans.slice(0, 1),
  };
  return {
    id: `t${i}`,
    name: `Person ${i}`,
    timeZone: zone,
    week: JSON.parse(JSON.stringify(week)) as Teammate['week'],
    weekendDays: [...weekend],
    source: 'manual',
    ...(presence ? { presence } : {}),
  };
}

describe('teammate glance: shared per pattern, equal to each teammate on their own', () => {
  const ZONE = 'Europe/Berlin';
  const settings = settingsIn(ZONE);

  it('a list sharing one map gives what each teammate computed alone gave', () => {
    const team: Teammate[] = [];
    for (let i = 0; i < 300; i++) {
      team.push(
        teammate(
          i,
          i % 7,
          ZONES[i % ZONES.length]!,
          i % 11 === 0 ? [7] : [6, 7],
          i % 13 === 0 ? { state: 'dnd' } : undefined,
        ),
      );
    }
    for (const local of [
      '2026-11-25T16:00',
      '2026-03-08T02:30',
      '2026-03-29T01:59',
      '2026-10-25T02:30',
      '2026-11-28T23:59',
      '2026-04-05T02:30',
    ]) {
      const now = at(local, ZONE);
      const mine = overlapSpans(now, patternOf(settings));
      const moments: ZoneMoments = new Map();
      const got = team.map((t) => glance(t, now, ZONE, mine, moments));
      const expected = team.map((t) => referenceGlance(t, now, ZONE, mine));
      expect(got).toEqual(expected);
    }
  });

  it('one map reused with another instant, zone or set of your spans starts afresh', () => {
    const team = ZONES.map((zone, i) => teammate(i, i, zone, [6, 7]));
    const moments: ZoneMoments = new Map();
    let now = at('2026-11-25T16:00', ZONE);
    for (const step of [0, 3_600_000, 86_400_000, 7 * 86_400_000]) {
      now += step;
      for (const userZone of [ZONE, 'Asia/Tokyo']) {
        const mine = overlapSpans(now, patternOf(settingsIn(userZone)));
        expect(team.map((t) => glance(t, now, userZone, mine, moments))).toEqual(
          team.map((t) => referenceGlance(t, now, userZone, mine)),
        );
      }
    }
  });

  it('patterns that differ in one span, one weekend day or the zone are not mixed up', () => {
    const now = at('2026-11-25T08:00', ZONE);
    const mine = overlapSpans(now, patternOf(settings));
    const base = teammate(0, 0, 'Asia/Tokyo', [6, 7]);
    const variants: Teammate[] = [
      base,
      { ...base, id: 'a', week: { ...base.week, '3': [{ start: '09:00', end: '17:01' }] } },
      { ...base, id: 'b', weekendDays: [6] },
      { ...base, id: 'c', weekendDays: [3, 6, 7] },
      { ...base, id: 'd', timeZone: 'Asia/Seoul' },
      {
        ...base,
        id: 'e',
        week: Object.fromEntries(
          Object.entries(base.week).filter(([day]) => day !== '3'),
        ) as Teammate['week'],
      },
      { ...base, id: 'f', week: { ...base.week, '3': [] } },
      { ...base, id: 'g', week: { ...base.week, '3': [{ start: '9:00', end: '17:00' }] } },
    ];
    const moments: ZoneMoments = new Map();
    for (const t of variants) {
      if (t.id === 'g') {
        expect(() => glance(t, now, ZONE, mine, moments)).toThrow('not a time of day');
        continue;
      }
      expect(glance(t, now, ZONE, mine, moments)).toEqual(referenceGlance(t, now, ZONE, mine));
    }
  });

  it('what teammates share cannot be changed by one of them', () => {
    const now = at('2026-11-25T10:00', ZONE);
    const mine = overlapSpans(now, patternOf(settings));
    const moments: ZoneMoments = new Map();
    const [a, b] = [teammate(1, 0, 'Europe/Lisbon', [6, 7]), teammate(2, 0, 'Europe/Lisbon', [6, 7])];
    const first = glance(a, now, ZONE, mine, moments);
    expect(() => first.todayBar.push({ from: 0, to: 1 })).toThrow();
    expect(() => {
      first.nextOverlap!.start = 0;
    }).toThrow();
    expect(glance(b, now, ZONE, mine, moments)).toEqual(referenceGlance(b, now, ZONE, mine));
    expect(teammatePattern(a)).toBe(teammatePattern(a));
  });

  it('at random instants and patterns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00', ZONE), max: at('2028-01-01T00:00', ZONE) }),
        fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...ZONES), fc.constantFrom([6, 7], [5, 6], [7], [])), {
          minLength: 1,
          maxLength: 12,
        }),
        (now, specs) => {
          const mine = overlapSpans(now, patternOf(settings));
          const team = specs.map(([shift, zone, weekend], i) => teammate(i, shift, zone, weekend));
          const moments: ZoneMoments = new Map();
          expect(team.map((t) => glance(t, now, ZONE, mine, moments))).toEqual(
            team.map((t) => referenceGlance(t, now, ZONE, mine)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('teammate glance: each bar drawn on your day', () => {
  const ZONE = 'Europe/Berlin';
  const mine = (now: number) => overlapSpans(now, patternOf(settingsIn(ZONE)));
  const nineToFive = (zone: string) => ({ ...teammate(0, 0, zone, [6, 7]), id: zone });
  const hours = (bar: { from: number; to: number }[]) => bar.map((s) => [s.from * 24, s.to * 24]);

  it('puts a teammate’s working hours where they fall in your day, not theirs', () => {
    const now = at('2026-11-25T16:00', ZONE);
    const bar = (zone: string) => hours(glance(nineToFive(zone), now, ZONE, mine(now)).yourDayBar);
    expect(bar('Europe/Berlin')).toEqual([[9, 17]]);
    expect(bar('America/New_York')).toEqual([[15, 23]]);
    expect(bar('Asia/Tokyo')).toEqual([[1, 9]]);
    // their own day keeps its own scale
    expect(hours(glance(nineToFive('Asia/Tokyo'), now, ZONE, mine(now)).todayBar)).toEqual([[9, 17]]);
  });

  it('shows the end of one of their days and the start of the next when both fall in yours', () => {
    const now = at('2026-11-25T12:00', ZONE);
    // Sydney is ten hours ahead in November: 09:00 there is 23:00 the evening before here
    expect(hours(glance(nineToFive('Australia/Sydney'), now, ZONE, mine(now)).yourDayBar)).toEqual([
      [0, 7],
      [23, 24],
    ]);
  });

  it('leaves out their weekend, though it is still your Friday', () => {
    const now = at('2026-11-27T12:00', ZONE);
    // Friday here: Sydney's Friday ends at 07:00, its Saturday begins at 23:00 with no work
    expect(hours(glance(nineToFive('Australia/Sydney'), now, ZONE, mine(now)).yourDayBar)).toEqual([[0, 7]]);
  });
});
