import { emptyIntents, type Intents } from '../../../shared/intents';
import type { Settings } from '../../../shared/settings';
import { at, FIVE_HOUR_GOAL } from './domainFixtures';

/** A weekly focus goal of six hours in blocks of 45 to 90 minutes, each offered with a click. */
export const SIX_HOUR_GOAL: Settings['focusGoal'] = {
  ...FIVE_HOUR_GOAL,
  weeklyHours: 6,
  maxBlockMinutes: 90,
  start: 'prompt',
};

/** An ordinary workday in a zone: unlocked at 08:50, an hour of focus, lunch, closed at 17:30. */
export function workedDay(intents: Intents, date: string, zone: string): void {
  const isoAt = (time: string) => new Date(at(`${date}T${time}`, zone)).toISOString();
  intents.activity.push({ from: isoAt('08:50'), to: isoAt('08:50') });
  intents.focus.push({ id: `f-${date}`, startAt: isoAt('10:00'), plannedMinutes: 60 });
  intents.lunches.push({ date, status: 'taken', startedAt: isoAt('12:15'), minutes: 45 });
  intents.shutdowns.push({ date, completedAt: isoAt('17:30'), done: '', carryOver: '', priorities: [] });
}

/**
 * A data folder whose first records are of Thursday 26 November 2026 (no first day kept yet): two
 * ordinary workdays, and 2 h 10 min at the machine on the Thursday evening.
 */
export function fromThursday(zone: string): Intents {
  const intents = emptyIntents();
  for (const date of ['2026-11-26', '2026-11-27']) workedDay(intents, date, zone);
  intents.activity.push({
    from: new Date(at('2026-11-26T19:00', zone)).toISOString(),
    to: new Date(at('2026-11-26T21:10', zone)).toISOString(),
  });
  return intents;
}
