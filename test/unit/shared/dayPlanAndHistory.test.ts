import { describe, expect, it } from 'vitest';
import { dayPlan } from '../../../shared/dayPlan';
import { daySummary } from '../../../shared/history';
import { emptyIntents } from '../../../shared/intents';
import { glance, overlapSpans } from '../../../shared/teammateGlance';
import { patternOf } from '../../../shared/workPattern';
import { at, settingsIn } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);
const isoAt = (local: string) => new Date(at(local, ZONE)).toISOString();

describe('dayPlan', () => {
  it('lays out work, focus (done, running, planned), lunch and the end of day', () => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'a', startAt: isoAt('2026-11-25T09:30'), plannedMinutes: 50 });
    intents.focus.push({ id: 'b', startAt: isoAt('2026-11-25T11:00'), plannedMinutes: 50 });
    intents.focus.push({ id: 'c', startAt: isoAt('2026-11-25T15:00'), plannedMinutes: 25 });
    intents.shutdowns.push({
      date: '2026-11-24',
      completedAt: isoAt('2026-11-24T17:30'),
      done: 'x',
      carryOver: '',
      priorities: ['Ship', 'Review'],
    });
    const plan = dayPlan('2026-11-25', at('2026-11-25T11:10', ZONE), settings, intents);
    expect(plan.items.map((i) => (i.kind === 'focus' ? `focus:${i.state}` : `${i.kind}`))).toEqual([
      'work',
      'focus:done',
      'focus:running',
      'lunch',
      'focus:planned',
    ]);
    expect(plan.priorities).toEqual(['Ship', 'Review']);
    expect(plan.endOfDay).toBe(at('2026-11-25T17:30', ZONE));
  });

  it('says a weekend is a weekend', () => {
    const plan = dayPlan('2026-11-28', at('2026-11-28T10:00', ZONE), settings, emptyIntents());
    expect([plan.dayKind, plan.items.length]).toEqual(['weekend', 0]);
  });
});

describe('history', () => {
  it('counts focus, lunch, work after hours and closing the day late', () => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'a', startAt: isoAt('2026-11-25T10:00'), plannedMinutes: 60 });
    intents.focus.push({ id: 'b', startAt: isoAt('2026-11-25T17:00'), plannedMinutes: 60 });
    intents.lunches.push({
      date: '2026-11-25',
      status: 'taken',
      startedAt: isoAt('2026-11-25T12:15'),
      minutes: 45,
    });
    intents.shutdowns.push({
      date: '2026-11-25',
      completedAt: isoAt('2026-11-25T18:20'),
      done: '',
      carryOver: '',
      priorities: [],
    });
    const day = daySummary('2026-11-25', at('2026-11-26T09:00', ZONE), settings, intents);
    expect(day).toMatchObject({
      focusMinutes: 120,
      lunchTaken: true,
      afterHoursMinutes: 50,
      weekendMinutes: 0,
      shutdownAt: '18:20',
    });
  });

  it('leaves a block stopped in its first minute off the timeline', () => {
    const intents = emptyIntents();
    intents.focus.push(
      {
        id: 'oops',
        startAt: isoAt('2026-11-25T10:00'),
        plannedMinutes: 25,
        stoppedAt: isoAt('2026-11-25T10:00'),
      },
      {
        id: 'real',
        startAt: isoAt('2026-11-25T10:05'),
        plannedMinutes: 25,
        stoppedAt: isoAt('2026-11-25T10:07'),
      },
    );
    const plan = dayPlan('2026-11-25', at('2026-11-25T11:00', ZONE), settings, intents);
    expect(plan.items.filter((i) => i.kind === 'focus').map((i) => ('id' in i ? i.id : ''))).toEqual([
      'real',
    ]);
  });

  it('counts Saturday work as weekend minutes', () => {
    const intents = emptyIntents();
    intents.focus.push({ id: 'a', startAt: isoAt('2026-11-28T10:00'), plannedMinutes: 90 });
    expect(daySummary('2026-11-28', at('2026-11-30T09:00', ZONE), settings, intents).weekendMinutes).toBe(90);
  });
});

describe('teammate glance', () => {
  it('shows local time, offset, state and the next overlap', () => {
    const now = at('2026-11-25T16:00', ZONE); // 10:00 in New York, 00:00 in Tokyo
    const mine = overlapSpans(now, patternOf(settings));
    const week = settings.week;
    const ny = glance(
      { id: '1', name: 'Ana', timeZone: 'America/New_York', week, weekendDays: [6, 7], source: 'manual' },
      now,
      ZONE,
      mine,
    );
    expect([ny.localTime, ny.offsetFromYou, ny.state]).toEqual(['10:00', -360, 'available']);
    expect(ny.nextOverlap?.start).toBe(now);
    const tokyo = glance(
      { id: '2', name: 'Ken', timeZone: 'Asia/Tokyo', week, weekendDays: [6, 7], source: 'manual' },
      now,
      ZONE,
      mine,
    );
    expect([tokyo.localTime, tokyo.state, tokyo.inWorkingHours]).toEqual(['00:00', 'off', false]);
    expect(tokyo.nextAvailable).toBe(at('2026-11-26T09:00', 'Asia/Tokyo'));
    // Tokyo's 09:00–17:30 is 01:00–09:30 in Berlin: they never overlap with Berlin's 09:00–17:30 … except 09:00–09:30.
    expect(tokyo.nextOverlap).toEqual({
      start: at('2026-11-26T09:00', ZONE),
      end: at('2026-11-26T09:30', ZONE),
    });
  });
});
