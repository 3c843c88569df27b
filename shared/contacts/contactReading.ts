import { availabilityAt } from '../availability';
import { type Instant, MINUTE } from '../clockTime';
import type { Intents } from '../intents';
import type { Settings } from '../settings';
import { patternOf, spanAt } from '../workPattern';
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
