import { randomUUID } from 'node:crypto';
import {
  type Availability,
  availabilityAt,
  isDayClosed,
  lunchInterval,
  lunchOn,
} from '../../shared/availability';
import type { CalendarEvent } from '../../shared/calendar';
import {
  atLocalTime,
  DAY,
  type Instant,
  isoInZone,
  localDate,
  MINUTE,
  minutesOfDay,
  wallClock,
} from '../../shared/clockTime';
import {
  type ApiResult,
  type CommandName,
  commandSchemas,
  type CompanionEvent,
  type EventName,
  isCommandName,
  isQueryName,
  issuesOf,
  type QueryName,
  querySchemas,
} from '../../shared/contract';
import { dayPlan } from '../../shared/dayPlan';
import { activeFocus, focusIntervals, upcomingFocus } from '../../shared/focus';
import { history } from '../../shared/history';
import type { HeldNotification, Intents, Teammate } from '../../shared/intents';
import { decide } from '../../shared/notificationPolicy';
import { duePrompts, nextDeadline, type Prompt, shutdownTimes } from '../../shared/prompts';
import { applySettingsPatch, type Settings } from '../../shared/settings';
import {
  type PromptView,
  type StatusView,
  toDayPlanView,
  toStatusView,
  type TeammateView,
} from '../../shared/statusView';
import { glance, overlapSpans } from '../../shared/teammateGlance';
import { lastWorkdayEnded, patternOf, spanAt } from '../../shared/workPattern';
import { installPublicHolidays, isKnownHolidayCountry } from './holidayCalendar';
import type { DocumentStore } from './documentStore';
import { Emitter } from './lifetime';
import type { Disposable } from './lifetime';
import type { Clock, Notifier } from './ports';
import { Scheduler } from './scheduler';

const KEEP_DAYS = 400;

export interface CadenceServiceOptions {
  clock: Clock;
  settings: DocumentStore<Settings>;
  intents: DocumentStore<Intents>;
  notifier: Notifier;
  calendar?: () => readonly CalendarEvent[];
}

/** What the service needs from the connected services (main/core/integrations.ts). */
export interface IntegrationsPort {
  connect(id: 'slack' | 'google' | 'microsoft'): Promise<ApiResult<unknown>>;
  disconnect(id: 'slack' | 'google' | 'microsoft'): ApiResult<unknown>;
  list(): unknown[];
  problems(): string[];
  calendar(): readonly CalendarEvent[];
  teammates(): readonly Teammate[];
  enrich(teammate: Teammate): Teammate;
}

type Outcome = ApiResult<unknown>;

const fail = (error: string, message: string, issues?: { path: string; message: string }[]): Outcome =>
  issues ? { ok: false, error, message, issues } : { ok: false, error, message };

/** The Cadence core: intents in, availability and prompts out. Hosted by headless mode and by Electron alike. */
export class CadenceService implements Disposable {
  private readonly emitter = new Emitter<CompanionEvent>();
  readonly onEvent = this.emitter.event;
  private readonly scheduler: Scheduler;
  private lastStatus = '';
  private lastFocus: Availability['focus'] = null;
  private raised = new Map<string, Prompt>();
  private lastZone: string;
  private readonly runtimeProblems = new Map<string, string>();
  private integrations: IntegrationsPort | null = null;

  constructor(private readonly options: CadenceServiceOptions) {
    this.scheduler = new Scheduler(
      options.clock,
      (now) => nextDeadline(now, this.settings, this.intents, this.calendar()),
      () => this.refresh(),
    );
    this.lastZone = options.clock.timeZone();
    installPublicHolidays();
  }

  get settings(): Settings {
    return this.options.settings.value;
  }

  get intents(): Intents {
    return this.options.intents.value;
  }

  private calendar(): readonly CalendarEvent[] {
    return this.integrations?.calendar() ?? this.options.calendar?.() ?? [];
  }

  /** Connects the services; their health changes are pushed to clients as events. */
  attachIntegrations(
    integrations: IntegrationsPort,
    onDidChange: (listener: () => void) => Disposable,
  ): void {
    this.integrations = integrations;
    onDidChange(() => {
      this.emit('integration.health.changed', integrations.list());
      this.refresh();
    });
  }

