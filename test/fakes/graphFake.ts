import { DateTime } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { FakeAuthorizationServer, type FakeReply, type FakeRequest, ProviderFake } from './fakeHttp';
import { TeamsChatsFake } from './teamsChatsFake';

/** The signed-in person's object id, as the ID token's `oid` and a Teams message's `from.user.id` give it. */
export const ME_OID = '5f2b7a10-0000-4000-8000-0000000000e1';

/**
 * The supported availability/activity combinations of setUserPreferredPresence, and no others
 * (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence).
 */
const PAIRS = new Set([
  'Available/Available',
  'Busy/Busy',
  'DoNotDisturb/DoNotDisturb',
  'BeRightBack/BeRightBack',
  'Away/Away',
  'Offline/OffWork',
]);

/** An ISO 8601 duration of days, hours, minutes and seconds (PnDTnHnMnS) in ms; null when malformed. */
function durationMs(text: string): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, m, sec] = match.map((part) => Number(part ?? 0));
  return (((d! * 24 + h!) * 60 + m!) * 60 + sec!) * 1000;
}
/**
 * The permissions each call takes, from the Permissions table of its page (least privileged first, then
 * the higher privileged ones); a token with none of them is refused with 403. The stricter reading:
 * only the delegated permissions the table names count, so Presence.ReadWrite does not read presence.
 */
