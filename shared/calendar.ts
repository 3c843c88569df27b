import type { Instant } from './clockTime';

/** A meeting or busy block read from a connected calendar. */
export interface CalendarEvent {
  id: string;
  title: string;
  start: Instant;
  end: Instant;
  source: 'google' | 'microsoft' | 'manual';
  /** Time the user marked as out of office on their calendar: they are off then, not in a meeting. */
  away?: true;
}

export function meetingAt(at: Instant, calendar: readonly CalendarEvent[]): CalendarEvent | null {
  let found: CalendarEvent | null = null;
  for (const event of calendar) {
    if (!event.away && event.start <= at && at < event.end && (!found || event.end > found.end))
      found = event;
  }
  return found;
}

/** The out-of-office time on the calendar at an instant, the one that lasts longest. */
export function awayAt(at: Instant, calendar: readonly CalendarEvent[]): CalendarEvent | null {
  let found: CalendarEvent | null = null;
  for (const event of calendar) {
    if (event.away && event.start <= at && at < event.end && (!found || event.end > found.end)) found = event;
  }
  return found;
}

export function nextMeetingStart(after: Instant, calendar: readonly CalendarEvent[]): Instant | null {
  let next: Instant | null = null;
  for (const event of calendar)
    if (!event.away && event.start > after && (next === null || event.start < next)) next = event.start;
  return next;
}
