import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DAY, MINUTE } from '../../../shared/clockTime';
import { history } from '../../../shared/history';
import { emptyIntents, type Intents, intentsSchema } from '../../../shared/intents';
import { compactIntents, KEEP_DAYS, RAW_DAYS } from '../../../shared/retention';
import { at, settingsIn } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);
const now = at('2026-11-25T18:00', ZONE);

/** Activity on each of the last days: focus blocks (some past midnight), lunches, late shutdowns. */
const activity = fc
  .array(
    fc.record({
      daysAgo: fc.integer({ min: 0, max: 60 }),
      startMinute: fc.integer({ min: 0, max: 1439 }),
      minutes: fc.integer({ min: 1, max: 300 }),
      lunch: fc.constantFrom('taken', 'skipped', null),
      shutdownMinute: fc.option(fc.integer({ min: 900, max: 1439 }), { nil: null }),
    }),
    { maxLength: 80 },
  )
  .map((days) => {
    const intents: Intents = emptyIntents();
    days.forEach((day, index) => {
      const date = addDays('2026-11-25', -day.daysAgo);
      const start = at(`${date}T00:00`, ZONE) + day.startMinute * MINUTE;
      if (start + day.minutes * MINUTE <= now)
        intents.focus.push({
          id: `f${index}`,
          startAt: new Date(start).toISOString(),
          plannedMinutes: day.minutes,
        });
      if (day.lunch && !intents.lunches.some((l) => l.date === date))
        intents.lunches.push({ date, status: day.lunch });
      const closed =
        day.shutdownMinute === null ? null : at(`${date}T00:00`, ZONE) + day.shutdownMinute * MINUTE;
      if (closed !== null && closed <= now && !intents.shutdowns.some((s) => s.date === date))
        intents.shutdowns.push({
          date,
          completedAt: new Date(closed).toISOString(),
          done: '',
          carryOver: '',
          priorities: [],
        });
    });
    return intents;
  });

describe('compactIntents', () => {
  it('keeps the look-back exactly as it was, while old raw records become day summaries', () => {
    fc.assert(
      fc.property(activity, (intents) => {
        const before = history('2026-09-20', '2026-11-25', now, settings, intents);
        const compacted = compactIntents(intents, now, settings);
        expect(history('2026-09-20', '2026-11-25', now, settings, compacted)).toEqual(before);
        expect(intentsSchema.safeParse(compacted).success).toBe(true);
        const rawFrom = now - RAW_DAYS * DAY;
        for (const block of compacted.focus)
          expect(Date.parse(block.startAt) + block.plannedMinutes * MINUTE).toBeGreaterThanOrEqual(
            rawFrom - DAY,
          );
        expect(compactIntents(compacted, now, settings)).toBe(compacted);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('forgets summaries older than the year and a bit it keeps', () => {
    const old = {
      ...emptyIntents(),
      days: [
        { ...emptySummary(), date: '2025-01-01' },
        { ...emptySummary(), date: '2026-11-01' },
      ],
    };
    const kept = compactIntents(old, now, settings).days.map((d) => d.date);
    expect(kept).toEqual(['2026-11-01']);
    expect(KEEP_DAYS).toBeGreaterThan(366);
  });
});

function emptySummary() {
  return {
    date: '',
    workday: true,
    focusMinutes: 0,
    meetingMinutes: 0,
    meetings: 0,
    lunchTaken: false,
    afterHoursMinutes: 0,
    weekendMinutes: 0,
    shutdownAt: null,
  };
}
