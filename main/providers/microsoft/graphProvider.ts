import type { CalendarEvent } from '../../../shared/calendar';
import { type Instant, isTimeZone, offsetMinutes } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import type { Settings } from '../../../shared/settings';
import { canonicalZone } from '../../../shared/zoneNames';
import { authorizedCall, checkJsonError } from '../authorizedCall';
import { ProviderError } from '../providerError';
import { CONSUMER_TENANT } from '../endpoints';
import type { AccountMemory, Provider, TeammateUpdate, TokenSource } from '../provider';
import type { Teammate } from '../../../shared/intents';
import { readOutlookInvitations } from './graphInvitations';
import { type GetPage, readInbox, readSent } from './graphMail';
import { readTeamsChats, type TeamsChatsReading, type TeamsPass } from './graphTeams';
import { KEY_TAG, PlannedEvents } from './plannedEvents';

/**
 * Graph names working-hours zones the Windows way ("Pacific Standard Time"; the getSchedule and
 * workingHours references, https://learn.microsoft.com/en-us/graph/api/resources/workinghours), and
 * sometimes the IANA way. windows-iana maps the first; it loads only when a schedule is read.
 */
async function ianaZoneOf(name: string | undefined): Promise<string | null> {
  if (!name) return null;
  const named = canonicalZone(name);
  if (named) return named;
  const { findIana } = await import('windows-iana');
  const zone = findIana(name)[0];
  return zone ? canonicalZone(zone) : null;
}

/**
 * The Windows name of an IANA zone, for working hours: a timeZoneBase's name "can be a standard time
 * zone name such as 'Hawaii-Aleutian Standard Time', or 'Customized Time Zone'"
 * (https://learn.microsoft.com/en-us/graph/api/resources/timezonebase); only the mailbox's own
 * timeZone is documented to take IANA names too (https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings).
 * The zone is looked up under each of its names (Europe/Kyiv is Europe/Kiev to the mapping).
 */
async function windowsZoneOf(zone: string): Promise<string | null> {
  const { findWindows, findIanaAliases } = await import('windows-iana');
  let runtimeName = zone;
  try {
    runtimeName = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    // not a zone the runtime knows: only its own name is tried
  }
  for (const name of new Set([
    zone,
    runtimeName,
    ...findIanaAliases(zone),
    ...findIanaAliases(runtimeName),
  ])) {
    const windows = findWindows(name)[0];
    if (windows) return windows;
  }
  return null;
}

/**
 * A "Customized Time Zone" (customTimeZone: a bias in minutes and its own daylight-saving rules,
 * https://learn.microsoft.com/en-us/graph/api/resources/customtimezone) has no name to map. Its page
 * says a zone ahead of UTC has a positive bias, while Windows counts the other way; Cadence takes
 * neither on trust: the hours apply in the teammate's own zone only when that zone's offset (in
 * winter or summer) is the bias, read either way. Otherwise the hours are left as the user has them.
 */
function customZoneMatches(
  zone: { bias?: unknown } | undefined,
  teammateZone: string,
  now: Instant,
): boolean {
  const bias = Number(zone?.bias);
  if (!Number.isFinite(bias) || !isTimeZone(teammateZone)) return false;
  const year = new Date(now).getUTCFullYear();
  const offsets = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].map((at) => offsetMinutes(at, teammateZone));
  return offsets.some((offset) => offset === bias || offset === -bias);
}

