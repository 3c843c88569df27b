import { describe, expect, it } from 'vitest';
import { activeMinutesBetween, afterHoursNudge, withActivity } from '../../../shared/afterHours';
import { availabilityAt } from '../../../shared/availability';
import { daySummary } from '../../../shared/history';
import { daySummarySchema, emptyIntents, type Intents } from '../../../shared/intents';
import { compactIntents } from '../../../shared/retention';
import { at, settingsIn } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const t = (local: string) => at(local, ZONE);
const iso = (local: string) => new Date(t(local)).toISOString();

describe('activity stretches', () => {
  it('merge minutes that follow on, and start a new stretch after a break', () => {
    let spans = withActivity([], t('2026-11-23T18:00'), t('2026-11-23T18:01'));
    spans = withActivity(spans, t('2026-11-23T18:01'), t('2026-11-23T18:02'));
    spans = withActivity(spans, t('2026-11-23T18:03'), t('2026-11-23T18:03:30'));
    expect(spans).toEqual([{ from: iso('2026-11-23T18:00'), to: iso('2026-11-23T18:03:30') }]);
    spans = withActivity(spans, t('2026-11-23T18:30'), t('2026-11-23T18:31'));
    expect(spans).toHaveLength(2);
    expect(activeMinutesBetween(spans, t('2026-11-23T18:02'), t('2026-11-23T19:00'))).toBe(3);
  });

  it('count each moment once where stretches overlap (a clock set back)', () => {
    const spans = [
      { from: iso('2026-11-23T18:00'), to: iso('2026-11-23T18:30') },
      { from: iso('2026-11-23T18:10'), to: iso('2026-11-23T18:40') },
    ];
    expect(activeMinutesBetween(spans, t('2026-11-23T17:00'), t('2026-11-23T19:00'))).toBe(40);
  });

  it('an instant already inside the last stretch changes nothing (the same list back)', () => {
    const spans = withActivity([], t('2026-11-23T18:00'), t('2026-11-23T18:10'));
    expect(withActivity(spans, t('2026-11-23T18:05'), t('2026-11-23T18:05'))).toBe(spans);
  });
});

function evening(closedAt: string, activeFrom: string, activeTo: string): Intents {
  return {
    ...emptyIntents(),
    shutdowns: [{ date: '2026-11-23', completedAt: iso(closedAt), done: '', carryOver: '', priorities: [] }],
    activity: [{ from: iso(activeFrom), to: iso(activeTo) }],
  };
}

describe('the after-hours nudge', () => {
  const settings = settingsIn(ZONE);
  const nudgeAt = (local: string, intents: Intents) =>
    afterHoursNudge(t(local), settings, intents, availabilityAt(t(local), settings, intents));

  it('is due after 20 active minutes since the day was closed, counting only what came after', () => {
    const intents = evening('2026-11-23T17:20', '2026-11-23T17:00', '2026-11-23T17:39');
    expect(nudgeAt('2026-11-23T17:39', intents)).toBeNull();
    const later = evening('2026-11-23T17:20', '2026-11-23T17:00', '2026-11-23T17:41');
    expect(nudgeAt('2026-11-23T17:41', later)).toMatchObject({ date: '2026-11-23', activeMinutes: 21 });
  });

  it('is not due once answered, nor with nudges off, nor on an evening the day was not closed', () => {
    const intents = evening('2026-11-23T17:20', '2026-11-23T17:20', '2026-11-23T19:00');
    const answered = {
      ...intents,
      nudges: [{ date: '2026-11-23', at: iso('2026-11-23T18:00'), answer: 'closing' as const }],
    };
    expect(nudgeAt('2026-11-23T19:00', answered)).toBeNull();
    // Shown and not answered: it stays, whatever the minutes since.
    const shown = {
      ...evening('2026-11-23T17:20', '2026-11-23T17:20', '2026-11-23T17:25'),
      nudges: [{ date: '2026-11-23', at: iso('2026-11-23T17:45') }],
    };
    expect(nudgeAt('2026-11-23T19:00', shown)).toMatchObject({ date: '2026-11-23', activeMinutes: 5 });
    const off = settingsIn(ZONE, { afterHours: { measure: true, nudgeAfterMinutes: 0 } });
    expect(
      afterHoursNudge(
        t('2026-11-23T19:00'),
        off,
        intents,
        availabilityAt(t('2026-11-23T19:00'), off, intents),
      ),
    ).toBeNull();
    const open = { ...intents, shutdowns: [] };
    expect(nudgeAt('2026-11-23T19:00', open)).toBeNull();
  });

  it('on a holiday counts from the start of the day', () => {
    const settings = settingsIn(ZONE, { daysOff: ['2026-11-25'] });
    const intents = {
      ...emptyIntents(),
      activity: [{ from: iso('2026-11-24T23:50'), to: iso('2026-11-25T00:25') }],
    };
    const due = afterHoursNudge(
      t('2026-11-25T00:25'),
      settings,
      intents,
      availabilityAt(t('2026-11-25T00:25'), settings, intents),
    );
    expect(due).toMatchObject({ date: '2026-11-25', dayOff: true, activeMinutes: 25 });
  });
});

