import type { Instant } from './clockTime';

/** A meeting or busy block read from a connected calendar. */
export interface CalendarEvent {
  id: string;
  title: string;
  start: Instant;
  end: Instant;
  source: 'google' | 'microsoft' | 'manual';
}

export function meetingAt(at: Instant, calendar: readonly CalendarEvent[]): CalendarEvent | null {
  let found: CalendarEvent | null = null;
  for (const event of calendar) {
    if (event.start <= at && at < event.end && (!found || event.end > found.end)) found = event;
  }
  return found;
}

export function nextMeetingStart(after: Instant, calendar: readonly CalendarEvent[]): Instant | null {
  let next: Instant | null = null;
  for (const event of calendar)
    if (event.start > after && (next === null || event.start < next)) next = event.start;
  return next;
}