/** Meetings are read a week ahead: more pages than this would be a runaway. */
const MAX_PAGES = 20;
const SERVICE = 'Microsoft 365';
const PRESENCE: Record<Desired['mode'], { availability: string; activity: string } | null> = {
  focus: { availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
  meeting: { availability: 'Busy', activity: 'Busy' },
  lunch: { availability: 'Away', activity: 'Away' },
  off: { availability: 'Offline', activity: 'OffWork' },
  working: null,
};
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Graph caps a preferred presence at a week. */
const MAX_PRESENCE_MS = 7 * 24 * 3_600_000;

/**
 * Whether the presence Teams shows now is one the user chose after Cadence set `own`. "Preferred
 * presence takes effect only when at least one presence session exists for the user. Otherwise, the
 * user's presence shows as Offline" (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence):
 * with Teams closed the presence reads Offline whatever is preferred, which says nothing of a choice,
 * so Cadence's own is cleared then. "Appear offline" chosen in Teams reads Offline/OffWork, as Cadence's
 * own "off" does: it counts as a choice unless it is exactly what Cadence set.
 */
function choseAnother(
  shown: { availability?: string; activity?: string },
  own: { availability: string; activity: string },
): boolean {
  const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  if (same(shown.availability, own.availability) && same(shown.activity, own.activity)) return false;
  const noSession = same(shown.availability, 'Offline') && !same(shown.activity, 'OffWork');
  return !noSession;
}

/** An ISO 8601 duration in whole minutes, e.g. PT1H5M. */
export function isoDuration(ms: number): string {
  const minutes = Math.max(5, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  return `PT${hours ? `${hours}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`;
}

/** Microsoft Graph: preferred presence and status message with expiry; mailbox zone and working hours. */
export class GraphProvider implements Provider {
  readonly id = 'microsoft' as const;
  private appliedPresence: string | null = null;
  private appliedMessage: string | null = null;
  private appliedMailbox: string | null = null;
  private appliedAutoReply: string | null = null;
  private readonly planned: PlannedEvents;

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: TokenSource,
    /** The account's kind and the status message Cadence last set, remembered across restarts. */
    private readonly memory: AccountMemory,
    /** How long one call may take before it counts as a network failure. */
    private readonly timeoutMs = 10_000,
  ) {
    this.planned = new PlannedEvents(apiUrl, tokens, timeoutMs);
  }

  /**
   * Presence (setUserPreferredPresence, setStatusMessage) and getSchedule list "Delegated (personal
   * Microsoft account): Not supported" under Permissions in their references; a personal account keeps
   * its working hours, zone, automatic replies and meetings in step.
   */
  private get personal(): boolean {
    if (!this.memory.read().kind) {
      const identity = this.tokens.identity();
      if (identity?.tenant)
        this.memory.remember({
          kind: identity.tenant === CONSUMER_TENANT ? 'microsoft-personal' : 'microsoft-work',
          ...(identity.username ? { label: identity.username } : {}),
        });
    }
    return this.memory.read().kind === 'microsoft-personal';
  }

  /** The user's presence as Teams shows it now, with the status message. */
  private async presence(): Promise<{ availability?: string; activity?: string; message: string }> {
    const response = await authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, url: `${this.apiUrl.replace(/\/$/, '')}/me/presence` },
      SERVICE,
    );
    checkJsonError(response, SERVICE, 'read your presence');
    const body = (response.body ?? {}) as {
      availability?: string;
      activity?: string;
      statusMessage?: { message?: { content?: string } } | null;
    };
    return {
      ...(body.availability ? { availability: body.availability } : {}),
      ...(body.activity ? { activity: body.activity } : {}),
      message: body.statusMessage?.message?.content ?? '',
    };
  }

  reset(): void {
    this.appliedPresence = null;
    this.appliedMessage = null;
    this.appliedMailbox = null;
    this.appliedAutoReply = null;
    this.planned.reset();
  }

  private async post(path: string, body: unknown, what: string, method = 'POST'): Promise<void> {
    const response = await authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, method, url: `${this.apiUrl.replace(/\/$/, '')}${path}`, json: body },
      SERVICE,
    );
    checkJsonError(response, SERVICE, what);
  }

  async apply(desired: Desired, now: Instant, settings: Settings): Promise<void> {
    if (!this.personal) await this.applyPresence(desired, now);
    await this.applyAutoReply(desired, now, settings);
    const mailbox = this.mailboxSettings(settings, await windowsZoneOf(settings.workTimeZone));
    const mailboxKey = JSON.stringify(mailbox);
    if (mailboxKey !== this.appliedMailbox) {
      await this.post('/me/mailboxSettings', mailbox, 'update your working hours', 'PATCH');
      this.appliedMailbox = mailboxKey;
    }
    await this.planned.apply(desired, now);
  }

  /**
   * Preferred presence and status message, each with an expiry. Cadence never wipes what the user set
   * in Teams: before clearing, it reads the presence and clears only a presence and message that are
   * still the ones it set (a preferred presence "overrides all of the user's sessions", so clearing one
   * the user chose would undo their choice). What it set is remembered with the account, so that it is
   * cleared after a restart too.
   */
  private async applyPresence(desired: Desired, now: Instant): Promise<void> {
    const presence = PRESENCE[desired.mode];
    const presenceKey = JSON.stringify([presence, desired.until]);
    const messageKey = JSON.stringify([desired.statusText, desired.until]);
    const ownMessage = this.memory.read().ownStatus || null;
    const ownPresence = this.memory.read().ownPresence ?? null;
    const clearingPresence = !presence && ownPresence !== null && presenceKey !== this.appliedPresence;
    const clearing =
      clearingPresence || (!desired.statusText && ownMessage !== null && messageKey !== this.appliedMessage);
    const shown = clearing ? await this.presence() : null;
    if (presenceKey !== this.appliedPresence) {
      if (presence) {
        const expiration = isoDuration(Math.min(MAX_PRESENCE_MS, (desired.until ?? now + 3_600_000) - now));
        this.memory.remember({ ownPresence: presence });
        await this.post(
          '/me/presence/setUserPreferredPresence',
          { ...presence, expirationDuration: expiration },
          'set your presence',
        );
      } else if (clearingPresence && ownPresence && shown && !choseAnother(shown, ownPresence)) {
        await this.post('/me/presence/clearUserPreferredPresence', {}, 'clear your presence');
        this.memory.remember({ ownPresence: null });
      } else if (ownPresence) this.memory.remember({ ownPresence: null });
      this.appliedPresence = presenceKey;
    }
    if (messageKey !== this.appliedMessage) {
      if (desired.statusText) {
        const expiry = desired.until
          ? {
              expiryDateTime: {
                dateTime: new Date(desired.until).toISOString().slice(0, 19),
                timeZone: 'UTC',
              },
            }
          : {};
        this.memory.remember({ ownStatus: desired.statusText });
        await this.post(
          '/me/presence/setStatusMessage',
          { statusMessage: { message: { content: desired.statusText, contentType: 'text' }, ...expiry } },
          'set your status message',
        );
      } else if (ownMessage !== null) {
        // Only Cadence's own message is taken down; one the user wrote since stays.
        if (shown?.message === ownMessage)
          await this.post(
            '/me/presence/setStatusMessage',
            { statusMessage: { message: { content: '', contentType: 'text' } } },
            'clear your status message',
          );
        this.memory.remember({ ownStatus: '' });
      }
      this.appliedMessage = messageKey;
    }
  }

  /** While off, a scheduled automatic reply that ends by itself when work starts again. */
  private async applyAutoReply(desired: Desired, now: Instant, settings: Settings): Promise<void> {
    // Automatic replies are set "for only a future date range"
    // (https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings): they start a minute ahead.
    const start = now + 60_000;
    const wanted =
      settings.offHoursAutoReply && desired.mode === 'off' && desired.until !== null && desired.until > start;
    // The messages are HTML: Graph gives them back as HTML (user-update-mailboxsettings, Example 1:
    // https://learn.microsoft.com/en-us/graph/api/user-update-mailboxsettings), and Exchange reads what looks
    // like markup as markup, so the team's free text is escaped, its line breaks kept, in one paragraph.
    const text = desired.autoReply || `${desired.statusText.replace(/ · /, '. ')}.`;
    const message = `<html><body><p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p></body></html>`;
    const key = wanted ? JSON.stringify([desired.until, message]) : null;
    if (key === this.appliedAutoReply || (!wanted && this.appliedAutoReply === null)) return;
    const utc = (at: Instant) => ({ dateTime: new Date(at).toISOString().slice(0, 19), timeZone: 'UTC' });
    const setting = wanted
      ? {
          status: 'scheduled',
          externalAudience: 'contactsOnly',
          scheduledStartDateTime: utc(start),
          scheduledEndDateTime: utc(desired.until!),
          internalReplyMessage: message,
          externalReplyMessage: message,
        }
      : { status: 'disabled' };
    await this.post(
      '/me/mailboxSettings',
      { automaticRepliesSetting: setting },
      'set your automatic reply',
      'PATCH',
    );
    this.appliedAutoReply = key;
  }

  /**
   * Graph has one span per week: the earliest start and latest end over the working days. Hours that
   * cross midnight (a night shift) cannot be said that way, so then only the zone is set and the
   * working hours in Outlook are left as the user has them.
   */
  private mailboxSettings(settings: Settings, windowsZone: string | null): Record<string, unknown> {
    const spans = Object.entries(settings.week).filter(
      ([day, list]) => list.length && !settings.weekendDays.includes(Number(day)),
    );
    const all = spans.flatMap(([, list]) => list);
    // Hours Graph cannot hold (a night shift, a zone without a Windows name) leave only the zone.
    if (all.some((span) => span.end <= span.start) || !windowsZone)
      return { timeZone: settings.workTimeZone };
    const starts = all.map((s) => s.start).sort();
    const ends = all.map((s) => s.end).sort();
    return {
      timeZone: settings.workTimeZone,
      workingHours: {
        daysOfWeek: spans.map(([day]) => DAY_NAMES[Number(day) - 1]),
        startTime: `${starts[0] ?? '09:00'}:00.0000000`,
        endTime: `${ends.at(-1) ?? '17:00'}:00.0000000`,
        timeZone: { name: windowsZone },
      },
    };
  }

  /** getSchedule for teammates with an email: busy or away now, and their working hours and zone. */
  async enrich(people: readonly Teammate[], now: Instant): Promise<Map<string, TeammateUpdate>> {
    const withEmail = this.personal ? [] : people.filter((person) => person.email);
    const updates = new Map<string, TeammateUpdate>();
    const utc = (at: Instant) => ({ dateTime: new Date(at).toISOString().slice(0, 19), timeZone: 'UTC' });
    for (let i = 0; i < withEmail.length; i += 20) {
      const batch = withEmail.slice(i, i + 20);
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          url: `${this.apiUrl.replace(/\/$/, '')}/me/calendar/getSchedule`,
          json: {
            schedules: batch.map((p) => p.email),
            startTime: utc(now),
            endTime: utc(now + 24 * 3_600_000),
            availabilityViewInterval: 30,
          },
          headers: { prefer: 'outlook.timezone="UTC"' },
        },
        SERVICE,
      );
      checkJsonError(response, SERVICE, "read teammates' schedules");
      const schedules = ((response.body as { value?: unknown[] }).value ?? []) as {
        scheduleId: string;
        scheduleItems?: { status: string; start: { dateTime: string }; end: { dateTime: string } }[];
        workingHours?: {
          daysOfWeek?: string[];
          startTime?: string;
          endTime?: string;
          timeZone?: { name?: string; bias?: unknown };
        };
      }[];
      for (const schedule of schedules) {
        const person = batch.find((p) => p.email?.toLowerCase() === schedule.scheduleId.toLowerCase());
        if (!person) continue;
        const update: TeammateUpdate = {};
        // A scheduleItem's status is free, tentative, busy, oof, workingElsewhere or unknown
        // (https://learn.microsoft.com/en-us/graph/api/resources/scheduleitem), but Microsoft's own
        // getSchedule examples write "Busy" and "Tentative": compared without case. Only busy is a
        // meeting, oof is off; tentative or working elsewhere says nothing of being reachable.
        const status = (item: { status?: unknown }) => String(item.status ?? '').toLowerCase();
        const current = (schedule.scheduleItems ?? []).find((item) => {
          const start = Date.parse(`${item.start.dateTime.slice(0, 23)}Z`);
          const end = Date.parse(`${item.end.dateTime.slice(0, 23)}Z`);
          return start <= now && now < end && (status(item) === 'busy' || status(item) === 'oof');
        });
        if (current)
          update.presence = {
            state: status(current) === 'oof' ? 'off' : 'meeting',
            until: `${current.end.dateTime.slice(0, 19)}Z`,
          };
        const hours = schedule.workingHours;
        const zone =
          (await ianaZoneOf(hours?.timeZone?.name)) ??
          (customZoneMatches(hours?.timeZone, person.timeZone, now) ? person.timeZone : null);
        if (hours?.daysOfWeek?.length && hours.startTime && hours.endTime && zone) {
          const span = [{ start: hours.startTime.slice(0, 5), end: hours.endTime.slice(0, 5) }];
          const days = hours.daysOfWeek
            .map((day) => DAY_NAMES.indexOf(day.toLowerCase()) + 1)
            .filter((d) => d > 0);
          update.timeZone = zone;
          update.week = Object.fromEntries(
            ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, days.includes(Number(d)) ? span : []]),
          ) as Teammate['week'];
          update.weekendDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => !days.includes(d));
        }
        updates.set(person.id, update);
      }
    }
    return updates;
  }

  /** Mail received in the inbox since `since` (the record of contacts outside hours, #25). */
  mail(since: Instant): ReturnType<typeof readInbox> {
    const self = this.tokens.identity()?.username?.toLowerCase() ?? null;
    return readInbox(this.apiUrl, (url, what) => this.page(url, what), since, self);
  }

  /** What the person sent since `since`: their answers (the record of contacts outside hours, #25). */
  sentMail(since: Instant): ReturnType<typeof readSent> {
    return readSent(this.apiUrl, (url, what) => this.page(url, what), since);
  }

  /** Invitations from others changed since `since` (the record of contacts outside hours, #25). */
  outlookInvitations(since: Instant): ReturnType<typeof readOutlookInvitations> {
    return readOutlookInvitations(this.apiUrl, (url, what) => this.page(url, what), since);
  }

  /**
   * Messages in the user's Teams chats in a pass's window (the record of contacts outside hours, #25);
   * null for a personal Microsoft account, whose chats no app may read ("Delegated (personal Microsoft
   * account): Not supported", https://learn.microsoft.com/en-us/graph/api/chat-list-messages, Permissions).
   */
  async teamsChats(pass: TeamsPass, now: Instant): Promise<TeamsChatsReading | null> {
    if (this.personal) return null;
    const identity = this.tokens.identity();
    // Without the account's kind and the person's id (the ID token's tid and oid, from a sign-in before
    // Cadence read them), their own messages could not be told from others': a new sign-in says both.
    if (!identity?.tenant || !identity.objectId)
      throw new ProviderError(
        'permission',
        'Cadence needs you to sign in to Microsoft 365 again before it reads your Teams chats',
        undefined,
        'identity_unknown',
      );
    const page = (url: string, what: string) => this.plainPage(url, what);
    return readTeamsChats(this.apiUrl, page, pass, identity.objectId, now);
  }

  /** One page of a listing, as Graph gives it. */
  private async plainPage(
    url: string,
    what: string,
  ): Promise<{ value?: unknown[]; '@odata.nextLink'?: unknown }> {
    const response = await authorizedCall(this.tokens, { timeoutMs: this.timeoutMs, url }, SERVICE);
    checkJsonError(response, SERVICE, what);
    return (response.body ?? {}) as { value?: unknown[]; '@odata.nextLink'?: unknown };
  }

  /** One page of a listing, its times in UTC. */
  private async page<T>(url: string, what: string): Promise<Awaited<ReturnType<GetPage<T>>>> {
    // Ids that do not change when a mail moves between folders ("ImmutableId",
    // https://learn.microsoft.com/en-us/graph/outlook-immutable-id), so one moved back is counted once.
    const headers = { prefer: 'outlook.timezone="UTC", IdType="ImmutableId"' };
    const response = await authorizedCall(this.tokens, { timeoutMs: this.timeoutMs, url, headers }, SERVICE);
    checkJsonError(response, SERVICE, what);
    return (response.body ?? {}) as Awaited<ReturnType<GetPage<T>>>;
  }

  async meetings(from: Instant, to: Instant): Promise<CalendarEvent[]> {
    type Item = {
      id: string;
      subject?: string;
      isCancelled?: boolean;
      isAllDay?: boolean;
      showAs?: string;
      start: { dateTime: string };
      end: { dateTime: string };
      singleValueExtendedProperties?: { id?: string }[];
    };
    const query = new URLSearchParams({
      startDateTime: new Date(from).toISOString(),
      endDateTime: new Date(to).toISOString(),
      $top: '250',
      // Cadence's own planned blocks carry its tag: expanded, so they are not read back as meetings.
      $expand: `singleValueExtendedProperties($filter=id eq '${KEY_TAG}')`,
    });
    const items: Item[] = [];
    let url: string | null = `${this.apiUrl.replace(/\/$/, '')}/me/calendarView?${query}`;
    // A page may hold fewer events than asked for; @odata.nextLink is the next one, used as it is.
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response = await authorizedCall(
        this.tokens,
        { timeoutMs: this.timeoutMs, url, headers: { prefer: 'outlook.timezone="UTC"' } },
        SERVICE,
      );
      checkJsonError(response, SERVICE, 'read your meetings');
      const body = (response.body ?? {}) as { value?: Item[]; '@odata.nextLink'?: unknown };
      items.push(...(body.value ?? []));
      const next = body['@odata.nextLink'];
      url = typeof next === 'string' && next.startsWith(this.apiUrl.replace(/\/$/, '')) ? next : null;
    }
    return (
      items
        // Only time shown as busy is a meeting: not tentative, not working elsewhere, not all day.
        // Time shown as out of office ("oof", the event resource's showAs) means the user is off.
        .filter(
          (item) =>
            !item.isCancelled &&
            !item.singleValueExtendedProperties?.some((p) => p.id?.toLowerCase() === KEY_TAG.toLowerCase()) &&
            (item.showAs === 'oof' || (!item.isAllDay && item.showAs === 'busy')),
        )
        .map((item) => ({
          id: `microsoft:${item.id}`,
          title: item.subject ?? (item.showAs === 'oof' ? 'Out of office' : 'Busy'),
          start: Date.parse(`${item.start.dateTime.slice(0, 23)}Z`),
          end: Date.parse(`${item.end.dateTime.slice(0, 23)}Z`),
          source: 'microsoft' as const,
          ...(item.showAs === 'oof' ? { away: true as const } : {}),
        }))
    );
  }
}

/** Text as HTML character data: the team file's words are never read as markup. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
