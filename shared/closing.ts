import { durationText } from './words';

/** How long after closing a day it can be reopened, as if it had not been closed (shutdown.undo). */
export const UNDO_CLOSE_MINUTES = 5;

/** Lunch or the end of the day snoozed after closing: the day is over, there is nothing left to put off. */
export const CLOSED_NOTHING_TO_SNOOZE =
  'You closed the day, so there is nothing to snooze: Cadence asks nothing more of it.';

/** A day closed at least this long before the end of its working hours is said to be closed early. */
export const EARLY_CLOSE_MINUTES = 60;

/**
 * What closing early means, said by the ritual ("Closed …") and the CLI ("Day closed …") alike; null
 * when the day was not closed early.
 */
export function earlyCloseWords(earlyMinutes: number, subject = 'Closed'): string | null {
  if (earlyMinutes < EARLY_CLOSE_MINUTES) return null;
  return `${subject} ${durationText(earlyMinutes)} early: the rest of today is yours, with no lunch or end-of-day prompts.`;
}
