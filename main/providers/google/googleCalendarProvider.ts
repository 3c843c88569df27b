import { type Invitation, readInvitations } from './googleInvitations';
import type { CalendarEvent } from '../../../shared/calendar';
import { addDays, atLocalTime, DAY, type Instant } from '../../../shared/clockTime';
import { declineFor, type Desired } from '../../../shared/desired';
import { PLANNED_AHEAD_DAYS } from '../../../shared/focusGoal';
import type { Settings } from '../../../shared/settings';
import { authorizedCall, checkJsonError } from '../authorizedCall';
import type { HttpResponse } from '../providerError';
import { type OwnPlannedEvent, plannedChanges, wantedPlanned } from '../plannedChanges';
import type { AccountMemory, Provider, TeammateUpdate, TokenSource } from '../provider';
import type { Teammate } from '../../../shared/intents';

interface FocusEvent {
  focusId: string;
  eventId: string;
  end: Instant;
}

/** Meetings are read a week ahead: more pages than this would be a runaway. */
const MAX_PAGES = 20;
const SERVICE = 'Google Calendar';

interface FocusTimeProperties {
  autoDeclineMode?: string;
  chatStatus?: string;
  declineMessage?: string;
}

function sameProperties(a: FocusTimeProperties, b: FocusTimeProperties): boolean {
  return (
    a.autoDeclineMode === b.autoDeclineMode &&
    a.chatStatus === b.chatStatus &&
    a.declineMessage === b.declineMessage
  );
}
/** How far ahead days off are put on the calendar. */
const DAYS_OFF_HORIZON = 60;
/** Addresses of personal (consumer) Google accounts. */
const PERSONAL_DOMAINS = /@(gmail|googlemail)\.com$/i;

/**
 * Reasons of a 400 that are about the request itself, not the event's type ("timeRangeEmpty",
 * "required": https://developers.google.com/workspace/calendar/api/guides/errors): the same event as a
 * plain one would be refused too, so they never turn focus time off for the account.
 */
const REQUEST_ERRORS = new Set(['timeRangeEmpty', 'required', 'invalidParameter']);
// A value Google would refuse inside focusTimeProperties has no documented reason either, so it would read
// as a calendar without focus time: the values sent are only those the settings schema allows
// (shared/settings.ts), each a documented one.

/**
 * Whether a refused insert may be the calendar having no events of this type. focusTime and outOfOffice
 * "are only available on primary calendars, and to some Calendar users"
 * (https://developers.google.com/workspace/calendar/api/guides/calendar-status), and no error reason is
 * documented for it: a 400 whose reason is not about the request is taken as that only once the same
 * event without the type is accepted (see create and markDayOff). Never read from the message's words.
 */
function mayRefuseEventType(response: HttpResponse): boolean {
  if (response.status !== 400) return false;
  const error = ((response.body ?? {}) as { error?: { errors?: { reason?: string }[] } }).error;
  return !(error?.errors ?? []).some((e) => e.reason !== undefined && REQUEST_ERRORS.has(e.reason));
}

