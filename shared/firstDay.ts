import { type Instant, localDate } from './clockTime';
import type { Intents } from './intents';

/** The earliest day anything was recorded on, in the zone given; null for a folder with nothing yet. */
export function earliestRecordedDay(intents: Intents, zone: string): string | null {
  const instants: Instant[] = [
    ...intents.focus.map((block) => Date.parse(block.startAt)),
    ...intents.activity.map((span) => Date.parse(span.from)),
    ...intents.shutdowns.map((record) => Date.parse(record.completedAt)),
  ];
  const dates = [
    ...instants.filter(Number.isFinite).map((instant) => localDate(instant, zone)),
    ...intents.lunches.map((lunch) => lunch.date),
    ...intents.shutdowns.map((record) => record.date),
    ...intents.days.map((day) => day.date),
    ...intents.nudges.map((nudge) => nudge.date),
    ...intents.ticks.map((tick) => tick.setOn),
  ];
  return dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : null;
}

/**
 * The intents with the day Cadence first ran, set once: today for a new data folder; for one from before
 * Cadence kept it, the earliest day anything was recorded on (else today). The same object when it is set.
 */
export function withFirstDay(intents: Intents, now: Instant, zone: string): Intents {
  if (intents.firstDay) return intents;
  const today = localDate(now, zone);
  const earliest = earliestRecordedDay(intents, zone);
  return { ...intents, firstDay: earliest !== null && earliest < today ? earliest : today };
}
