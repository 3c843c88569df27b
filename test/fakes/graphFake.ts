import { FakeAuthorizationServer, type FakeReply, type FakeRequest, ProviderFake } from './fakeHttp';

const PAIRS = new Set([
  'Available/Available',
  'Busy/Busy',
  'Busy/InACall',
  'Busy/InAConferenceCall',
  'DoNotDisturb/Presenting',
  'DoNotDisturb/DoNotDisturb',
  'BeRightBack/BeRightBack',
  'Away/Away',
  'Offline/OffWork',
]);
const graphError = (status: number, code: string, message: string): FakeReply => ({
  status,
  body: { error: { code, message } },
});

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
  preferredPresence: { availability: string; activity: string; expiresAt: number } | null = null;
  statusMessage: { content: string; expiry: string | null } | null = null;
  mailbox: Record<string, unknown> = {};
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
  /** Other people's schedules by email, as getSchedule reports them. */
  schedules = new Map<
    string,
    { items: { status: string; start: string; end: string }[]; workingHours: Record<string, unknown> }
  >();
  now = () => Date.now();
  /**
   * A work or school account, or a personal one. The ID token's tid names the tenant; personal accounts
   * have 9188040d-6c67-4c5b-b112-36a304b66dad (https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference).
   * Presence and getSchedule say "Delegated (personal Microsoft account): Not supported" under
   * Permissions (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence,
   * https://learn.microsoft.com/en-us/graph/api/calendar-getschedule): refused here.
   */
  account: { kind: 'work' | 'personal'; username: string } = { kind: 'work', username: 'me@contoso.example' };

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
      preferred_username: this.account.username,
    })}.c2lnbmF0dXJl`;
  }

  writes(): FakeRequest[] {
    return this.server.calls.filter((c) => c.path.startsWith('/v1.0') && c.method !== 'GET');
  }

  protected route(request: FakeRequest): FakeReply {
    if (request.path === '/common/oauth2/v2.0/authorize') return this.auth.authorize(request.query);
    if (request.path === '/common/oauth2/v2.0/token') {
      const result = this.auth.exchange(request.body);
      if ('error' in result)
        return { status: 400, body: { error: result.error, error_description: `AADSTS: ${result.error}` } };
      return {
        status: 200,
        body: {
          access_token: result.accessToken,
          refresh_token: result.refreshToken,
          expires_in: 3600,
          token_type: 'Bearer',
          // Asked for with the openid scope ("id_token", token endpoint response of the auth code flow).
          id_token: this.idToken(),
        },
      };
    }
    if (!request.token || !this.auth.accessTokens.has(request.token))
      return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    const path = request.path.replace(/^\/v1\.0/, '');
    const body = request.body;
    if (
      this.account.kind === 'personal' &&
      (path.startsWith('/me/presence') || path === '/me/calendar/getSchedule')
    )
      return graphError(400, 'BadRequest', 'This API is not supported for personal Microsoft accounts.');
    if (this.preferredPresence && this.preferredPresence.expiresAt <= this.now())
      this.preferredPresence = null;
    switch (`${request.method} ${path}`) {
      // The presence resource: availability, activity and statusMessage
      // (https://learn.microsoft.com/en-us/graph/api/resources/presence). With no preferred presence set
      // and no session, the fake's user is Available.
      case 'GET /me/presence':
        return {
          status: 200,
          body: {
            id: 'me',
            availability: this.preferredPresence?.availability ?? 'Available',
            activity: this.preferredPresence?.activity ?? 'Available',
            statusMessage: this.statusMessage
              ? { message: { content: this.statusMessage.content, contentType: 'text' } }
              : null,
          },
        };
      case 'POST /me/presence/setUserPreferredPresence': {
        const pair = `${String(body.availability)}/${String(body.activity)}`;
        if (!PAIRS.has(pair))
          return graphError(400, 'InvalidRequest', `Invalid availability/activity pair ${pair}`);
        const duration = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(String(body.expirationDuration ?? 'PT7D'));
        const ms = duration
          ? (Number(duration[1] ?? 0) * 60 + Number(duration[2] ?? 0)) * 60_000
          : 7 * 86_400_000;
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
        if (zone && !Intl.supportedValuesOf('timeZone').includes(zone) && zone !== 'UTC')
          return graphError(400, 'InvalidTimeZone', `${zone} is not a valid time zone`);
        // workingHours holds one startTime and one endTime for its days
        // (https://learn.microsoft.com/en-us/graph/api/resources/workinghours); a start after its end
        // cannot be a day's hours. The stricter reading: refused, as Graph answers 400.
        const hours = body.workingHours as { startTime?: string; endTime?: string } | undefined;
        if (hours?.startTime && hours.endTime && hours.startTime >= hours.endTime)
          return graphError(400, 'ErrorInvalidParameter', 'The working hours end before they start');
        const replies = body.automaticRepliesSetting as
          { status?: string; scheduledStartDateTime?: unknown; scheduledEndDateTime?: unknown } | undefined;
        if (replies && !['disabled', 'alwaysEnabled', 'scheduled'].includes(String(replies.status)))
          return graphError(400, 'ErrorInvalidParameter', 'Invalid automatic replies status');
        if (
          replies?.status === 'scheduled' &&
          (!replies.scheduledStartDateTime || !replies.scheduledEndDateTime)
        )
          return graphError(400, 'ErrorInvalidParameter', 'A scheduled reply needs a start and an end');
        this.mailbox = { ...this.mailbox, ...body };
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
              status: i.status,
              start: { dateTime: i.start.replace('Z', '0000'), timeZone: 'UTC' },
              end: { dateTime: i.end.replace('Z', '0000'), timeZone: 'UTC' },
            })),
            workingHours: known.workingHours,
          };
        });
        return { status: 200, body: { value } };
      }
      case 'GET /me/calendarView': {
        const from = Date.parse(request.query.get('startDateTime') ?? '');
        const to = Date.parse(request.query.get('endDateTime') ?? '');
        if (Number.isNaN(from) || Number.isNaN(to))
          return graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required');
        const all = this.meetings
          .filter((m) => Date.parse(m.end) > from && Date.parse(m.start) < to)
          .map((m) => ({
            id: m.id,
            subject: m.subject,
            isCancelled: false,
            isAllDay: m.isAllDay ?? false,
            showAs: m.showAs ?? 'busy',
            start: { dateTime: m.start.replace('Z', '0000'), timeZone: 'UTC' },
            end: { dateTime: m.end.replace('Z', '0000'), timeZone: 'UTC' },
          }));
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
    return graphError(404, 'ResourceNotFound', `No such path ${path}`);
  }
}