/** Google Calendar v3: each focus block is one focusTime event, kept in step; meetings are read back. */
export class GoogleCalendarProvider implements Provider {
  readonly id = 'google' as const;
  private current: FocusEvent | null = null;
  private appliedZone: string | null = null;
  private appliedDaysOff: string | null = null;
  private appliedPlanned: string | null = null;
  /** The focus properties of Cadence's focusTime events, by event id, as last listed. */
  private readonly ownFocusTime = new Map<string, FocusTimeProperties>();
  /** Day off → its out-of-office event; null until looked up once. */
  private daysOff: Map<string, string> | null = null;

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: TokenSource,
    /** Which event types this account refused, and its kind, remembered across restarts. */
    private readonly memory: AccountMemory,
    /** How long one call may take before it counts as a network failure. */
    private readonly timeoutMs = 10_000,
  ) {}

  reset(): void {
    this.appliedZone = null;
    this.appliedDaysOff = null;
    this.appliedPlanned = null;
  }

  private url(path: string): string {
    return `${this.apiUrl.replace(/\/$/, '')}${path}`;
  }

  /** Personal accounts have neither event type (calendar-status): known from the address, never tried. */
  private supports(type: 'focusTime' | 'outOfOffice'): boolean {
    const facts = this.memory.read();
    return facts.kind !== 'google-personal' && !facts.unsupported?.includes(type);
  }

  private refused(type: 'focusTime' | 'outOfOffice'): void {
    const unsupported = this.memory.read().unsupported ?? [];
    this.memory.remember({ unsupported: [...new Set([...unsupported, type])] });
  }

  /** The account's address and kind, read once: personal accounts have no focus time. */
  private async learnAccount(): Promise<void> {
    if (this.memory.read().kind) return;
    const response = await authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, url: this.url('/calendars/primary') },
      SERVICE,
    );
    checkJsonError(response, SERVICE, 'read your calendar');
    // The primary calendar's id is the account's address (Calendars resource, "id"; "primary" names it).
    const address = String((response.body as { id?: unknown }).id ?? '');
    const personal = PERSONAL_DOMAINS.test(address);
    this.memory.remember({
      kind: personal ? 'google-personal' : 'google-workspace',
      ...(address.includes('@') ? { label: address } : {}),
      // Said at once in the account's words, before any block is written.
      ...(personal ? { unsupported: ['focusTime', 'outOfOffice'] } : {}),
    });
  }

  async apply(desired: Desired, now: Instant, settings: Settings): Promise<void> {
    await this.learnAccount();
    await this.applyFocus(desired, now);
    await this.applyPlanned(desired, now);
    await this.applyDaysOff(desired, now, settings);
  }

  /**
   * Focus blocks planned for later are on the calendar ahead of time, as focus time: each found again by
   * its tag (never made twice, also after a restart), moved when the plan moves it, and removed when it
   * is skipped or cancelled. Only events still in the future are touched: the running block is
   * applyFocus's.
   */
  private async applyPlanned(desired: Desired, now: Instant): Promise<void> {
    const wanted = wantedPlanned(desired.planned, now);
    // What each block declines and says is part of what is applied: a meeting-free day added to the
    // team file, or a block moved onto or off it, changes the events' focus properties.
    const key = JSON.stringify(
      wanted.map((block) => [block, this.focusTimeProperties(desired, block.start)]),
    );
    if (key === this.appliedPlanned) return;
    const horizon = now + (PLANNED_AHEAD_DAYS + 1) * DAY;
    const own = await this.ownFocusEvents(now, horizon);
    const changes = plannedChanges(wanted, own, now, desired.focus?.id ?? null);
    for (const block of changes.create) await this.create(desired, block);
    const moved = new Set<string>();
    for (const { eventId, block } of changes.move) {
      moved.add(eventId);
      const response = await this.patchEvent(eventId, {
        start: { dateTime: new Date(block.start).toISOString(), timeZone: desired.timeZone },
        end: { dateTime: new Date(block.end).toISOString(), timeZone: desired.timeZone },
        // Fields left out of a patch stay as they were (Events: patch,
        // https://developers.google.com/workspace/calendar/api/v3/reference/events/patch): the
        // properties of the block's new day are sent with it.
        ...(this.ownFocusTime.has(eventId)
          ? { focusTimeProperties: this.focusTimeProperties(desired, block.start) }
          : {}),
      });
      // Deleted by hand in the meantime: made again, the plan still wants it.
      if (response.status === 404 || response.status === 410) await this.create(desired, block);
      else checkJsonError(response, SERVICE, 'move a planned focus block');
    }
    // Blocks that stay where they are, but should now decline or say something else.
    // The first event of a key is the one kept (plannedChanges removes any later one).
    const byKey = new Map<string, string>();
    for (const event of own) if (!byKey.has(event.key)) byKey.set(event.key, event.id);
    for (const block of wanted) {
      const eventId = byKey.get(block.id);
      const properties = eventId === undefined ? undefined : this.ownFocusTime.get(eventId);
      if (eventId === undefined || properties === undefined || moved.has(eventId)) continue;
      const wantedProperties = this.focusTimeProperties(desired, block.start);
      if (sameProperties(properties, wantedProperties)) continue;
      const response = await this.patchEvent(eventId, { focusTimeProperties: wantedProperties });
      // Deleted by hand since it was listed: made again, with its new properties.
      if (response.status === 404 || response.status === 410) await this.create(desired, block);
      else checkJsonError(response, SERVICE, 'update a planned focus block');
    }
    for (const eventId of changes.remove) {
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          method: 'DELETE',
          url: this.url(`/calendars/primary/events/${encodeURIComponent(eventId)}`),
        },
        SERVICE,
      );
      if (response.status !== 404 && response.status !== 410)
        checkJsonError(response, SERVICE, 'remove a skipped focus block');
    }
    this.appliedPlanned = key;
  }

  /**
   * Every event Events: list gives for a query on the primary calendar, recurring ones as single
   * events, page by page: a page may hold fewer events than asked for, and nextPageToken says there are
   * more (https://developers.google.com/workspace/calendar/api/v3/reference/events/list).
   */
  private async listEvents<T>(params: Record<string, string>, what: string): Promise<T[]> {
    const items: T[] = [];
    let pageToken: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({
        ...params,
        singleEvents: 'true',
        ...(pageToken ? { pageToken } : {}),
      });
      const response = await authorizedCall(
        this.tokens,
        { timeoutMs: this.timeoutMs, url: this.url(`/calendars/primary/events?${query}`) },
        SERVICE,
      );
      checkJsonError(response, SERVICE, what);
      const body = (response.body ?? {}) as { items?: T[]; nextPageToken?: unknown };
      items.push(...(body.items ?? []));
      pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : null;
      if (!pageToken) break;
    }
    return items;
  }

  /** Cadence's focus events from `from` to `to`, found by the tag every planned or written block carries. */
  private async ownFocusEvents(from: Instant, to: Instant): Promise<OwnPlannedEvent[]> {
    const items = await this.listEvents<{
      id: string;
      eventType?: string;
      focusTimeProperties?: FocusTimeProperties;
      start?: { dateTime?: string };
      end?: { dateTime?: string };
      extendedProperties?: { private?: Record<string, string> };
    }>(
      {
        privateExtendedProperty: 'cadencePlanned=1',
        timeMin: new Date(from).toISOString(),
        timeMax: new Date(to).toISOString(),
      },
      'look up its planned focus blocks',
    );
    this.ownFocusTime.clear();
    for (const item of items)
      if (item.eventType === 'focusTime') this.ownFocusTime.set(item.id, item.focusTimeProperties ?? {});
    return items.flatMap((item) => {
      const key = item.extendedProperties?.private?.cadenceFocusId;
      return key
        ? [
            {
              id: item.id,
              key,
              start: Date.parse(item.start?.dateTime ?? ''),
              end: Date.parse(item.end?.dateTime ?? ''),
            },
          ]
        : [];
    });
  }

  /** Events Cadence made earlier (perhaps before a restart), found by the tag it put on them. */
  private async tagged(tag: string, from: Instant, to: Instant): Promise<{ id: string; end: Instant }[]> {
    const items = await this.listEvents<{ id: string; end?: { dateTime?: string } }>(
      {
        privateExtendedProperty: tag,
        timeMin: new Date(from).toISOString(),
        timeMax: new Date(to).toISOString(),
      },
      'look up its own events',
    );
    return items.map((item) => ({ id: item.id, end: Date.parse(item.end?.dateTime ?? '') }));
  }

  /** Days off in the coming weeks become out-of-office events; a day no longer off loses its event. */
  private async applyDaysOff(desired: Desired, now: Instant, settings: Settings): Promise<void> {
    const horizon = now + DAYS_OFF_HORIZON * DAY;
    const wanted = settings.daysOff
      .map((date) => ({
        date,
        start: atLocalTime(date, 0, desired.timeZone),
        end: atLocalTime(addDays(date, 1), 0, desired.timeZone),
      }))
      .filter((day) => day.end > now && day.start < horizon);
    const key = JSON.stringify(wanted);
    if (key === this.appliedDaysOff) return;
    if (this.daysOff === null) {
      this.daysOff = new Map();
      for (const date of settings.daysOff) {
        const [found] = await this.tagged(`cadenceDayOff=${date}`, now - DAY, horizon + 2 * DAY);
        if (found) this.daysOff.set(date, found.id);
      }
    }
    for (const day of wanted) {
      if (this.daysOff.has(day.date)) continue;
      this.daysOff.set(day.date, await this.markDayOff(day, desired));
    }
    for (const [date, eventId] of this.daysOff) {
      if (wanted.some((day) => day.date === date) || settings.daysOff.includes(date)) continue;
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          method: 'DELETE',
          url: this.url(`/calendars/primary/events/${encodeURIComponent(eventId)}`),
        },
        SERVICE,
      );
      if (response.status !== 404 && response.status !== 410)
        checkJsonError(response, SERVICE, 'remove a day off');
      this.daysOff.delete(date);
    }
    this.appliedDaysOff = key;
  }

  private async insert(json: Record<string, unknown>): Promise<HttpResponse> {
    return authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, url: this.url('/calendars/primary/events'), json },
      SERVICE,
    );
  }

  /** An out-of-office event, or on calendars without them an all-day busy event. */
  private async markDayOff(
    day: { date: string; start: Instant; end: Instant },
    desired: Desired,
  ): Promise<string> {
    const tag = { extendedProperties: { private: { cadenceDayOff: day.date } } };
    const typed = this.supports('outOfOffice');
    if (typed) {
      const response = await this.insert({
        summary: 'Day off',
        eventType: 'outOfOffice',
        outOfOfficeProperties: {
          autoDeclineMode: 'declineAllConflictingInvitations',
          declineMessage: `I am off today. ${desired.note}`.trim(),
        },
        start: { dateTime: new Date(day.start).toISOString(), timeZone: desired.timeZone },
        end: { dateTime: new Date(day.end).toISOString(), timeZone: desired.timeZone },
        ...tag,
      });
      if (!mayRefuseEventType(response)) {
        checkJsonError(response, SERVICE, 'mark your day off');
        return String((response.body as { id: string }).id);
      }
    }
    // An all-day event: start and end are dates, the end exclusive (Events resource, "start.date").
    const response = await this.insert({
      summary: 'Day off',
      transparency: 'opaque',
      start: { date: day.date },
      end: { date: addDays(day.date, 1) },
      ...tag,
    });
    checkJsonError(response, SERVICE, 'mark your day off');
    // Accepted as a plain event where the typed one was refused: the type is what the calendar lacks.
    if (typed) this.refused('outOfOffice');
    return String((response.body as { id: string }).id);
  }

  private async applyFocus(desired: Desired, now: Instant): Promise<void> {
    if (this.appliedZone !== desired.timeZone) {
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          method: 'PATCH',
          url: this.url('/calendars/primary'),
          json: { timeZone: desired.timeZone },
        },
        SERVICE,
      );
      checkJsonError(response, SERVICE, 'change the calendar time zone');
      this.appliedZone = desired.timeZone;
    }
    const focus = desired.focus;
    const current = this.current;
    if (current && (!focus || focus.id !== current.focusId)) {
      const realEnd = desired.endedFocus?.id === current.focusId ? desired.endedFocus.end : now;
      const end = Math.min(current.end, focus?.start ?? realEnd);
      if (end !== current.end) await this.setEnd(current, end);
      this.current = null;
    }
    if (!focus) return;
    if (this.current?.focusId === focus.id) {
      if (this.current.end === focus.end || (await this.setEnd(this.current, focus.end))) return;
      // The user deleted the event by hand, and the block goes on with a new end: it is put back.
      this.current = null;
    }
    this.current = { focusId: focus.id, eventId: await this.create(desired, focus), end: focus.end };
  }

  private event(
    desired: Desired,
    focus: NonNullable<Desired['focus']>,
    asFocusTime: boolean,
  ): Record<string, unknown> {
    const times = {
      start: { dateTime: new Date(focus.start).toISOString(), timeZone: desired.timeZone },
      end: { dateTime: new Date(focus.end).toISOString(), timeZone: desired.timeZone },
    };
    // cadencePlanned lets the blocks planned ahead be listed in one call (privateExtendedProperty).
    const tag = { extendedProperties: { private: { cadenceFocusId: focus.id, cadencePlanned: '1' } } };
    if (!asFocusTime) return { summary: 'Focus time', transparency: 'opaque', ...times, ...tag };
    // A focusTime event is opaque and timed (calendar-status guide, "Focus time":
    // https://developers.google.com/workspace/calendar/api/guides/calendar-status).
    return {
      summary: 'Focus time',
      eventType: 'focusTime',
      transparency: 'opaque',
      focusTimeProperties: this.focusTimeProperties(desired, focus.start),
      ...times,
      ...tag,
    };
  }

  /**
   * What a focus block starting at `start` declines and says (Events resource, focusTimeProperties:
   * https://developers.google.com/workspace/calendar/api/v3/reference/events): on the team's
   * meeting-free day, at least new invitations, with the day named (see declineFor).
   */
  private focusTimeProperties(desired: Desired, start: Instant): FocusTimeProperties {
    const decline = declineFor(desired, start);
    const why = decline.meetingFree
      ? `Declined: ${decline.meetingFree} is my team's meeting-free day (set by Cadence).`
      : 'Declined because I am in focus time (set by Cadence).';
    return {
      autoDeclineMode: decline.mode,
      chatStatus: desired.chatDoNotDisturb ? 'doNotDisturb' : 'available',
      declineMessage: `${why} ${desired.note}`.trim(),
    };
  }

  private async patchEvent(eventId: string, json: Record<string, unknown>): Promise<HttpResponse> {
    return authorizedCall(
      this.tokens,
      {
        timeoutMs: this.timeoutMs,
        method: 'PATCH',
        url: this.url(`/calendars/primary/events/${encodeURIComponent(eventId)}`),
        json,
      },
      SERVICE,
    );
  }

  private async create(desired: Desired, focus: NonNullable<Desired['focus']>): Promise<string> {
    const [existing] = await this.tagged(`cadenceFocusId=${focus.id}`, focus.start - DAY, focus.end + DAY);
    if (existing) {
      if (existing.end !== focus.end)
        await this.setEnd({ focusId: focus.id, eventId: existing.id, end: existing.end }, focus.end);
      return existing.id;
    }
    const typed = this.supports('focusTime');
    if (typed) {
      const response = await this.insert(this.event(desired, focus, true));
      if (!mayRefuseEventType(response)) {
        checkJsonError(response, SERVICE, 'add the focus block');
        return String((response.body as { id: string }).id);
      }
    }
    const response = await this.insert(this.event(desired, focus, false));
    checkJsonError(response, SERVICE, 'add the focus block');
    // Accepted as a plain event where the focusTime one was refused: the type is what the calendar lacks.
    if (typed) this.refused('focusTime');
    return String((response.body as { id: string }).id);
  }

  /**
   * Moves the end of Cadence's event. False when the user deleted it: Google answers 404 or 410, or
   * keeps it as "cancelled" ("deleted events ... status cancelled", Events resource), and a change to
   * it would not bring it back.
   */
  private async setEnd(event: FocusEvent, end: Instant): Promise<boolean> {
    const response = await this.patchEvent(event.eventId, { end: { dateTime: new Date(end).toISOString() } });
    if (response.status === 404 || response.status === 410) return false;
    checkJsonError(response, SERVICE, 'update the focus block');
    if ((response.body as { status?: string } | null)?.status === 'cancelled') return false;
    event.end = end;
    return true;
  }

  /** Invitations from others changed since `updatedSince` (the record of contacts outside hours, #25). */
  invitations(updatedSince: Instant, now: Instant): Promise<Invitation[]> {
    return readInvitations((params, what) => this.listEvents(params, what), updatedSince, now);
  }

  /** freeBusy for teammates with an email: who is busy right now, and until when. */
  async enrich(people: readonly Teammate[], now: Instant): Promise<Map<string, TeammateUpdate>> {
    const withEmail = people.filter((person) => person.email);
    const updates = new Map<string, TeammateUpdate>();
    for (let i = 0; i < withEmail.length; i += 50) {
      const batch = withEmail.slice(i, i + 50);
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          url: this.url('/freeBusy'),
          json: {
            timeMin: new Date(now).toISOString(),
            timeMax: new Date(now + DAY).toISOString(),
            items: batch.map((p) => ({ id: p.email })),
          },
        },
        SERVICE,
      );
      checkJsonError(response, SERVICE, "read teammates' busy times");
      const calendars =
        (response.body as { calendars?: Record<string, { busy?: { start: string; end: string }[] }> })
          .calendars ?? {};
      for (const person of batch) {
        const busyNow = calendars[person.email!]?.busy?.find(
          (b) => Date.parse(b.start) <= now && now < Date.parse(b.end),
        );
        if (busyNow) updates.set(person.id, { presence: { state: 'meeting', until: busyNow.end } });
      }
    }
    return updates;
  }

  async meetings(from: Instant, to: Instant): Promise<CalendarEvent[]> {
    type Item = {
      id: string;
      summary?: string;
      status?: string;
      transparency?: string;
      eventType?: string;
      start?: { dateTime?: string };
      end?: { dateTime?: string };
      attendees?: { self?: boolean; responseStatus?: string }[];
      extendedProperties?: { private?: Record<string, string> };
    };
    const items = await this.listEvents<Item>(
      {
        timeMin: new Date(from).toISOString(),
        timeMax: new Date(to).toISOString(),
        orderBy: 'startTime',
        maxResults: '250',
      },
      'read your meetings',
    );
    // Cadence's own focus blocks and days off (busy events on calendars without focus time) are not meetings.
    const ours = (item: Item) =>
      Boolean(
        item.extendedProperties?.private?.cadenceFocusId ?? item.extendedProperties?.private?.cadenceDayOff,
      );
    const declined = (item: Item) =>
      item.attendees?.some((a) => a.self && a.responseStatus === 'declined') ?? false;
    return items
      .filter(
        (item) =>
          item.status !== 'cancelled' &&
          item.transparency !== 'transparent' &&
          (item.eventType ?? 'default') === 'default' &&
          !declined(item) &&
          !ours(item) &&
          item.start?.dateTime &&
          item.end?.dateTime,
      )
      .map((item) => ({
        id: `google:${item.id}`,
        title: item.summary ?? 'Busy',
        start: Date.parse(item.start!.dateTime!),
        end: Date.parse(item.end!.dateTime!),
        source: 'google' as const,
      }));
  }
}
