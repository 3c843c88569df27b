import { DAY, type Instant } from '../../../shared/clockTime';

/** A meeting invitation on the user's primary calendar from someone else, as the record reads it (#25). */
export interface Invitation {
  id: string;
  /** The recurring meeting it is an instance of: one invitation for the whole series. */
  series?: string | undefined;
  /**
   * When it reached the user: when it was created, or, for an event made earlier that changed since the
   * last reading (the user added to it, the meeting moved), when it changed.
   */
  created: Instant;
  /** When the meeting starts. */
  start: Instant;
  from: { id: string; name: string };
  /** Its title and description, read only to see whether it is urgent, then dropped. */
  text: string;
}

/** An event as Events: list gives it, the fields the record reads. */
interface ListedEvent {
  id?: string;
  eventType?: string;
  creator?: { self?: boolean };
  recurringEventId?: string;
  status?: string;
  created?: string;
  updated?: string;
  summary?: string;
  description?: string;
  start?: { dateTime?: string };
  organizer?: { email?: string; displayName?: string; self?: boolean };
  attendees?: { email?: string; self?: boolean }[];
}

export type ListEvents = (params: Record<string, string>, what: string) => Promise<ListedEvent[]>;

/** How far ahead invitations are looked for: a meeting set for an evening months away counts when it came. */
const AHEAD = 365 * DAY;

/**
 * The invitations changed since `updatedSince` on the user's primary calendar (Events: list with
 * `updatedMin`, "Lower bound for an event's last modification time (as a RFC3339 timestamp) to filter by",
 * https://developers.google.com/workspace/calendar/api/v3/reference/events/list), for meetings from the
 * last reading (a day ago at least) to a year ahead. An invitation is an event someone else organises
 * (`organizer.self` is "Whether the
 * organizer corresponds to the calendar on which this copy of the event appears") with the user among its
 * attendees (`attendees[].self`), https://developers.google.com/workspace/calendar/api/v3/reference/events.
 * Deleted ones, which updatedMin always includes, and all-day events are left out.
 */
export async function readInvitations(
  list: ListEvents,
  updatedSince: Instant,
  now: Instant,
): Promise<Invitation[]> {
  const items = await list(
    {
      updatedMin: new Date(updatedSince).toISOString(),
      // timeMin is the "Lower bound (exclusive) for an event's end time": from the last reading (or a day
      // ago), so a short-notice call that ended while the computer was off is still seen.
      timeMin: new Date(Math.min(updatedSince, now - DAY)).toISOString(),
      timeMax: new Date(now + AHEAD).toISOString(),
      // "Whether to include hidden invitations in the result" (default false): an invitation from a sender
      // the calendar hides until answered is still one.
      showHiddenInvitations: 'true',
    },
    'read the invitations for your record of contacts',
  );
  return items.flatMap((event) => {
    const made = Date.parse(event.created ?? '');
    // No field says when a guest was added: `updated` ("Last modification time of the main event data") is
    // the documented stand-in, kept within this reading's window.
    const changed = Math.min(Math.max(Date.parse(event.updated ?? '') || updatedSince, updatedSince), now);
    const created = made >= updatedSince ? made : changed;
    const start = Date.parse(event.start?.dateTime ?? '');
    const organizer = event.organizer;
    // Made by the person (on another of their calendars: `creator.self`), or not a meeting (Gmail's
    // flights, birthdays, focus time…: only `default` events are invitations).
    if (!event.id || event.status === 'cancelled' || organizer?.self === true || event.creator?.self === true)
      return [];
    if ((event.eventType ?? 'default') !== 'default') return [];
    if (!event.attendees?.some((a) => a.self === true) || Number.isNaN(created) || Number.isNaN(start))
      return [];
    const email = organizer?.email ?? 'unknown';
    return [
      {
        id: event.id,
        series: event.recurringEventId,
        created,
        start,
        from: { id: email, name: organizer?.displayName ?? email },
        text: `${event.summary ?? ''}\n${event.description ?? ''}`,
      },
    ];
  });
}