const CALL_SCOPES: Record<string, string[]> = {
  // https://learn.microsoft.com/en-us/graph/api/presence-get
  'GET /me/presence': ['Presence.Read', 'Presence.Read.All'],
  // https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence
  'POST /me/presence/setUserPreferredPresence': ['Presence.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/presence-clearuserpreferredpresence
  'POST /me/presence/clearUserPreferredPresence': ['Presence.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/presence-setstatusmessage
  'POST /me/presence/setStatusMessage': ['Presence.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings
  'PATCH /me/mailboxSettings': ['MailboxSettings.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/calendar-getschedule
  'POST /me/calendar/getSchedule': ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/user-list-calendarview
  'GET /me/calendarView': ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  // https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages (least privileged Mail.ReadBasic);
  // `sentitems` is a well-known folder name (https://learn.microsoft.com/en-us/graph/api/resources/mailfolder)
  'GET /me/mailFolders/inbox/messages': ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
  'GET /me/mailFolders/sentitems/messages': ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
};

/** "Busy", "Tentative": getSchedule's examples write a scheduleItem's status capitalised (calendar-getschedule). */
const capitalised = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

const WINDOWS_ZONES = new Set<string>(WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName));
const knownIanaZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const graphError = (status: number, code: string, message: string): FakeReply => ({
  status,
  body: { error: { code, message } },
});

/** An event on the user's calendar as Graph keeps it (https://learn.microsoft.com/en-us/graph/api/resources/event). */
export interface GraphEvent {
  id: string;
  subject: string;
  showAs: string;
  categories: string[];
  isReminderOn: boolean;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  singleValueExtendedProperties: { id: string; value: string }[];
}

/**
 * A dateTimeTimeZone: "dateTime: a single point of time in a combined date and time representation
 * ({date}T{time}; for example, 2017-08-29T04:00:00.0000000)" with the zone named beside it
 * (https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone). The stricter reading: a
 * dateTime carrying its own offset or "Z" is refused, and the zone must be one the fake knows.
 */
function instantOf(value: unknown): number | null {
  const { dateTime, timeZone } = (value ?? {}) as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?$/.test(dateTime))
    return null;
  if (typeof timeZone !== 'string') return null;
  const at = DateTime.fromISO(dateTime.slice(0, 23), { zone: timeZone === 'UTC' ? 'utc' : timeZone });
  return at.isValid ? at.toMillis() : null;
}

/** Answers in UTC, as asked with Prefer: outlook.timezone="UTC". */
const utcTime = (at: number) => ({
  dateTime: `${new Date(at).toISOString().slice(0, 19)}.0000000`,
  timeZone: 'UTC',
});

/** A named extended property's id: "String {GUID} Name <name>" (extended properties overview, id formats). */
const PROPERTY_ID = /^String \{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\} Name \S+$/i;
/** The documented filter on a collection (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get). */
const TAG_FILTER =
  /^singleValueExtendedProperties\/any\(ep: ?ep\/id eq '([^']+)' and ep\/value eq '([^']*)'\)$/i;
/** The documented $expand of one property: singleValueExtendedProperties($filter=id eq '{id_value}'). */
const TAG_EXPAND = /^singleValueExtendedProperties\(\$filter=id eq '([^']+)'\)$/;

/** A fake of Microsoft Graph v1.0 (presence, status message, mailbox settings, calendar view) and the identity platform's PKCE flow. */
export class GraphFake extends ProviderFake {
  protected readonly apiPath = '/v1.0';
  // The registration's redirect is http://localhost under "Mobile and desktop applications"; the port
  // is ignored and the path must match (https://learn.microsoft.com/en-us/entra/identity-platform/reply-url).
  readonly auth = new FakeAuthorizationServer(
    'graph-client',
    'eyJ0eXAi.',
    null,
    /^http:\/\/localhost:\d+\/?$/,
  );
  constructor() {
    super();
    // Access tokens live as long as the token response's expires_in says (3600 s here).
    this.auth.accessLifetimeMs = 3_600_000;
    this.auth.publicClient = true;
  }

  preferredPresence: { availability: string; activity: string; expiresAt: number } | null = null;
  statusMessage: { content: string; expiry: string | null } | null = null;
  mailbox: Record<string, unknown> = {};

  /** The external automatic reply as a reader sees it: the HTML's text, entities decoded. */
  get autoReplyText(): string | null {
    const setting = this.mailbox.automaticRepliesSetting as { externalReplyMessage?: unknown } | undefined;
    const message = setting?.externalReplyMessage;
    if (typeof message !== 'string') return null;
    return message
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .trim();
  }
  /**
   * Events on the user's calendar. `showAs` is one of free, tentative, busy, oof, workingElsewhere,
   * unknown; `isAllDay` marks all-day events (https://learn.microsoft.com/en-us/graph/api/resources/event).
   */
  meetings: {
    id: string;
    subject: string;
    start: string;
    end: string;
    showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
    isAllDay?: boolean;
  }[] = [];
  /** calendarView answers in pages: the next one is at @odata.nextLink. */
  pageSize = 10;
  /** The user's Outlook inbox (mail from others), oldest first; see deliver(). */
  inbox: {
    id: string;
    receivedDateTime: string;
    subject: string;
    body: string;
    from: { name: string; address: string };
    /** "The ID of the conversation the email belongs to" (the message resource). */
    conversationId: string;
    /** '#microsoft.graph.eventMessage' for a meeting request. */
    type?: string;
  }[] = [];
  /** Invitations from others on the user's calendar (GET /me/events lists them with Cadence's own). */
  readonly invitations: {
    id: string;
    subject: string;
    organizer: { name: string; address: string };
    createdDateTime: string;
    lastModifiedDateTime: string;
    start: string;
    isCancelled?: boolean;
    isAllDay?: boolean;
    /** 'seriesMaster' for a recurring meeting (its start is where the recurrence begins). */
    type?: string;
  }[] = [];
  /** Other people's schedules by email, as getSchedule reports them. */
  schedules = new Map<
    string,
    { items: { status: string; start: string; end: string }[]; workingHours: Record<string, unknown> }
  >();
  override now = () => Date.now();
  /** Events Cadence (or anyone through the API) created: POST /me/events. */
  readonly events = new Map<string, GraphEvent>();
  private nextEventId = 1;
  /**
   * What each sign-in granted. Scopes are asked for at sign-in, and the token response's "scope" lists
   * "the scopes that the access_token is valid for" (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow);
   * a refresh keeps the grant's scopes. Tokens made without a sign-in have the scopes Cadence asked for
   * before it wrote events.
   */
  private readonly scopesByCode = new Map<string, string[]>();
  private readonly scopesByToken = new Map<string, string[]>();
  /** Sign-ins seen, with the scopes each asked for. */
  readonly signIns: string[][] = [];
  /**
   * A work or school account, or a personal one. The ID token's tid names the tenant; personal accounts
   * have 9188040d-6c67-4c5b-b112-36a304b66dad (https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference).
   * Presence and getSchedule say "Delegated (personal Microsoft account): Not supported" under
   * Permissions (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence,
   * https://learn.microsoft.com/en-us/graph/api/calendar-getschedule): refused here.
   */
  account: { kind: 'work' | 'personal'; username: string } = { kind: 'work', username: 'me@contoso.example' };

  /**
   * Whether the user has a presence session (Teams running and signed in). "Preferred presence takes
   * effect only when at least one presence session exists for the user. Otherwise, the user's presence
   * shows as Offline" (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence).
   */
  teamsRunning = true;
  /** Permissions the consent does not grant (an administrator withheld them), whatever the sign-in asked. */
  withheld: string[] = [];
  /**
   * Token responses leave out "scope": it is optional where the granted scopes are those asked for
   * (RFC 6749 §5.1; the auth-code flow page's token response,
   * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow).
   */
  omitScope = false;

  /** The person's Teams chats (teamsChatsFake.ts). */
  readonly teams = new TeamsChatsFake(
    () => this.apiUrl,
    () => this.now(),
  );

  /** The user picks a presence in Teams: it is the user's preferred presence, the same one Cadence sets. */
  userSetsPresence(availability: string, activity: string): void {
    this.preferredPresence = { availability, activity, expiresAt: this.now() + 7 * 86_400_000 };
  }

  private idToken(): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tid =
      this.account.kind === 'personal'
        ? '9188040d-6c67-4c5b-b112-36a304b66dad'
        : '72f988bf-0000-4000-8000-000000000001';
    return `${part({ typ: 'JWT', alg: 'RS256' })}.${part({
      aud: this.auth.clientId,
      tid,
      oid: ME_OID,
      preferred_username: this.account.username,
    })}.c2lnbmF0dXJl`;
  }

  private scopesOf(token: string): string[] {
    return (
      this.scopesByToken.get(token) ?? [
        'Presence.Read',
        'Presence.ReadWrite',
        'MailboxSettings.ReadWrite',
        'Calendars.Read',
      ]
    );
  }

  /**
   * Whether the token carries one of `scopes`. Creating, updating and deleting an event need
   * Calendars.ReadWrite (https://learn.microsoft.com/en-us/graph/api/user-post-events,
   * https://learn.microsoft.com/en-us/graph/api/event-update, https://learn.microsoft.com/en-us/graph/api/event-delete,
   * Permissions); without it Graph answers 403 ErrorAccessDenied.
   */
  private allows(token: string, ...scopes: string[]): boolean {
    const granted = this.scopesOf(token).map((s) => s.toLowerCase());
    return scopes.some((scope) => granted.includes(scope.toLowerCase()));
  }

  /** The focus blocks Cadence planned on the calendar, by their key, earliest first. */
  planned(): { id: string; key: string; start: number; end: number }[] {
    return [...this.events.values()]
      .map((e) => ({
        id: e.id,
        key: e.singleValueExtendedProperties.find((p) => / Name cadenceFocusId$/.test(p.id))?.value ?? '',
        start: instantOf(e.start)!,
        end: instantOf(e.end)!,
      }))
      .filter((e) => e.key)
      .sort((a, b) => a.start - b.start);
  }

  /** The user deletes an event in Outlook. */
  userDeletes(id: string): void {
    this.events.delete(id);
  }

  writes(): FakeRequest[] {
    return this.server.calls.filter((c) => c.path.startsWith('/v1.0') && c.method !== 'GET');
  }

  protected route(request: FakeRequest): FakeReply {
    if (request.path === '/common/oauth2/v2.0/authorize') {
      const reply = this.auth.authorize(request.query);
      const code = reply.headers?.location ? new URL(reply.headers.location).searchParams.get('code') : null;
      const scopes = (request.query.get('scope') ?? '').split(' ').filter(Boolean);
      if (code) {
        this.scopesByCode.set(code, scopes);
        this.signIns.push(scopes);
      }
      return reply;
    }
    if (request.path === '/common/oauth2/v2.0/token') {
      const result = this.auth.exchange(request.body);
      if ('error' in result)
        return { status: 400, body: { error: result.error, error_description: `AADSTS: ${result.error}` } };
      const scopes = (
        request.body.grant_type === 'refresh_token'
          ? (this.scopesByToken.get(String(request.body.refresh_token)) ?? [])
          : (this.scopesByCode.get(String(request.body.code)) ?? [])
      ).filter((s) => !this.withheld.some((w) => w.toLowerCase() === s.toLowerCase()));
      this.scopesByToken.set(result.accessToken, scopes);
      this.scopesByToken.set(result.refreshToken, scopes);
      return {
        status: 200,
        body: {
          access_token: result.accessToken,
          refresh_token: result.refreshToken,
          expires_in: 3600,
          token_type: 'Bearer',
          // Graph's permissions come back after their resource, as in the flow's example
          // ("scope": "https://graph.microsoft.com/mail.read"); the OpenID Connect scopes stay as they are.
          ...(this.omitScope && !this.withheld.length
            ? {}
            : {
                scope: scopes
                  .map((s) =>
                    /^(openid|profile|email|offline_access)$/.test(s)
                      ? s
                      : `https://graph.microsoft.com/${s}`,
                  )
                  .join(' '),
              }),
          // Asked for with the openid scope ("id_token", token endpoint response of the auth code flow).
          id_token: this.idToken(),
        },
      };
    }
    if (!request.token || !this.auth.accessTokens.has(request.token) || this.auth.isExpired(request.token))
      return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    const path = request.path.replace(/^\/v1\.0/, '');
    const body = request.body;
    if (request.method === 'GET') {
      const allows = (...scopes: string[]) => this.allows(request.token!, ...scopes);
      const teams = this.teams.route(path, request.query, allows, this.account.kind === 'personal');
      if (teams) return teams;
    }
    if (
      this.account.kind === 'personal' &&
      (path.startsWith('/me/presence') || path === '/me/calendar/getSchedule')
    )
      return graphError(400, 'BadRequest', 'This API is not supported for personal Microsoft accounts.');
    if (this.preferredPresence && this.preferredPresence.expiresAt <= this.now())
      this.preferredPresence = null;
    const needed = CALL_SCOPES[`${request.method} ${path}`];
    if (needed && !this.allows(request.token, ...needed))
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    switch (`${request.method} ${path}`) {
      // The presence resource: availability, activity and statusMessage
      // (https://learn.microsoft.com/en-us/graph/api/resources/presence). With Teams running and no
      // preferred presence, the fake's user is Available; without a presence session, Offline.
      case 'GET /me/presence':
        return {
          status: 200,
          body: {
            id: 'me',
            availability: this.teamsRunning
              ? (this.preferredPresence?.availability ?? 'Available')
              : 'Offline',
            activity: this.teamsRunning ? (this.preferredPresence?.activity ?? 'Available') : 'Offline',
            statusMessage: this.statusMessage
              ? { message: { content: this.statusMessage.content, contentType: 'text' } }
              : null,
          },
        };
      case 'POST /me/presence/setUserPreferredPresence': {
        const pair = `${String(body.availability)}/${String(body.activity)}`;
        if (!PAIRS.has(pair))
          return graphError(400, 'InvalidRequest', `Invalid availability/activity pair ${pair}`);
        // "If not provided, a default expiration will be applied: DoNotDisturb or Busy: Expiration in 1
        // day; All others: Expiration in 7 days" (same page); a value that is no ISO 8601 duration is refused.
        const fallback = ['DoNotDisturb', 'Busy'].includes(String(body.availability))
          ? 86_400_000
          : 7 * 86_400_000;
        const ms =
          body.expirationDuration === undefined ? fallback : durationMs(String(body.expirationDuration));
        if (ms === null)
          return graphError(
            400,
            'InvalidRequest',
            `Invalid expirationDuration ${String(body.expirationDuration)}`,
          );
        this.preferredPresence = {
          availability: String(body.availability),
          activity: String(body.activity),
          expiresAt: this.now() + ms,
        };
        return { status: 200 };
      }
      case 'POST /me/presence/clearUserPreferredPresence':
        this.preferredPresence = null;
        return { status: 200 };
      case 'POST /me/presence/setStatusMessage': {
        const message = (body.statusMessage ?? {}) as {
          message?: { content?: string };
          expiryDateTime?: { dateTime?: string };
        };
        if (message.message?.content === undefined)
          return graphError(400, 'InvalidRequest', 'statusMessage.message is required');
        this.statusMessage = {
          content: message.message.content,
          expiry: message.expiryDateTime?.dateTime ?? null,
        };
        return { status: 200 };
      }
      case 'PATCH /me/mailboxSettings': {
        const zone = String(body.timeZone ?? '');
        // "timeZone: the default time zone for the user's mailbox" takes Windows or IANA names (same page);
        // an IANA name is any the zone database knows, under any of its names (Asia/Kolkata and
        // Asia/Calcutta alike), which the runtime's formatter accepts.
        if (zone && !WINDOWS_ZONES.has(zone) && !knownIanaZone(zone))
          return graphError(400, 'InvalidTimeZone', `${zone} is not a valid time zone`);
        // workingHours holds one startTime and one endTime for its days
        // (https://learn.microsoft.com/en-us/graph/api/resources/workinghours); a start after its end
        // cannot be a day's hours. The stricter reading: refused, as Graph answers 400.
        const hours = body.workingHours as
          { startTime?: string; endTime?: string; timeZone?: { name?: string } } | undefined;
        // "Start time is greater than end time": 400 ErrorInvalidTimeSettings (the Errors table of
        // https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings).
        if (hours?.startTime && hours.endTime && hours.startTime >= hours.endTime)
          return graphError(400, 'ErrorInvalidTimeSettings', 'Start time is greater than end time');
        // A timeZoneBase's name "can be a standard time zone name such as 'Hawaii-Aleutian Standard
        // Time', or 'Customized Time Zone'" (https://learn.microsoft.com/en-us/graph/api/resources/timezonebase):
        // the stricter reading refuses IANA names there, as 400 InvalidTimeZone (the update page's Errors).
        const hoursZone = hours?.timeZone?.name;
        if (hoursZone !== undefined && !WINDOWS_ZONES.has(hoursZone) && hoursZone !== 'Customized Time Zone')
          return graphError(400, 'InvalidTimeZone', `${hoursZone} is not a Windows time zone name`);
        const replies = body.automaticRepliesSetting as
          | {
              status?: string;
              scheduledStartDateTime?: unknown;
              scheduledEndDateTime?: unknown;
              internalReplyMessage?: unknown;
              externalReplyMessage?: unknown;
            }
          | undefined;
        if (replies && !['disabled', 'alwaysEnabled', 'scheduled'].includes(String(replies.status)))
          return graphError(400, 'ErrorInvalidParameter', 'Invalid automatic replies status');
        if (
          replies?.status === 'scheduled' &&
          (!replies.scheduledStartDateTime || !replies.scheduledEndDateTime)
        )
          return graphError(400, 'ErrorInvalidParameter', 'A scheduled reply needs a start and an end');
        // Automatic replies can be scheduled "for only a future date range" (same page).
        if (replies?.status === 'scheduled') {
          const from = instantOf(replies.scheduledStartDateTime);
          if (from === null || from < this.now())
            return graphError(
              400,
              'ErrorInvalidParameter',
              'Automatic replies can be scheduled for a future date range only',
            );
        }
        // The reply messages are kept as HTML, as Graph gives them back (user-update-mailboxsettings,
        // Example 1: https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings): plain text
        // gets the tags of that example around it, and what looks like markup in it stays markup. Properties
        // left out of the request keep their values (same page, "Request body").
        const asHtml = (message: unknown) =>
          typeof message !== 'string' || /^\s*<html/i.test(message)
            ? message
            : `<html>\n<body>\n<p>${message}</p>\n</body>\n</html>\n`;
        const stored = replies
          ? {
              automaticRepliesSetting: {
                ...(this.mailbox.automaticRepliesSetting as Record<string, unknown> | undefined),
                ...replies,
                ...('internalReplyMessage' in replies
                  ? { internalReplyMessage: asHtml(replies.internalReplyMessage) }
                  : {}),
                ...('externalReplyMessage' in replies
                  ? { externalReplyMessage: asHtml(replies.externalReplyMessage) }
                  : {}),
              },
            }
          : {};
        this.mailbox = { ...this.mailbox, ...body, ...stored };
        return { status: 200, body: this.mailbox };
      }
      case 'POST /me/calendar/getSchedule': {
        const schedules = (body.schedules ?? []) as string[];
        if (!schedules.length || !body.startTime || !body.endTime)
          return graphError(400, 'ErrorInvalidParameter', 'schedules, startTime and endTime are required');
        const value = schedules.map((scheduleId) => {
          const known = this.schedules.get(scheduleId);
          if (!known)
            return {
              scheduleId,
              error: {
                message: 'The specified mailbox could not be found.',
                responseCode: 'ErrorMailRecipientNotFound',
              },
            };
          return {
            scheduleId,
            availabilityView: '',
            scheduleItems: known.items.map((i) => ({
              status: capitalised(i.status),
              start: { dateTime: i.start.replace('Z', '0000'), timeZone: 'UTC' },
              end: { dateTime: i.end.replace('Z', '0000'), timeZone: 'UTC' },
            })),
            workingHours: known.workingHours,
          };
        });
        return { status: 200, body: { value } };
      }
      case 'GET /me/mailFolders/inbox/messages':
        return this.listInbox(request.query, request.token);
      case 'GET /me/mailFolders/sentitems/messages':
        return this.listInbox(request.query, request.token, 'sentitems');
      case 'GET /me/calendarView': {
        const from = Date.parse(request.query.get('startDateTime') ?? '');
        const to = Date.parse(request.query.get('endDateTime') ?? '');
        if (Number.isNaN(from) || Number.isNaN(to))
          return graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required');
        const all: Record<string, unknown>[] = [
          ...this.meetings
            .filter((m) => Date.parse(m.end) > from && Date.parse(m.start) < to)
            .map((m) => ({
              id: m.id,
              subject: m.subject,
              isCancelled: false,
              isAllDay: m.isAllDay ?? false,
              showAs: m.showAs ?? 'busy',
              start: { dateTime: m.start.replace('Z', '0000'), timeZone: 'UTC' },
              end: { dateTime: m.end.replace('Z', '0000'), timeZone: 'UTC' },
            })),
          ...[...this.events.values()]
            .filter((e) => instantOf(e.end)! > from && instantOf(e.start)! < to)
            .map((e) => ({ ...this.shown(e, request.query), isCancelled: false, isAllDay: false })),
        ];
        // Paging: "the response contains an @odata.nextLink property with a URL to the next page",
        // and a page may hold fewer items than $top asked for
        // (https://learn.microsoft.com/en-us/graph/paging). The stricter reading: small pages.
        const skip = Number(request.query.get('$skiptoken') ?? 0) || 0;
        const value = all.slice(skip, skip + this.pageSize);
        const nextQuery = new URLSearchParams(request.query);
        nextQuery.set('$skiptoken', String(skip + this.pageSize));
        const more = skip + this.pageSize < all.length;
        return {
          status: 200,
          body: {
            value,
            ...(more ? { '@odata.nextLink': `${this.apiUrl}/me/calendarView?${nextQuery}` } : {}),
          },
        };
      }
    }
    if (path === '/me/events' || path.startsWith('/me/events/')) return this.eventsRoute(request, path);
    return graphError(404, 'ResourceNotFound', `No such path ${path}`);
  }

  /**
   * An event as an answer: its properties, without extended properties unless $expand names one
   * ("The response body does not include the extended property" otherwise,
   * https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get).
   */
  private shown(event: GraphEvent, query: URLSearchParams): Record<string, unknown> {
    const { singleValueExtendedProperties, ...rest } = event;
    const expanded = TAG_EXPAND.exec(query.get('$expand') ?? '')?.[1];
    const matching = singleValueExtendedProperties.filter((p) => p.id === expanded);
    return {
      ...rest,
      start: utcTime(instantOf(event.start)!),
      end: utcTime(instantOf(event.end)!),
      ...(matching.length ? { singleValueExtendedProperties: matching } : {}),
    };
  }

  /** Checks a new or changed event's times and properties the way Graph's validation reads its docs. */
  private invalidEvent(event: GraphEvent): FakeReply | null {
    const start = instantOf(event.start);
    const end = instantOf(event.end);
    if (start === null || end === null)
      return graphError(
        400,
        'ErrorInvalidRequest',
        'start and end need a dateTime without offset and a timeZone',
      );
    if (end < start)
      return graphError(400, 'ErrorInvalidRequest', 'The end of the event is before its start');
    // showAs is a freeBusyStatus: free, tentative, busy, oof, workingElsewhere, unknown (event resource).
    if (!['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'].includes(event.showAs))
      return graphError(400, 'ErrorInvalidRequest', `Invalid showAs ${event.showAs}`);
    if (
      event.singleValueExtendedProperties.some((p) => !PROPERTY_ID.test(p.id) || typeof p.value !== 'string')
    )
      return graphError(400, 'ErrorInvalidProperty', 'An extended property id is not in a supported format');
    return null;
  }

  /**
   * /me/events: list (https://learn.microsoft.com/en-us/graph/api/user-list-events), create
   * (https://learn.microsoft.com/en-us/graph/api/user-post-events: 201 Created with the event), update
   * (https://learn.microsoft.com/en-us/graph/api/event-update: PATCH, 200 OK; only the properties sent
   * change) and delete (https://learn.microsoft.com/en-us/graph/api/event-delete: 204 No Content). An id
   * that is gone answers 404 ErrorItemNotFound.
   */
  private eventsRoute(request: FakeRequest, path: string): FakeReply {
    const token = request.token!;
    const writing = request.method !== 'GET';
    if (
      writing
        ? !this.allows(token, 'Calendars.ReadWrite')
        : !this.allows(token, 'Calendars.Read', 'Calendars.ReadWrite')
    )
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const id = decodeURIComponent(path.slice('/me/events/'.length));
    const body = request.body;
    if (request.method === 'GET' && path === '/me/events') return this.listEvents(request.query);
    if (request.method === 'POST' && path === '/me/events') {
      const event: GraphEvent = {
        id: `AAMkAD-${this.nextEventId++}`,
        subject: String(body.subject ?? ''),
        showAs: String(body.showAs ?? 'busy'),
        categories: Array.isArray(body.categories) ? body.categories.map(String) : [],
        isReminderOn: body.isReminderOn !== false,
        start: body.start as GraphEvent['start'],
        end: body.end as GraphEvent['end'],
        singleValueExtendedProperties: (body.singleValueExtendedProperties ??
          []) as GraphEvent['singleValueExtendedProperties'],
      };
      const invalid = this.invalidEvent(event);
      if (invalid) return invalid;
      this.events.set(event.id, event);
      return { status: 201, body: this.shown(event, new URLSearchParams()) };
    }
    const existing = this.events.get(id);
    if (!existing || path === '/me/events')
      return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (request.method === 'PATCH') {
      const changed: GraphEvent = { ...existing };
      for (const key of ['subject', 'showAs', 'categories', 'isReminderOn', 'start', 'end'] as const)
        if (key in body) (changed as unknown as Record<string, unknown>)[key] = body[key];
      const invalid = this.invalidEvent(changed);
      if (invalid) return invalid;
      this.events.set(id, changed);
      return { status: 200, body: this.shown(changed, new URLSearchParams()) };
    }
    if (request.method === 'DELETE') {
      this.events.delete(id);
      return { status: 204 };
    }
    return { status: 200, body: this.shown(existing, request.query) };
  }

  /** Seconds the inbox listing asks to wait with a 429 (null: it answers). */
  inboxRetryAfter: number | null = null;

  /** A mail from someone else arrives in the inbox now (fake time). */
  deliver(from: { name: string; address: string }, subject: string, body = '', type?: string): string {
    const id = `AAMk${this.inbox.length + 1}`;
    const receivedDateTime = new Date(this.now()).toISOString();
    const conversationId = `AAQk${'c'.repeat(90)}${this.inbox.length + 1}`;
    this.inbox.push({ id, receivedDateTime, subject, body, from, conversationId, ...(type ? { type } : {}) });
    return id;
  }

  /** Mail the user sent (Sent Items), oldest first; see reply(). */
  readonly sentItems: { id: string; sentDateTime: string; subject: string; conversationId: string }[] = [];

  /** The user answers a mail of the inbox now: the answer is in Sent Items, in the same conversation. */
  reply(to: string): void {
    const mail = this.inbox.find((m) => m.id === to);
    if (!mail) throw new Error(`no mail ${to}`);
    this.sentItems.push({
      id: `AAMs${this.sentItems.length + 1}`,
      sentDateTime: new Date(this.now()).toISOString(),
      subject: `RE: ${mail.subject}`,
      conversationId: mail.conversationId,
    });
  }

  /**
   * An invitation from someone else, sent now (fake time): on the calendar, and its meeting request in the
   * inbox (an eventMessage, https://learn.microsoft.com/en-us/graph/api/resources/eventmessage).
   */
  invite(
    from: { name: string; address: string },
    subject: string,
    start: string,
    kind: { isAllDay?: boolean; type?: string } = {},
  ): string {
    const id = `AAMkEv${this.invitations.length + 1}`;
    const stamp = new Date(this.now()).toISOString();
    this.invitations.push({
      id,
      subject,
      organizer: from,
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      start,
      ...kind,
    });
    this.deliver(from, subject, '', '#microsoft.graph.eventMessageRequest');
    return id;
  }

  /**
   * List messages in the inbox (https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages): with
   * Mail.ReadBasic alone no body, previewBody, attachments or extended properties
   * (https://learn.microsoft.com/en-us/graph/permissions-reference#mailreadbasic): the fake refuses a $select
   * of them then, the stricter reading. $filter on receivedDateTime with ge (OData comparison); $top 1–1000
   * ("Use $top to customize the page size, within the range of 1 and 1000", user-list-messages); pages at
   * @odata.nextLink, smaller than asked for (the stricter reading of the paging page).
   */
  private listInbox(
    query: URLSearchParams,
    token: string | null,
    folder: 'inbox' | 'sentitems' = 'inbox',
  ): FakeReply {
    // Sent Items: the same listing, by when each was sent.
    const field = folder === 'inbox' ? 'receivedDateTime' : 'sentDateTime';
    const items: Record<string, unknown>[] = folder === 'inbox' ? this.inbox : this.sentItems;
    // Throttled: "429 Too Many Requests" with "a Retry-After header" to wait
    // (https://learn.microsoft.com/en-us/graph/throttling).
    if (this.inboxRetryAfter !== null)
      return {
        status: 429,
        headers: { 'retry-after': String(this.inboxRetryAfter) },
        body: { error: { code: 'TooManyRequests', message: 'Please retry again later.' } },
      };
    const top = Number(query.get('$top') ?? 10);
    if (!Number.isInteger(top) || top < 1 || top > 1000)
      return graphError(400, 'ErrorInvalidParameter', 'The value of $top must be between 1 and 1000.');
    const select = (query.get('$select') ?? '').split(',').filter(Boolean);
    const basicOnly = !this.allows(token ?? '', 'Mail.Read', 'Mail.ReadWrite');
    if (
      basicOnly &&
      select.some((field) =>
        ['body', 'previewBody', 'bodyPreview', 'attachments', 'uniqueBody'].includes(field),
      )
    )
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const filter = query.get('$filter');
    let from = -Infinity;
    if (filter !== null) {
      const match = new RegExp(`^${field} ge (\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)$`).exec(filter);
      if (!match) return graphError(400, 'BadRequest', 'Invalid filter clause');
      from = Date.parse(match[1]!);
    }
    // "Properties that appear in $orderby must also appear in $filter", in the same order
    // (https://learn.microsoft.com/en-us/graph/api/user-list-messages, Using filter and orderby in the same query).
    const order = query.get('$orderby');
    if (order !== null && (filter === null || !new RegExp(`^${field}( asc| desc)?$`).test(order)))
      return graphError(
        400,
        'InefficientFilter',
        'The restriction or sort order is too complex for this operation.',
      );
    const all = items.filter((m) => Date.parse(String(m[field])) >= from);
    // Newest first unless asked otherwise; an $orderby without a direction is ascending (OData's default).
    if (order === null || order.endsWith(' desc')) all.reverse();
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const size = Math.min(top, this.pageSize);
    const nextQuery = new URLSearchParams(query);
    nextQuery.set('$skiptoken', String(skip + size));
    const fields = select.length ? select : [field, 'subject', 'from', ...(basicOnly ? [] : ['body'])];
    const value = all.slice(skip, skip + size).map((m) => ({
      ...(m.type ? { '@odata.type': m.type } : {}),
      id: m.id,
      ...Object.fromEntries(
        fields.flatMap((f): [string, unknown][] =>
          f === 'from' ? [['from', { emailAddress: m.from }]] : f in m ? [[f, m[f as keyof typeof m]]] : [],
        ),
      ),
    }));
    return {
      status: 200,
      body: {
        value,
        ...(skip + size < all.length
          ? { '@odata.nextLink': `${this.apiUrl}/me/mailFolders/${folder}/messages?${nextQuery}` }
          : {}),
      },
    };
  }

  /**
   * Events changed since a time, Cadence's own (isOrganizer true) and invitations from others: the event
   * resource's isOrganizer, createdDateTime, lastModifiedDateTime and organizer
   * (https://learn.microsoft.com/en-us/graph/api/resources/event); List events gives "single instance
   * meetings and series masters" (https://learn.microsoft.com/en-us/graph/api/user-list-events). Times in
   * UTC, as asked with Prefer: outlook.timezone. Pages as the other listings.
   */
  private changedEvents(since: number, query: URLSearchParams): FakeReply {
    const all = [
      ...[...this.events.values()].map((e) => ({
        id: e.id,
        subject: e.subject,
        isOrganizer: true,
        isCancelled: false,
        start: utcTime(instantOf(e.start)!),
      })),
      ...this.invitations
        .filter((e) => Date.parse(e.lastModifiedDateTime) >= since)
        .map((e) => ({
          id: e.id,
          subject: e.subject,
          isOrganizer: false,
          isCancelled: e.isCancelled ?? false,
          isAllDay: e.isAllDay ?? false,
          type: e.type ?? 'singleInstance',
          createdDateTime: e.createdDateTime,
          lastModifiedDateTime: e.lastModifiedDateTime,
          organizer: { emailAddress: e.organizer },
          start: utcTime(Date.parse(e.start)),
        })),
    ];
    return this.eventsPage(all, query);
  }

  /** One page of an events listing: $top at most the fake's page size, the rest at @odata.nextLink. */
  private eventsPage(all: readonly Record<string, unknown>[], query: URLSearchParams): FakeReply {
    const size = Math.min(this.pageSize, Number(query.get('$top') ?? this.pageSize) || this.pageSize);
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const nextQuery = new URLSearchParams(query);
    nextQuery.set('$skiptoken', String(skip + size));
    return {
      status: 200,
      body: {
        value: all.slice(skip, skip + size),
        ...(skip + size < all.length ? { '@odata.nextLink': `${this.apiUrl}/me/events?${nextQuery}` } : {}),
      },
    };
  }

  /**
   * The events with a tag, by the documented filter only (anything else is refused as Graph refuses a
   * filter it cannot read); the property's name is matched case-sensitively and its value without
   * regard to case (the same page). $orderby start/dateTime, and pages through @odata.nextLink.
   */
  private listEvents(query: URLSearchParams): FakeReply {
    const filter = query.get('$filter');
    const tag = filter === null ? null : TAG_FILTER.exec(filter);
    const modified =
      filter === null ? null : /^lastModifiedDateTime ge (\d{4}-\d\d-\d\dT[\d:.]+Z)$/.exec(filter);
    if (filter !== null && !tag && !modified)
      return graphError(400, 'ErrorInvalidUrlQueryFilter', `The filter ${filter} is not supported`);
    if (modified) return this.changedEvents(Date.parse(modified[1]!), query);
    const order = query.get('$orderby');
    if (order !== null && !/^start\/dateTime( asc| desc)?$/.test(order))
      return graphError(400, 'ErrorInvalidUrlQuery', `Cannot order by ${order}`);
    const all = [...this.events.values()]
      .filter(
        (e) =>
          !tag ||
          e.singleValueExtendedProperties.some(
            (p) => p.id === tag[1] && p.value.toLowerCase() === tag[2]!.toLowerCase(),
          ),
      )
      .sort((a, b) => (instantOf(a.start)! - instantOf(b.start)!) * (order?.endsWith('desc') ? -1 : 1));
    return this.eventsPage(
      all.map((e) => this.shown(e, query)),
      query,
    );
  }
}
