import type { Instant } from '../../../shared/clockTime';
import type { IncomingInvitation } from '../../../shared/contacts/contactRecord';
import { eachPage, type GetPage } from './graphMail';

/** An Outlook invitation from someone else, as the record reads it (#25). */
export type OutlookInvitation = IncomingInvitation & { id: string };

interface ListedEvent {
  id?: string;
  subject?: string;
  isOrganizer?: boolean;
  isCancelled?: boolean;
  isAllDay?: boolean;
  type?: string;
  createdDateTime?: string;
  start?: { dateTime?: string };
  organizer?: { emailAddress?: { name?: string; address?: string } };
}

/**
 * The events of the user's calendar changed since `since` that someone else organises (GET /me/events:
 * "the list contains single instance meetings and series masters", so a recurring meeting is one; event's
 * `isOrganizer`, "Set to true if the calendar owner … is the organizer of the event", and `createdDateTime`,
 * https://learn.microsoft.com/en-us/graph/api/resources/event). Calendars.Read, already granted for meetings,
 * reads them (https://learn.microsoft.com/en-us/graph/api/user-list-events, Permissions). Times in UTC
 * (Prefer: outlook.timezone, set by the caller); the subject only for urgency, then dropped.
 */
export async function readOutlookInvitations(
  apiUrl: string,
  get: GetPage<ListedEvent>,
  since: Instant,
): Promise<{ invitations: OutlookInvitation[]; complete: boolean }> {
  const base = apiUrl.replace(/\/$/, '');
  const query = new URLSearchParams({
    $select: 'subject,organizer,isOrganizer,isCancelled,isAllDay,type,createdDateTime,start',
    $filter: `lastModifiedDateTime ge ${new Date(since).toISOString()}`,
    $top: '50',
  });
  const invitations: OutlookInvitation[] = [];
  const what = 'read your invitations for your record of contacts';
  const complete = await eachPage(apiUrl, `${base}/me/events?${query}`, get, what, (items) => {
    for (const event of items) {
      const created = Date.parse(event.createdDateTime ?? '');
      const start = Date.parse(`${(event.start?.dateTime ?? '').slice(0, 23)}Z`);
      const address = event.organizer?.emailAddress?.address;
      // All-day events are no meeting at an hour (Google's reader leaves them out too).
      if (!event.id || event.isOrganizer !== false || event.isCancelled || event.isAllDay || !address)
        continue;
      if (Number.isNaN(created) || Number.isNaN(start)) continue;
      invitations.push({
        id: event.id,
        created,
        // A series master's start is where its recurrence begins: "the first occurrence of the meeting might
        // not occur on this date" (https://learn.microsoft.com/en-us/graph/api/resources/event): judged by
        // when it was sent alone.
        start: event.type === 'seriesMaster' ? null : start,
        from: { id: address.toLowerCase(), name: event.organizer?.emailAddress?.name || address },
        text: event.subject ?? '',
      });
    }
  });
  return { invitations, complete };
}