  /** When the next timer fires, for tests and the tray. */
  get nextDeadline(): Instant | null {
    return this.scheduler.nextAt;
  }

  start(): void {
    this.refresh();
  }

  /** After sleep, a clock jump or a zone change: recompute everything from the wall clock. */
  resync(): void {
    this.refresh();
  }

  availability(at: Instant = this.options.clock.now()): Availability {
    return availabilityAt(at, this.settings, this.intents, this.calendar());
  }

  problems(): string[] {
    return [
      ...this.options.settings.problems,
      ...this.options.intents.problems,
      ...this.runtimeProblems.values(),
      ...(this.integrations?.problems() ?? []),
    ];
  }

  status(): StatusView {
    const now = this.options.clock.now();
    const availability = this.availability(now);
    const prompts = duePrompts(now, this.settings, this.intents, this.calendar(), availability);
    return toStatusView(now, availability, prompts, this.problems(), this.options.clock.timeZone());
  }

  execute(name: string, input: unknown): Outcome | Promise<Outcome> {
    if (!isCommandName(name)) return fail('unknown_command', `There is no command called "${name}".`);
    const parsed = commandSchemas[name].safeParse(input ?? {});
    if (!parsed.success)
      return fail('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
    if (name === 'integration.connect' || name === 'integration.disconnect') {
      const { provider } = parsed.data as { provider: 'slack' | 'google' | 'microsoft' };
      if (!this.integrations) return fail('not_available', 'Integrations are not available in this build.');
      return name === 'integration.connect'
        ? this.integrations.connect(provider)
        : this.integrations.disconnect(provider);
    }
    const outcome = this.run(name, parsed.data as never);
    if (outcome.ok) this.refresh(name);
    return outcome;
  }

  query(name: string, input: unknown): Outcome {
    if (!isQueryName(name)) return fail('unknown_query', `There is no query called "${name}".`);
    const parsed = querySchemas[name].safeParse(input ?? {});
    if (!parsed.success)
      return fail('invalid_input', `The ${name} query's input is not valid.`, issuesOf(parsed.error));
    return this.ask(name, parsed.data as never);
  }

  private ask(name: QueryName, input: { date?: string; from?: string; to?: string }): Outcome {
    const now = this.options.clock.now();
    switch (name) {
      case 'status':
        return { ok: true, value: this.status() };
      case 'settings':
        return { ok: true, value: this.settings };
      case 'plan': {
        const date = input.date ?? localDate(now, this.settings.workTimeZone);
        return {
          ok: true,
          value: toDayPlanView(dayPlan(date, now, this.settings, this.intents, this.calendar())),
        };
      }
      case 'history': {
        const { from = '', to = '' } = input;
        if (from > to) return fail('invalid_input', 'The history range ends before it starts.');
        if (Date.parse(to) - Date.parse(from) > KEEP_DAYS * DAY) {
          return fail('invalid_input', `Ask for at most ${KEEP_DAYS} days of history at once.`);
        }
        return { ok: true, value: history(from, to, now, this.settings, this.intents, this.calendar()) };
      }
      case 'teammates':
        return { ok: true, value: this.teammates(now) };
      case 'integrations':
        return { ok: true, value: this.integrations?.list() ?? [] };
    }
  }

  teammates(now: Instant = this.options.clock.now()): TeammateView[] {
    const mine = overlapSpans(now, patternOf(this.settings));
    const zone = this.settings.workTimeZone;
    const moments = new Map();
    const integrations = this.integrations;
    const own = integrations
      ? this.intents.teammates.map((t) => integrations.enrich(t))
      : this.intents.teammates;
    return [...own, ...(integrations?.teammates() ?? [])].map((teammate) => {
      const view = glance(teammate, now, zone, mine, moments);
      return {
        ...view,
        source: teammate.source,
        nextAvailable: view.nextAvailable === null ? null : isoInZone(view.nextAvailable, zone),
        nextOverlap: view.nextOverlap
          ? { start: isoInZone(view.nextOverlap.start, zone), end: isoInZone(view.nextOverlap.end, zone) }
          : null,
      };
    });
  }

  private save(next: Intents): Outcome | null {
    const cutoff = this.options.clock.now() - KEEP_DAYS * DAY;
    const cutoffDate = localDate(cutoff, this.settings.workTimeZone);
    const pruned: Intents = {
      ...next,
      focus: next.focus.filter((block) => Date.parse(block.startAt) >= cutoff),
      lunches: next.lunches.filter((record) => record.date >= cutoffDate),
      lunchSnoozes: next.lunchSnoozes.filter((record) => Date.parse(record.until) >= cutoff),
      shutdowns: next.shutdowns.filter((record) => record.date >= cutoffDate),
      shutdownSnoozes: next.shutdownSnoozes.filter((record) => Date.parse(record.until) >= cutoff),
    };
    try {
      this.options.intents.write(pruned);
      this.runtimeProblems.delete('storage');
      return null;
    } catch (error) {
      const message = `Could not save your data: ${(error as Error).message}. Nothing was changed.`;
      this.runtimeProblems.set('storage', message);
      return fail('storage', message);
    }
  }

  private update(change: (intents: Intents) => Intents, value: unknown = null): Outcome {
    return this.save(change(this.intents)) ?? { ok: true, value };
  }

  private time(at: Instant): string {
    return wallClock(at, this.settings.workTimeZone);
  }

  private run(
    name: Exclude<CommandName, 'integration.connect' | 'integration.disconnect'>,
    input: Record<string, never> & Record<string, unknown>,
  ): Outcome {
    const now = this.options.clock.now();
    const settings = this.settings;
    const zone = settings.workTimeZone;
    const nowIso = new Date(now).toISOString();
    switch (name) {
      case 'focus.start': {
        const running = activeFocus(now, this.intents);
        if (running)
          return fail(
            'conflict',
            `A focus block is already running until ${this.time(running.end)}. Extend or stop it first.`,
          );
        const start = typeof input.at === 'string' ? Math.max(now, Date.parse(input.at)) : now;
        if (typeof input.at === 'string' && Date.parse(input.at) < now - MINUTE)
          return fail('invalid_input', 'A focus block cannot start in the past.');
        let minutes = typeof input.minutes === 'number' ? input.minutes : settings.focus.defaultMinutes;
        if (typeof input.until === 'string') {
          const end = atLocalTime(localDate(start, zone), minutesOfDay(input.until), zone);
          if (end <= start)
            return fail('invalid_input', `${input.until} has already passed today; pick a later time.`);
          minutes = Math.ceil((end - start) / MINUTE);
        }
        const end = start + minutes * MINUTE;
        const clash = upcomingFocus(now, this.intents).find(
          (block) => block.start < end && block.end > start,
        );
        if (clash)
          return fail('conflict', `That overlaps the focus block planned at ${this.time(clash.start)}.`);
        const block = {
          id: randomUUID().slice(0, 8),
          startAt: new Date(start).toISOString(),
          plannedMinutes: minutes,
        };
        return this.update((i) => ({ ...i, focus: [...i.focus, block] }), {
          id: block.id,
          startAt: isoInZone(start, zone),
          endsAt: isoInZone(end, zone),
        });
      }
      case 'focus.extend': {
        const running = activeFocus(now, this.intents);
        if (!running) return fail('conflict', 'No focus block is running, so there is nothing to extend.');
        const extra = input.minutes as unknown as number;
        const newEnd = running.end + extra * MINUTE;
        const clash = upcomingFocus(now, this.intents).find(
          (block) => block.start < newEnd && block.id !== running.id,
        );
        if (clash)
          return fail(
            'conflict',
            `Extending would run into the focus block planned at ${this.time(clash.start)}.`,
          );
        return this.update(
          (i) => ({
            ...i,
            focus: i.focus.map((b) =>
              b.id === running.id ? { ...b, plannedMinutes: b.plannedMinutes + extra } : b,
            ),
          }),
          { id: running.id, endsAt: isoInZone(newEnd, zone) },
        );
      }
      case 'focus.stop': {
        const running = activeFocus(now, this.intents);
        if (!running) return fail('conflict', 'No focus block is running.');
        return this.update(
          (i) => ({
            ...i,
            focus: i.focus.map((b) => (b.id === running.id ? { ...b, stoppedAt: nowIso } : b)),
          }),
          { id: running.id, focusedMinutes: Math.round((now - running.start) / MINUTE) },
        );
      }
      case 'lunch.start': {
        const workday = this.currentWorkday(now);
        const existing = lunchInterval(lunchOn(workday, this.intents));
        if (existing && existing.end > now)
          return fail('conflict', `You are already at lunch until ${this.time(existing.end)}.`);
        const running = activeFocus(now, this.intents);
        if (running)
          return fail(
            'conflict',
            `You are focusing until ${this.time(running.end)}; stop the block before lunch.`,
          );
        const minutes = typeof input.minutes === 'number' ? input.minutes : settings.lunch.minutes;
        const record = { date: workday, status: 'taken' as const, startedAt: nowIso, minutes };
        return this.update(
          (i) => ({ ...i, lunches: [...i.lunches.filter((l) => l.date !== workday), record] }),
          { until: isoInZone(now + minutes * MINUTE, zone) },
        );
      }
      case 'lunch.snooze': {
        const workday = this.currentWorkday(now);
        const until = new Date(now + (input.minutes as unknown as number) * MINUTE).toISOString();
        return this.update(
          (i) => ({
            ...i,
            lunchSnoozes: [...i.lunchSnoozes.filter((s) => s.date !== workday), { date: workday, until }],
          }),
          { until },
        );
      }
      case 'lunch.skip': {
        const workday = this.currentWorkday(now);
        return this.update((i) => ({
          ...i,
          lunches: [...i.lunches.filter((l) => l.date !== workday), { date: workday, status: 'skipped' }],
        }));
      }
      case 'lunch.done': {
        const workday = this.currentWorkday(now);
        const lunch = lunchInterval(lunchOn(workday, this.intents));
        if (!lunch || lunch.end <= now) return fail('conflict', 'You are not at lunch right now.');
        return this.update((i) => ({
          ...i,
          lunches: i.lunches.map((l) => (l.date === workday ? { ...l, endedAt: nowIso } : l)),
        }));
      }
      case 'shutdown.begin': {
        const workday = this.closingWorkday(now);
        if (isDayClosed(workday, this.intents)) return fail('conflict', 'You already closed this workday.');
        const prompt = this.shutdownPrompt(workday);
        this.emit('prompt.raised', prompt);
        return { ok: true, value: prompt };
      }
      case 'shutdown.snooze': {
        const workday = this.closingWorkday(now);
        const times = shutdownTimes(workday, settings);
        if (!times) return fail('conflict', 'There is no workday to close today.');
        const until = now + (input.minutes as unknown as number) * MINUTE;
        const limitText = `${this.time(times.snoozeLimit)} (${settings.shutdown.maxSnoozeMinutes} minutes past the end of your day at ${this.time(times.end)})`;
        if (now >= times.snoozeLimit)
          return fail(
            'snooze_limit',
            `No more snoozing: it is ${Math.round((now - times.end) / MINUTE)} minutes past the end of your day. Time to close it.`,
          );
        if (until > times.snoozeLimit)
          return fail('snooze_limit', `You can snooze the end of the day until ${limitText} at most.`);
        const previous = this.intents.shutdownSnoozes.find((s) => s.date === workday);
        const record = {
          date: workday,
          until: new Date(until).toISOString(),
          totalMinutes: (previous?.totalMinutes ?? 0) + (input.minutes as unknown as number),
        };
        return this.update(
          (i) => ({
            ...i,
            shutdownSnoozes: [...i.shutdownSnoozes.filter((s) => s.date !== workday), record],
          }),
          { until: isoInZone(until, zone) },
        );
      }
      case 'shutdown.complete': {
        const workday = this.closingWorkday(now);
        if (isDayClosed(workday, this.intents)) return fail('conflict', 'You already closed this workday.');
        const running = activeFocus(now, this.intents);
        const record = {
          date: workday,
          completedAt: nowIso,
          done: String(input.done ?? ''),
          carryOver: String(input.carryOver ?? ''),
          priorities: (input.priorities as unknown as string[]) ?? [],
        };
        const outcome = this.update((i) => ({
          ...i,
          focus: running
            ? i.focus.map((b) => (b.id === running.id ? { ...b, stoppedAt: nowIso } : b))
            : i.focus,
          shutdowns: [...i.shutdowns, record],
        }));
        if (!outcome.ok) return outcome;
        const next = this.availability(now).nextWorkStart;
        return { ok: true, value: { workday, offUntil: next === null ? null : isoInZone(next, zone) } };
      }
      case 'away.set': {
        const until = Date.parse(input.until as unknown as string);
        if (until <= now) return fail('invalid_input', 'Away needs an end in the future.');
        return this.update((i) => ({
          ...i,
          away: { from: nowIso, until: new Date(until).toISOString(), reason: String(input.reason ?? '') },
        }));
      }
      case 'away.clear':
        return this.update((i) => ({ ...i, away: null }));
      case 'settings.update':
        return this.updateSettings(input.patch as unknown as Partial<Settings>);
      case 'teammates.add': {
        const teammate: Teammate = {
          id: randomUUID().slice(0, 12),
          name: String(input.name),
          timeZone: String(input.timeZone),
          week: (input.week as unknown as Teammate['week']) ?? defaultTeammateWeek(),
          weekendDays: (input.weekendDays as unknown as number[]) ?? [6, 7],
          ...(typeof input.email === 'string' ? { email: input.email } : {}),
          source: 'manual',
        };
        const outcome = this.update((i) => ({ ...i, teammates: [...i.teammates, teammate] }), teammate);
        if (outcome.ok) this.emit('teammates.changed', null);
        return outcome;
      }
      case 'teammates.remove': {
        if (!this.intents.teammates.some((t) => t.id === input.id))
          return fail('not_found', 'No teammate has that id.');
        const outcome = this.update((i) => ({
          ...i,
          teammates: i.teammates.filter((t) => t.id !== input.id),
        }));
        if (outcome.ok) this.emit('teammates.changed', null);
        return outcome;
      }
      case 'notify':
        return this.gateNotification(
          input as unknown as { title: string; body: string; urgent?: boolean; from?: string },
        );
    }
  }

  private updateSettings(patch: Partial<Settings>): Outcome {
    const result = applySettingsPatch(this.settings, patch);
    if (!result.ok)
      return fail('invalid_settings', 'Those settings were not saved; nothing changed.', result.problems);
    const { country, region } = result.settings.holidays;
    if (country && !isKnownHolidayCountry(country, region)) {
      return fail('invalid_settings', 'Those settings were not saved; nothing changed.', [
        {
          path: 'holidays',
          message: `no public holiday calendar for ${country}${region ? `-${region}` : ''}`,
        },
      ]);
    }
    try {
      this.options.settings.write(result.settings);
    } catch (error) {
      return fail(
        'storage',
        `Could not save your settings: ${(error as Error).message}. Nothing was changed.`,
      );
    }
    this.emit('settings.changed', result.settings);
    return { ok: true, value: result.settings };
  }

  private gateNotification(input: { title: string; body: string; urgent?: boolean; from?: string }): Outcome {
    const decision = decide({ ...input, kind: 'message' }, this.availability(), this.settings);
    if (decision.action === 'deliver') void this.deliver(input.title, input.body);
    if (decision.action === 'hold') {
      const held: HeldNotification = {
        title: input.title,
        body: input.body,
        until: new Date(decision.until).toISOString(),
        ...(input.from ? { from: input.from } : {}),
      };
      const saved = this.save({ ...this.intents, held: [...this.intents.held, held] });
      if (saved) return saved;
    }
    const value: Record<string, unknown> = { action: decision.action, why: decision.why };
    if (decision.action === 'hold') value.until = isoInZone(decision.until, this.settings.workTimeZone);
    return { ok: true, value };
  }

  /** The workday "now" belongs to: the span's, else today's local date. */
  private currentWorkday(now: Instant): string {
    return spanAt(now, patternOf(this.settings))?.workday ?? localDate(now, this.settings.workTimeZone);
  }

  /** The workday a shutdown ritual closes now: the one in progress, else the last one that ended today. */
  private closingWorkday(now: Instant): string {
    const pattern = patternOf(this.settings);
    return (
      spanAt(now, pattern)?.workday ??
      lastWorkdayEnded(now, pattern) ??
      localDate(now, this.settings.workTimeZone)
    );
  }

  private shutdownPrompt(workday: string): PromptView {
    const times = shutdownTimes(workday, this.settings);
    const zone = this.settings.workTimeZone;
    return {
      kind: 'shutdown',
      key: `shutdown:${workday}:manual`,
      workday,
      endOfDay: times ? isoInZone(times.end, zone) : null,
      snoozeLimit: times ? isoInZone(times.snoozeLimit, zone) : null,
      windowEnd: null,
    };
  }

  private emit(name: EventName, data: unknown): void {
    this.emitter.fire({ name, data });
  }

  private async deliver(title: string, message: string): Promise<void> {
    const outcome = await this.options.notifier.notify({ title, message });
    if (outcome.delivered) this.runtimeProblems.delete('notifications');
    else {
      this.runtimeProblems.set(
        'notifications',
        `Desktop notifications are not working (${outcome.reason}). Prompts still appear in the Cadence window.`,
      );
    }
  }

  private refresh(cause?: string): void {
    const now = this.options.clock.now();
    const zone = this.options.clock.timeZone();
    if (zone !== this.lastZone) {
      this.lastZone = zone;
      this.emit('settings.changed', this.settings);
    }
    const availability = this.availability(now);
    const prompts = duePrompts(now, this.settings, this.intents, this.calendar(), availability);
    const status = toStatusView(now, availability, prompts, this.problems(), zone);
    const { now: _now, ...comparable } = status;
    const key = JSON.stringify(comparable);
    if (key !== this.lastStatus) {
      this.lastStatus = key;
      this.emit('availability.changed', status);
    }
    this.noticeFocusEnd(now, availability);
    this.raisePrompts(prompts, status.prompts);
    this.deliverHeld(availability);
    if (cause) this.emit('plan.changed', { cause });
    this.scheduler.resync();
  }

  private noticeFocusEnd(now: Instant, availability: Availability): void {
    const previous = this.lastFocus;
    this.lastFocus = availability.focus;
    if (!previous || availability.focus?.id === previous.id) return;
    const block = focusIntervals(this.intents).find((b) => b.id === previous.id);
    if (!block || block.stopped || block.end > now) return;
    const late = now - block.end > 2 * MINUTE;
    const minutes = Math.round((block.end - block.start) / MINUTE);
    const body = late
      ? `Your ${minutes}-minute block ended at ${this.time(block.end)}, while your computer was asleep.`
      : `${minutes} minutes of focus done. Stand up, stretch, look away from the screen.`;
    this.emit('prompt.raised', {
      kind: 'focusEnded',
      key: `focusEnded:${block.id}`,
      workday: localDate(block.start, this.settings.workTimeZone),
      endOfDay: null,
      snoozeLimit: null,
      windowEnd: null,
      endedAt: isoInZone(block.end, this.settings.workTimeZone),
    });
    void this.deliver('Focus block finished', body);
  }

  private raisePrompts(prompts: readonly Prompt[], views: readonly PromptView[]): void {
    const current = new Map(prompts.map((prompt) => [prompt.key, prompt]));
    for (const [key, prompt] of this.raised) {
      if (!current.has(key)) this.emit('prompt.cleared', { kind: prompt.kind, key });
    }
    for (const [index, prompt] of prompts.entries()) {
      if (this.raised.has(prompt.key)) continue;
      this.emit('prompt.raised', views[index]);
      if (prompt.kind === 'lunch')
        void this.deliver(
          'Time for lunch',
          'Step away for a proper break. Start, snooze or skip it in Cadence.',
        );
      else
        void this.deliver(
          'Time to close the day',
          "Wrap up: what got done, what carries over, and tomorrow's top three.",
        );
    }
    this.raised = current;
  }

  private deliverHeld(availability: Availability): void {
    const held = this.intents.held;
    if (!held.length || availability.mode !== 'working') return;
    const now = this.options.clock.now();
    const due = held.filter((item) => Date.parse(item.until) <= now);
    if (!due.length) return;
    if (this.save({ ...this.intents, held: held.filter((item) => !due.includes(item)) })) return;
    for (const item of due) void this.deliver(item.title, item.body);
  }

  dispose(): void {
    this.scheduler.dispose();
    this.emitter.dispose();
  }
}

function defaultTeammateWeek(): Teammate['week'] {
  const day = [{ start: '09:00', end: '17:00' }];
  return { '1': day, '2': day, '3': day, '4': day, '5': day, '6': [], '7': [] };
}
