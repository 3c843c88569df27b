import { randomBytes } from 'node:crypto';
import {
  FakeAuthorizationServer,
  type FakeReply,
  type FakeRequest,
  grantedOnConsent,
  ProviderFake,
} from './fakeHttp';

export interface GoogleEvent {
  id: string;
  summary?: string;
  eventType: string;
  status: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string; timeZone?: string };
  focusTimeProperties?: Record<string, unknown>;
  attendees?: { email: string; self?: boolean; responseStatus: string }[];
  extendedProperties?: { private?: Record<string, string> };
  transparency?: string;
  description?: string;
  /** "Creation time of the event (as a RFC3339 timestamp). Read-only." and "Last modification time of the
   * main event data" (https://developers.google.com/workspace/calendar/api/v3/reference/events). */
  created?: string;
  updated?: string;
  /** `self`: "Whether the organizer corresponds to the calendar on which this copy of the event appears." */
  organizer?: { email: string; displayName?: string; self?: boolean };
  recurringEventId?: string;
}

const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

const googleError = (code: number, message: string, reason: string): FakeReply => ({
  status: code,
  body: { error: { code, message, errors: [{ domain: 'global', reason, message }] } },
});

/**
 * The 403s Google Calendar documents (https://developers.google.com/workspace/calendar/api/guides/errors):
 * usage limits (back off and retry), a calendar the user may not change, and a token without the scope.
 */
export const GOOGLE_403 = {
  rateLimitExceeded: { domain: 'usageLimits', message: 'Rate Limit Exceeded' },
  userRateLimitExceeded: { domain: 'usageLimits', message: 'User Rate Limit Exceeded' },
  quotaExceeded: { domain: 'usageLimits', message: 'Calendar usage limits exceeded.' },
  requiredAccessLevel: {
    domain: 'calendar',
    message: 'You need to have writer access to this calendar.',
  },
  forbiddenForNonOrganizer: {
    domain: 'calendar',
    message: 'Shared properties can only be changed by the organizer of the event.',
  },
  insufficientPermissions: { domain: 'global', message: 'Insufficient Permission' },
} as const;

/** An event's start or end as an instant: timed events have dateTime, all-day ones a date (taken as UTC here). */
const instant = (time: { dateTime?: string; date?: string }): number =>
  Date.parse(time.dateTime ?? `${time.date ?? ''}T00:00:00Z`);

/**
 * What Google refuses in a focusTime event. The calendar-status guide ("Focus time",
 * https://developers.google.com/workspace/calendar/api/guides/calendar-status) requires eventType
 * focusTime, a focusTimeProperties field, transparency set to opaque (the stricter reading: it must be
 * sent, not left to the default) and a timed event ("can't be an all-day event"); the Events resource
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events, "focusTimeProperties") allows
 * autoDeclineMode declineNone, declineAllConflictingInvitations or declineOnlyNewConflictingInvitations,
 * and chatStatus available or doNotDisturb. No reason is documented for these refusals: a missing field
 * answers reason "required", a wrong value a plain 400 "invalid".
 */
function focusTimeProblem(event: Partial<GoogleEvent>): FakeReply | null {
  if (event.eventType !== 'focusTime') return null;
  const properties = event.focusTimeProperties;
  if (!properties) return googleError(400, 'focusTimeProperties are required', 'required');
  if (event.transparency !== 'opaque') return googleError(400, 'Focus time events must be opaque', 'invalid');
  if (event.start?.date !== undefined || event.end?.date !== undefined)
    return googleError(400, 'Focus time events cannot be all-day events', 'invalid');
  const decline = String(properties.autoDeclineMode ?? 'declineNone');
  const chat = String(properties.chatStatus ?? 'available');
  if (
    !['declineNone', 'declineAllConflictingInvitations', 'declineOnlyNewConflictingInvitations'].includes(
      decline,
    ) ||
    !['available', 'doNotDisturb'].includes(chat)
  )
    return googleError(400, 'Invalid value for focusTimeProperties', 'invalid');
  return null;
}

