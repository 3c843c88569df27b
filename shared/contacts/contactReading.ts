import { availabilityAt } from '../availability';
import { type Instant, localDate, MINUTE } from '../clockTime';
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
  const back = availabilityAt(now, settings, intents).nextWorkStart;
  if (back === null || back <= now || soonest < back) return soonest;
  if (back - MINUTE > now) return back - MINUTE;
  // The last reading before these hours is done: the next is when they end.
  return Math.max(soonest, spanAt(back, pattern)?.end ?? soonest);
}

/**
 * Whether a reading at `now` begins a new reading of Teams chats. Microsoft allows an app that polls a
 * Teams resource for changes to do so "only once per day" (https://learn.microsoft.com/en-us/graph/api/resources/teams-api-overview,
 * Polling requirements), taken strictly: a whole day (1,440 minutes, to the minute) after the last at
 * the soonest. Only on a day with working hours, from the reading a minute before they begin (which
 * takes in the evening, the night, and a weekend or holiday before it) to the end of the day's first
 * working span: the computer off at that minute, the first reading after (at start, or when it wakes).
 * A day whose morning came less than a day after the last reading is passed over, so the readings
 * return to the mornings instead of drifting to the evenings; after two days, any reading of a working
 * day will do.
 */
export function teamsReadingDue(now: Instant, lastPoll: Instant | null, settings: Settings): boolean {
  const first = spansOn(localDate(now, settings.workTimeZone), patternOf(settings))[0];
  if (!first || now < first.start - MINUTE) return false;
  if (lastPoll === null) return true;
  const minutes = Math.floor(now / MINUTE) - Math.floor(lastPoll / MINUTE);
  return minutes >= 2 * 24 * 60 || (minutes >= 24 * 60 && now < first.end);
}

/** The reading a minute before the hours begin, which reads every service whenever it last read. */
export function lastReadingBeforeHours(now: Instant, settings: Settings, intents: Intents): boolean {
  const back = availabilityAt(now, settings, intents).nextWorkStart;
  return back !== null && back > now && back - now <= MINUTE;
}