describe('a day as the review sees it', () => {
  const settings = settingsIn(ZONE);

  it('has its real span from the first to the last sign of activity, and says if it closed on time', () => {
    const intents: Intents = {
      ...evening('2026-11-23T17:35', '2026-11-23T07:50', '2026-11-23T08:20'),
      focus: [{ id: 'f', startAt: iso('2026-11-23T10:00'), plannedMinutes: 50 }],
    };
    intents.activity.push({ from: iso('2026-11-23T21:00'), to: iso('2026-11-23T21:30') });
    const day = daySummary('2026-11-23', t('2026-11-24T08:00'), settings, intents);
    expect(day).toMatchObject({
      firstActive: '07:50',
      lastActive: '21:30',
      spanMinutes: 13 * 60 + 40,
      closedOnTime: true,
      afterHoursMinutes: 30 + 5 + 30, // the morning, closing late, the evening
      urgent: false,
    });
    const late = {
      ...intents,
      shutdowns: [{ ...intents.shutdowns[0]!, completedAt: iso('2026-11-23T17:45') }],
    };
    expect(daySummary('2026-11-23', t('2026-11-24T08:00'), settings, late).closedOnTime).toBe(false);
  });

  it('has no span where no activity was seen: focus and lunch alone do not make a day', () => {
    const intents: Intents = {
      ...emptyIntents(),
      focus: [{ id: 'f', startAt: iso('2026-11-23T10:00'), plannedMinutes: 50 }],
    };
    expect(daySummary('2026-11-23', t('2026-11-24T08:00'), settings, intents)).toMatchObject({
      firstActive: null,
      lastActive: null,
      spanMinutes: null,
      focusMinutes: 50,
    });
  });

  it('a 25-hour day (clocks going back) can be stored with all its minutes', () => {
    const intents: Intents = {
      ...emptyIntents(),
      activity: [
        { from: iso('2026-10-25T00:05'), to: iso('2026-10-25T00:05') },
        { from: iso('2026-10-25T23:55'), to: iso('2026-10-25T23:55') },
      ],
    };
    const day = daySummary('2026-10-25', t('2026-10-26T12:00'), settings, intents);
    expect(day.spanMinutes).toBe(25 * 60 - 10);
    expect(daySummarySchema.safeParse(day).success).toBe(true);
  });

  it('keeps what was seen when old records are compacted into summaries', () => {
    const intents: Intents = {
      ...emptyIntents(),
      activity: [{ from: iso('2026-11-01T10:00'), to: iso('2026-11-01T11:00') }],
      nudges: [{ date: '2026-11-01', at: iso('2026-11-01T10:30'), answer: 'urgent' }],
    };
    const compacted = compactIntents(intents, t('2026-11-26T12:00'), settings);
    expect(compacted.activity).toEqual([]);
    expect(compacted.nudges).toEqual([]);
    expect(compacted.days).toEqual([
      expect.objectContaining({ date: '2026-11-01', weekendMinutes: 60, urgent: true, spanMinutes: 60 }),
    ]);
  });
});
