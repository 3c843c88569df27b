import type { CalendarEvent } from '../../../shared/calendar';
import { addDays, atLocalTime, DAY, type Instant } from '../../../shared/clockTime';
import type { Desired } from '../../../shared/desired';
import type { Settings } from '../../../shared/settings';
import { authorizedCall, checkJsonError } from '../authorizedCall';
import type { Provider, TeammateUpdate, TokenSource } from '../provider';
import type { Teammate } from '../../../shared/intents';

interface FocusEvent {
  focusId: string;
  eventId: string;
  end: Instant;
}

/** Meetings are read a week ahead: more pages than this would be a runaway. */
const MAX_PAGES = 20;
const SERVICE = 'Google Calendar';
/** How far ahead days off are put on the calendar. */
const DAYS_OFF_HORIZON = 60;

/** Google Calendar v3: each focus block is one focusTime event, kept in step; meetings are read back. */
export class GoogleCalendarProvider implements Provider {
  readonly id = 'google' as const;
  private current: FocusEvent | null = null;
  private appliedZone: string | null = null;
  private appliedDaysOff: string | null = null;
  /** Day off → its out-of-office event; null until looked up once. */
  private daysOff: Map<string, string> | null = null;
  /** Consumer accounts have no focus time; after the first refusal Cadence writes plain busy events. */
  focusTimeSupported = true;

  constructor(
    private readonly apiUrl: string,
    private readonly tokens: TokenSource,
    /** How long one call may take before it counts as a network failure. */
    private readonly timeoutMs = 10_000,
  ) {}

  reset(): void {
    this.appliedZone = null;
    this.appliedDaysOff = null;
  }

  private url(path: string): string {
    return `${this.apiUrl.replace(/\/$/, '')}${path}`;
  }

  async apply(desired: Desired, now: Instant, settings: Settings): Promise<void> {
    await this.applyFocus(desired, now);
    await this.applyDaysOff(desired, now, settings);
  }

  /** Events Cadence made earlier (perhaps before a restart), found by the tag it put on them. */
  private async tagged(tag: string, from: Instant, to: Instant): Promise<{ id: string; end: Instant }[]> {
    const query = new URLSearchParams({
      privateExtendedProperty: tag,
      timeMin: new Date(from).toISOString(),
      timeMax: new Date(to).toISOString(),
      singleEvents: 'true',
    });
    const response = await authorizedCall(
      this.tokens,
      { timeoutMs: this.timeoutMs, url: this.url(`/calendars/primary/events?${query}`) },
      SERVICE,
    );
    checkJsonError(response, SERVICE, 'look up its own events');
    return (
      ((response.body as { items?: { id: string; end?: { dateTime?: string } }[] }).items ?? []) as {
        id: string;
        end?: { dateTime?: string };
      }[]
    ).map((item) => ({
      id: item.id,
      end: Date.parse(item.end?.dateTime ?? ''),
    }));
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
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          url: this.url('/calendars/primary/events'),
          json: {
            summary: 'Day off',
            eventType: 'outOfOffice',
            outOfOfficeProperties: {
              autoDeclineMode: 'declineAllConflictingInvitations',
              declineMessage: `I am off today. ${settings.urgency.rule}`.trim(),
            },
            start: { dateTime: new Date(day.start).toISOString(), timeZone: desired.timeZone },
            end: { dateTime: new Date(day.end).toISOString(), timeZone: desired.timeZone },
            extendedProperties: { private: { cadenceDayOff: day.date } },
          },
        },
        SERVICE,
      );
      checkJsonError(response, SERVICE, 'mark your day off');
      this.daysOff.set(day.date, String((response.body as { id: string }).id));
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
      if (this.current.end !== focus.end) await this.setEnd(this.current, focus.end);
      return;
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
    const tag = { extendedProperties: { private: { cadenceFocusId: focus.id } } };
    if (!asFocusTime) return { summary: 'Focus time', transparency: 'opaque', ...times, ...tag };
    return {
      summary: 'Focus time',
      eventType: 'focusTime',
      focusTimeProperties: {
        autoDeclineMode: desired.autoDecline,
        chatStatus: desired.chatDoNotDisturb ? 'doNotDisturb' : 'available',
        declineMessage: 'Declined because I am in focus time (set by Cadence).',
      },
      ...times,
      ...tag,
    };
  }

  private async create(desired: Desired, focus: NonNullable<Desired['focus']>): Promise<string> {
    const [existing] = await this.tagged(`cadenceFocusId=${focus.id}`, focus.start - DAY, focus.end + DAY);
    if (existing) {
      if (existing.end !== focus.end)
        await this.setEnd({ focusId: focus.id, eventId: existing.id, end: existing.end }, focus.end);
      return existing.id;
    }
    if (this.focusTimeSupported) {
      const response = await authorizedCall(
        this.tokens,
        {
          timeoutMs: this.timeoutMs,
          url: this.url('/calendars/primary/events'),
          json: this.event(desired, focus, true),
        },
        SERVICE,
      );
      if (response.status !== 400) {
        checkJsonError(response, SERVICE, 'add the focus block');
        return String((response.body as { id: string }).id);
      }
      this.focusTimeSupported = false;
    }
    const response = await authorizedCall(
      this.tokens,
      {
        timeoutMs: this.timeoutMs,
        url: this.url('/calendars/primary/events'),
        json: this.event(desired, focus, false),
      },
      SERVICE,
    );
    checkJsonError(response, SERVICE, 'add the focus block');
    return String((response.body as { id: string }).id);
  }

  private async setEnd(event: FocusEvent, end: Instant): Promise<void> {
    const response = await authorizedCall(
      this.tokens,
      {
        timeoutMs: this.timeoutMs,
        method: 'PATCH',
        url: this.url(`/calendars/primary/events/${encodeURIComponent(event.eventId)}`),
        json: { end: { dateTime: new Date(end).toISOString() } },
      },
      SERVICE,
    );
    checkJsonError(response, SERVICE, 'update the focus block');
    event.end = end;
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
    };
    const items: Item[] = [];
    let pageToken: string | null = null;
    // A page may hold fewer events than asked for; nextPageToken says there are more.
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({
        timeMin: new Date(from).toISOString(),
        timeMax: new Date(to).toISOString(),
        singleEvents: 'true',
        orderBy: 'startTime',
        maxResults: '250',
        ...(pageToken ? { pageToken } : {}),
      });
      const response = await authorizedCall(
        this.tokens,
        { timeoutMs: this.timeoutMs, url: this.url(`/calendars/primary/events?${query}`) },
        SERVICE,
      );
      checkJsonError(response, SERVICE, 'read your meetings');
      const body = (response.body ?? {}) as { items?: Item[]; nextPageToken?: unknown };
      items.push(...(body.items ?? []));
      pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : null;
      if (!pageToken) break;
    }
    const declined = (item: Item) =>
      item.attendees?.some((a) => a.self && a.responseStatus === 'declined') ?? false;
    return items
      .filter(
        (item) =>
          item.status !== 'cancelled' &&
          item.transparency !== 'transparent' &&
          (item.eventType ?? 'default') === 'default' &&
          !declined(item) &&
          item.start?.dateTime &&
          item.end?.dateTime,
      )
      .filter((item) => item.summary !== 'Focus time')
      .map((item) => ({
        id: `google:${item.id}`,
        title: item.summary ?? 'Busy',
        start: Date.parse(item.start!.dateTime!),
        end: Date.parse(item.end!.dateTime!),
        source: 'google' as const,
      }));
  }
}
