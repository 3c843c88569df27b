import { availabilityAt } from '../availability';
import { addDays, atLocalTime, type Instant, localDate, MINUTE, minutesOfDay } from '../clockTime';
import type { Intents } from '../intents';
import type { Settings } from '../settings';
import { patternOf, spanAt, spansOn } from '../workPattern';
import { outsideHoursAt } from './contactRecord';

/**
 * When the record reads next (#25), `wait` after a reading at `now` at the soonest: while the person is
 * outside their hours, every `wait`, and once more a minute before their hours begin (the night's last
 * messages, and any reply of theirs); during their hours, not at all: the next reading is when the working
 * span under way ends. So the record never wakes the computer during working hours.
 */
export function nextReadingAt(now: Instant, wait: number, settings: Settings, intents: Intents): Instant {
  const soonest = now + wait;
  const pattern = patternOf(settings);
  const inHours = (at: Instant) => !outsideHoursAt(at, settings, intents);
  if (inHours(now)) return Math.max(soonest, spanAt(now, pattern)?.end ?? soonest);
  const next = ((): Instant => {
    const back = availabilityAt(now, settings, intents).nextWorkStart;
    if (back === null || back <= now || soonest < back) return soonest;
    if (back - MINUTE > now) return back - MINUTE;
    // The last reading before these hours is done: the next is when they end.
    return Math.max(soonest, spanAt(back, pattern)?.end ?? soonest);
  })();
  // And Teams' daily moment, to the minute, when it comes first (outside the hours, by its making).
  const date = localDate(now, settings.workTimeZone);
  const anchor = [date, addDays(date, 1)]
    .map((day) => teamsAnchorOn(day, settings))
    .find((at): at is Instant => at !== null && at > now);
  return anchor !== undefined && anchor < next && !inHours(anchor) ? anchor : next;
}

/** The local minute of the day the week's earliest working span begins; null: no working hours at all. */
function earliestStart(settings: Settings): number | null {
  const starts = Object.values(patternOf(settings).week)
    .flatMap((spans) => spans ?? [])
    .map((span) => minutesOfDay(span.start));
  return starts.length ? Math.min(...starts) : null;
}

/**
 * When Teams chats are read on a working day: a minute before the week's earliest start, the same
 * minute every day (so the readings are a whole day apart, and outside the hours of every day); null
 * on a day without working hours.
 */
export function teamsAnchorOn(date: string, settings: Settings): Instant | null {
  const earliest = earliestStart(settings);
  if (earliest === null || !spansOn(date, patternOf(settings)).length) return null;
  return atLocalTime(date, Math.max(0, earliest - 1), settings.workTimeZone);
}

/**
 * Whether a reading at `now` begins a new reading of Teams chats. Microsoft allows an app that polls a
 * Teams resource for changes to do so "only once per day" (https://learn.microsoft.com/en-us/graph/api/resources/teams-api-overview,
 * Polling requirements), taken strictly: a whole day (1,440 minutes, to the minute) after the last at
 * the soonest. On a day with working hours, from its moment (teamsAnchorOn, a minute before the week's
 * earliest start: it takes in the evening, the night, and a weekend or holiday before it) to the end of
 * the day's first working span; the computer off at that minute, the first reading after (at start, or
 * when it wakes). Past the morning, only after two days without a reading, so the readings go back to
 * the mornings instead of drifting to the evenings; turned on in the evening, the first is the next
 * morning's.
 */
export function teamsReadingDue(now: Instant, lastPoll: Instant | null, settings: Settings): boolean {
  const date = localDate(now, settings.workTimeZone);
  const anchor = teamsAnchorOn(date, settings);
  const first = spansOn(date, patternOf(settings))[0];
  if (anchor === null || !first || now < anchor) return false;
  const minutes = lastPoll === null ? Infinity : Math.floor(now / MINUTE) - Math.floor(lastPoll / MINUTE);
  if (now < first.end) return minutes >= 24 * 60;
  return lastPoll !== null && minutes >= 2 * 24 * 60;
}

/** The reading a minute before the hours begin, which reads every service whenever it last read. */
export function lastReadingBeforeHours(now: Instant, settings: Settings, intents: Intents): boolean {
  const back = availabilityAt(now, settings, intents).nextWorkStart;
  return back !== null && back > now && back - now <= MINUTE;
}