/** A fake of Google Calendar v3 (primary calendar events, focusTime, calendar zone) and Google's OAuth with PKCE. */
export class GoogleFake extends ProviderFake {
  protected readonly apiPath = '/calendar/v3';
  // The token endpoint wants client_secret both when a code is exchanged and when a token is refreshed,
  // for "Desktop app" clients too ("Step 5: Exchange authorization code for refresh and access tokens"
  // and "Refreshing an access token", https://developers.google.com/identity/protocols/oauth2/native-app).
  // Desktop app clients take a loopback IP address on any port and path
  // (https://developers.google.com/identity/protocols/oauth2/native-app, "Loopback IP address").
  readonly auth = new FakeAuthorizationServer(
    'google-client',
    'ya29.',
    'google-secret',
    /^http:\/\/(127\.0\.0\.1|\[::1\]):\d+(\/[^?#]*)?$/,
  );
  events = new Map<string, GoogleEvent>();
  calendarTimeZone = 'UTC';
  /** How many events one page of Events: list holds. */
  pageSize = 50;
  /**
   * A Workspace account, or a personal (gmail.com) one. "These features [focus time, out of office]
   * are only available on primary calendars, and to some Calendar users"
   * (https://developers.google.com/workspace/calendar/api/guides/calendar-status): the fake takes the
   * stricter reading that a personal account has neither, and refuses them with a 400 naming the type.
   */
  account: { kind: 'workspace' | 'personal'; address: string } = {
    kind: 'workspace',
    address: 'me@example.com',
  };
  /** Not every Workspace edition has focus time and out of office (calendar-status, as above). */
  editionHasFocusTime = true;
  get focusTimeSupported(): boolean {
    return this.account.kind === 'workspace' && this.editionHasFocusTime;
  }
  override now = () => Date.now();

  constructor() {
    super();
    // Access tokens live as long as the token response's expires_in says (3599 s here).
    this.auth.accessLifetimeMs = 3_599_000;
  }
  /**
   * The OAuth consent screen's publishing status. "A Google Cloud Platform project with an OAuth consent
   * screen configured for an external user type and a publishing status of 'Testing' is issued a refresh
   * token expiring in 7 days" (https://developers.google.com/identity/protocols/oauth2#expiration); the
   * token endpoint then answers invalid_grant.
   */
  consentScreen: 'testing' | 'production' = 'production';
  /**
   * Scopes the user unticks on Google's consent screen: "users can choose to grant only some of the
   * requested scopes" (granular consent, https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
   * The token then lacks them, and calls that need them are refused.
   */
  withheld: string[] = [];
  /** What the current grant holds: the scopes the last sign-in asked for, less those withheld. */
  granted: string[] = [CALENDAR_SCOPE];
  private readonly refreshIssuedAt = new Map<string, number>();

  /** The next call is refused with one of the 403s Google documents. */
  inject403(reason: keyof typeof GOOGLE_403): void {
    const { domain, message } = GOOGLE_403[reason];
    this.server.inject({
      status: 403,
      body: { error: { code: 403, message, errors: [{ domain, reason, message }] } },
    });
  }
  /** Other people's busy times, by email, as freeBusy reports them. */
  busy = new Map<string, { start: string; end: string }[]>();

  /**
   * The user deletes an event in Google Calendar: it stays, with status "cancelled" (Events resource:
   * "status ... cancelled - The event is cancelled (deleted)"), and a PATCH to it does not bring it back.
   */
  deleteByHand(id: string): void {
    const event = this.events.get(id);
    if (event) event.status = 'cancelled';
  }

  /**
   * An invitation from someone else on the user's primary calendar, created now (fake time): organised by
   * `from`, with the user among the attendees, awaiting an answer.
   */
  invite(
    from: { email: string; displayName?: string },
    start: string,
    end: string,
    summary: string,
    series?: string,
  ): GoogleEvent {
    const stamp = new Date(this.now()).toISOString();
    const event: GoogleEvent = {
      // An instance of a recurring event has its own id and "recurringEventId: For an instance of a
      // recurring event, this is the id of the recurring event to which this instance belongs" (Events).
      id: series ? `${series}_${start.replace(/\D/g, '').slice(0, 14)}Z` : randomBytes(6).toString('hex'),
      ...(series ? { recurringEventId: series } : {}),
      summary,
      eventType: 'default',
      status: 'confirmed',
      start: { dateTime: start },
      end: { dateTime: end },
      created: stamp,
      updated: stamp,
      organizer: from,
      attendees: [
        { email: from.email, responseStatus: 'accepted' },
        { email: 'me@example.com', self: true, responseStatus: 'needsAction' },
      ],
    };
    this.events.set(event.id, event);
    return event;
  }

  /** How far back updatedMin may reach before Events: list answers 410 (null: no limit); see listing. */
  updatedMinLimitMs: number | null = null;

  /** Events the user sees on the calendar (not deleted). */
  visible(): GoogleEvent[] {
    return [...this.events.values()].filter((e) => e.status !== 'cancelled');
  }

  writes(): FakeRequest[] {
    return this.server.calls.filter((c) => c.path.startsWith('/calendar/v3') && c.method !== 'GET');
  }

  /**
   * A meeting on the user's calendar. `myResponse` is the user's own attendee entry (`self: true`), whose
   * `responseStatus` may be "needsAction", "declined", "tentative" or "accepted"
   * (https://developers.google.com/workspace/calendar/api/v3/reference/events).
   */
  addMeeting(summary: string, start: number, end: number, myResponse?: string): void {
    const id = randomBytes(6).toString('hex');
    const stamp = new Date(this.now()).toISOString();
    this.events.set(id, {
      id,
      summary,
      eventType: 'default',
      status: 'confirmed',
      created: stamp,
      updated: stamp,
      start: { dateTime: new Date(start).toISOString() },
      end: { dateTime: new Date(end).toISOString() },
      ...(myResponse
        ? {
            attendees: [
              { email: 'organiser@example.com', responseStatus: 'accepted' },
              { email: 'me@example.com', self: true, responseStatus: myResponse },
            ],
          }
        : {}),
    });
  }

  protected route(request: FakeRequest): FakeReply {
    if (request.path === '/o/oauth2/v2/auth') {
      const reply = this.auth.authorize(request.query);
      if (reply.status < 400) this.granted = grantedOnConsent(request.query, 'scope', this.withheld);
      return reply;
    }
    if (request.path === '/token') {
      const presented = String(request.body.refresh_token ?? '');
      const issuedAt = this.refreshIssuedAt.get(presented);
      if (
        request.body.grant_type === 'refresh_token' &&
        this.consentScreen === 'testing' &&
        issuedAt !== undefined &&
        this.now() - issuedAt >= 7 * 86_400_000
      )
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
        };
      const result = this.auth.exchange(request.body);
      if ('error' in result)
        return {
          status: 400,
          body: { error: result.error, error_description: `Bad Request: ${result.error}` },
        };
      if (request.body.grant_type !== 'refresh_token')
        this.refreshIssuedAt.set(result.refreshToken, this.now());
      return {
        status: 200,
        body: {
          access_token: result.accessToken,
          refresh_token: result.refreshToken,
          expires_in: 3599,
          // "The scopes of access granted by the access_token expressed as a list of space-delimited,
          // case-sensitive strings" (https://developers.google.com/identity/protocols/oauth2/native-app).
          scope: this.granted.join(' '),
          token_type: 'Bearer',
        },
      };
    }
    if (!request.token || !this.auth.accessTokens.has(request.token) || this.auth.isExpired(request.token))
      return googleError(401, 'Invalid Credentials', 'authError');
    // Every call Cadence makes is authorised by the calendar scope (each method's Authorization section,
    // https://developers.google.com/workspace/calendar/api/v3/reference): without it, 403
    // insufficientPermissions (https://developers.google.com/workspace/calendar/api/guides/errors).
    if (!this.granted.includes(CALENDAR_SCOPE))
      return googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
    const path = request.path.replace(/^\/calendar\/v3/, '');
    // The primary calendar's id is the account's address (Calendars resource, https://developers.google.com/workspace/calendar/api/v3/reference/calendars).
    if (path === '/calendars/primary' && request.method === 'GET')
      return {
        status: 200,
        body: { kind: 'calendar#calendar', id: this.account.address, timeZone: this.calendarTimeZone },
      };
    if (path === '/calendars/primary' && request.method === 'PATCH') {
      this.calendarTimeZone = String(request.body.timeZone ?? this.calendarTimeZone);
      return { status: 200, body: { id: 'primary', timeZone: this.calendarTimeZone } };
    }
    if (path === '/freeBusy' && request.method === 'POST') {
      const items = (request.body.items ?? []) as { id: string }[];
      if (!request.body.timeMin || !request.body.timeMax)
        return googleError(400, 'Missing timeMin or timeMax', 'required');
      if (items.length > 50)
        return googleError(400, 'Too many calendars requested', 'tooManyCalendarsRequestedForFreeBusy');
      const calendars = Object.fromEntries(
        items.map(({ id }) => [
          id,
          this.busy.has(id)
            ? { busy: this.busy.get(id) }
            : { busy: [], errors: [{ domain: 'global', reason: 'notFound' }] },
        ]),
      );
      return {
        status: 200,
        body: {
          kind: 'calendar#freeBusy',
          timeMin: request.body.timeMin,
          timeMax: request.body.timeMax,
          calendars,
        },
      };
    }
    if (path === '/users/me/settings/timezone')
      return {
        status: 200,
        body: { kind: 'calendar#setting', id: 'timezone', value: this.calendarTimeZone },
      };
    if (path === '/calendars/primary/events' && request.method === 'POST') {
      const body = request.body as unknown as GoogleEvent;
      // start/end: "dateTime" for timed events, "date" for all-day ones (Events resource).
      if (!(body.start?.dateTime ?? body.start?.date) || !(body.end?.dateTime ?? body.end?.date))
        return googleError(400, 'Missing time', 'required');
      if (instant(body.end) <= instant(body.start))
        return {
          status: 400,
          body: {
            error: {
              code: 400,
              message: 'The specified time range is empty.',
              errors: [
                {
                  domain: 'calendar',
                  reason: 'timeRangeEmpty',
                  message: 'The specified time range is empty.',
                },
              ],
            },
          },
        };
      // No reason or wording is documented for a calendar without the type: the stricter reading is a
      // plain 400 that names neither, so Cadence cannot lean on the words.
      if (body.eventType === 'outOfOffice' && !this.focusTimeSupported)
        return googleError(400, 'Bad Request', 'invalid');
      if (
        body.eventType === 'outOfOffice' &&
        !(body as { outOfOfficeProperties?: unknown }).outOfOfficeProperties
      )
        return googleError(400, 'outOfOfficeProperties are required', 'required');
      if (body.eventType === 'focusTime' && !this.focusTimeSupported)
        return googleError(400, 'Bad Request', 'invalid');
      const refusedFocusTime = focusTimeProblem(body);
      if (refusedFocusTime) return refusedFocusTime;
      const stamp = new Date(this.now()).toISOString();
      const event: GoogleEvent = {
        ...body,
        id: randomBytes(6).toString('hex'),
        status: 'confirmed',
        eventType: body.eventType ?? 'default',
        created: stamp,
        updated: stamp,
        organizer: { email: 'me@example.com', self: true },
      };
      this.events.set(event.id, event);
      return { status: 200, body: event };
    }
    if (path === '/calendars/primary/events' && request.method === 'GET') {
      const from = Date.parse(request.query.get('timeMin') ?? '') || 0;
      const to = Date.parse(request.query.get('timeMax') ?? '') || Infinity;
      // Deleted events stay, "cancelled", and are listed only with showDeleted=true (Events: list).
      const showDeleted = request.query.get('showDeleted') === 'true';
      // updatedMin: "Lower bound for an event's last modification time (as a RFC3339 timestamp) to filter
      // by. When specified, entries deleted since this time will always be included regardless of
      // showDeleted." (Events: list). The stricter reading: a value that is not a timestamp is refused.
      const updatedMinText = request.query.get('updatedMin');
      const updatedMin = updatedMinText === null ? null : Date.parse(updatedMinText);
      if (updatedMin !== null && Number.isNaN(updatedMin))
        return googleError(400, 'Bad Request', 'invalidParameter');
      // 410 updatedMinTooLongAgo: "The request specified an updatedMin that is too far in the past"
      // (https://developers.google.com/workspace/calendar/api/guides/errors); how far is not documented.
      if (
        updatedMin !== null &&
        this.updatedMinLimitMs !== null &&
        updatedMin < this.now() - this.updatedMinLimitMs
      )
        return googleError(
          410,
          'The requested minimum modification time lies too far in the past.',
          'updatedMinTooLongAgo',
        );
      const tag = request.query.get('privateExtendedProperty');
      const [tagKey, tagValue] = tag ? tag.split('=') : [];
      const all = [...this.events.values()].filter(
        (e) =>
          instant(e.end) > from &&
          instant(e.start) < to &&
          (showDeleted || updatedMin !== null || e.status !== 'cancelled') &&
          (updatedMin === null || Date.parse(e.updated ?? '') >= updatedMin) &&
          (!tagKey || e.extendedProperties?.private?.[tagKey] === tagValue),
      );
      // Events: list returns pages: "Incomplete pages can be detected by a non-empty nextPageToken field
      // in the result", and a page may hold fewer than maxResults
      // (https://developers.google.com/workspace/calendar/api/v3/reference/events/list). The stricter
      // reading: pages of PAGE_SIZE, whatever maxResults says.
      const offset = Number(request.query.get('pageToken') ?? 0) || 0;
      const items = all.slice(offset, offset + this.pageSize);
      const next = offset + this.pageSize < all.length ? String(offset + this.pageSize) : undefined;
      return {
        status: 200,
        body: { kind: 'calendar#events', items, ...(next ? { nextPageToken: next } : {}) },
      };
    }
    const match = /^\/calendars\/primary\/events\/([^/]+)$/.exec(path);
    if (match) {
      const event = this.events.get(decodeURIComponent(match[1]!));
      if (!event) return googleError(404, 'Not Found', 'notFound');
      if (request.method === 'DELETE') {
        this.events.delete(event.id);
        return { status: 204 };
      }
      if (request.method === 'PATCH') {
        const patch = request.body as Partial<GoogleEvent>;
        if (patch.eventType && patch.eventType !== event.eventType)
          return googleError(400, 'Event type cannot be changed.', 'eventTypeRestriction');
        const updated = {
          ...event,
          ...patch,
          start: { ...event.start, ...patch.start },
          end: { ...event.end, ...patch.end },
          updated: new Date(this.now()).toISOString(),
        } as GoogleEvent;
        // An update keeps a focusTime event's required fields (calendar-status guide): checked on the
        // event as it would be stored. A patch merges nested objects into the event's (Events: patch);
        // the fake replaces focusTimeProperties whole, the stricter reading: all of it must be sent.
        const refusedFocusTime = focusTimeProblem(updated);
        if (refusedFocusTime) return refusedFocusTime;
        this.events.set(event.id, updated);
        return { status: 200, body: updated };
      }
    }
    return googleError(404, 'Not Found', 'notFound');
  }
}
