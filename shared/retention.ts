import { DAY, type Instant, localDate } from './clockTime';
import type { Intents } from './intents';

/** How far back Cadence keeps what the user did: a year of look-backs, and a little more. */
export const KEEP_DAYS = 400;

/** The intents without records older than KEEP_DAYS; teammates, away and held items are kept. */
export function pruneIntents(intents: Intents, now: Instant, zone: string): Intents {
  const cutoff = now - KEEP_DAYS * DAY;
  const cutoffDate = localDate(cutoff, zone);
  return {
    ...intents,
    focus: intents.focus.filter((block) => Date.parse(block.startAt) >= cutoff),
    lunches: intents.lunches.filter((record) => record.date >= cutoffDate),
    lunchSnoozes: intents.lunchSnoozes.filter((record) => Date.parse(record.until) >= cutoff),
    shutdowns: intents.shutdowns.filter((record) => record.date >= cutoffDate),
    shutdownSnoozes: intents.shutdownSnoozes.filter((record) => Date.parse(record.until) >= cutoff),
  };
}
