import { setTimeWriting } from '../../shared/words';
import { randomUUID } from 'node:crypto';
import { type Availability, availabilityAt } from '../../shared/availability';
import type { CalendarEvent } from '../../shared/calendar';
import { type Instant, localDate } from '../../shared/clockTime';
import { nextUp } from '../../shared/dayPlan';
import { goalBlocksDue, nextGoalCommit, plannedAhead, userGoalPlan } from '../../shared/focusGoal';
import {
  type CommandContext,
  type DocumentCommand,
  type Handled,
  type HandlerOutcome,
  type IntegrationCommand,
  isIntegrationCommand,
} from '../../shared/commands/command';
import { commandHandlers } from '../../shared/commands/commandTable';
import {
  type ApiResult,
  type CommandInput,
  commandInputSchemas,
  type CommandName,
  type CommandResult,
  type CompanionEvent,
  isCommandName,
  isQueryName,
  issuesOf,
  type QueryInput,
  type QueryName,
  type QueryResult,
  refusal,
} from '../../shared/contract';
import { type Intents, type Teammate, unstorable } from '../../shared/intents';
import type { IntegrationView, ProviderId } from '../../shared/integrationView';
import { duePrompts, nextDeadline, type Prompt } from '../../shared/prompts';
import { compactIntents } from '../../shared/retention';
import type { Settings } from '../../shared/settings';
import { type StatusView, toStatusView, type TeammateView } from '../../shared/statusView';
import { type HolidaySource, withHolidays } from '../../shared/workPattern';
import type { DocumentStore } from './documentStore';
import type { ZodError } from 'zod';
import { Disposable, Emitter, type IDisposable } from '../base/lifetime';
import type { ActivityProbe, Clock, Notifier, NotifyOutcome } from './ports';
import { ProblemBoard } from './problemBoard';
import { PromptWatcher } from './promptWatcher';
import { answerQuery, teammateViews } from './queries';
import { Scheduler } from './scheduler';
import { ActivityWatcher } from './activityWatcher';
import { watchingActivity, withActivity } from '../../shared/afterHours';

export interface CadenceServiceOptions {
  clock: Clock;
  settings: DocumentStore<Settings>;
  intents: DocumentStore<Intents>;
  notifier: Notifier;
  calendar?: () => readonly CalendarEvent[];
  /** Public holidays by country, region and year; without it, no date is a holiday. */
  holidays?: HolidaySource;
  /** Whether a public holiday calendar exists for a country (and region); none by default. */
  knowsHolidays?: (country: string, region: string | null) => boolean;
  newId?: () => string;
  /** What the host found wrong while starting (a token file others could read), shown in `status`. */
  startupProblems?: readonly string[];
  /** How the host sees activity at the machine (outside working hours only), or why it cannot. */
  activity?: ActivityProbe;
}

/** What the service needs from the connected services (main/core/integrations.ts). */
export interface IntegrationsPort {
  connect(id: ProviderId): Promise<ApiResult<{ startUrl: string; authorizeUrl: string }>>;
  configure(id: ProviderId, setting: { clientId: string; clientSecret?: string }): ApiResult<IntegrationView>;
  disconnect(id: ProviderId): ApiResult<null>;
  unconfigure(id: ProviderId): ApiResult<IntegrationView>;
  list(): IntegrationView[];
  problems(): string[];
  /** Reads the connected calendars again if the last read is older than `maxAgeMs`. */
  refreshIfStale?(maxAgeMs: number): void;
  calendar(): readonly CalendarEvent[];
  teammates(): readonly Teammate[];
  enrich(teammate: Teammate): Teammate;
  readonly onDidChange: (listener: () => void) => IDisposable;
}

/** No calendar: one empty list, so what is derived from the calendar can tell it has not changed. */
const NO_EVENTS: readonly CalendarEvent[] = [];

/** How old the calendars may be when a window opens before they are read again. */
const CALENDAR_FRESH_MS = 60_000;

/**
 * The Cadence core: runs the pure command handlers, then persists, schedules and emits. Hosted by
 * headless mode and by Electron alike.
 */
export class CadenceService extends Disposable {
  private readonly emitter = this.register(new Emitter<CompanionEvent>());
  readonly onEvent = this.emitter.event;
  private readonly scheduler: Scheduler;
  private readonly prompts: PromptWatcher;
  /** The desktop's answer to the notification the command being run asked for. */
  private shown: Promise<NotifyOutcome> | null = null;
  private lastStatus = '';
  private lastPlannedAhead = '';
  private lastZone: string;
  private readonly board: ProblemBoard;
  private integrationsPort: IntegrationsPort | null = null;
  private readonly activity: ActivityWatcher | null;

  constructor(private readonly options: CadenceServiceOptions) {
    super();
    this.board = new ProblemBoard({
      startup: options.startupProblems ?? [],
      documents: [options.settings, options.intents],
      integrations: () => this.integrationsPort?.problems() ?? [],
    });
    this.scheduler = this.register(
      new Scheduler(
        options.clock,
        (now) => {
          const deadline = nextDeadline(now, this.settings, this.intents, this.calendar());
          const commit = nextGoalCommit(userGoalPlan(now, this.settings, this.intents, this.calendar()), now);
          return commit === null ? deadline : deadline === null ? commit : Math.min(deadline, commit);
        },
        () => this.refresh(),
      ),
    );
    this.prompts = new PromptWatcher({
      notifier: options.notifier,
      emit: (event) => this.emitter.fire(event),
      saveIntents: (next) => this.save(next) === null,
      onNotificationProblem: (problem) => this.board.set('notifications', problem),
    });
    const source = options.activity?.source;
    this.activity = source
      ? this.register(new ActivityWatcher(options.clock, source, (from, to) => this.recordActivity(from, to)))
      : null;
    this.lastZone = options.clock.timeZone();
    // The times this process writes (teammates' local times, notifications, the tray) as the user chose.
    setTimeWriting(this.settings.locale, this.settings.clock);
  }

  /** The settings, carrying the holiday calendar the host gave: every pure function sees the same holidays. */
  get settings(): Settings {
    const settings = this.options.settings.value;
    return this.options.holidays ? withHolidays(settings, this.options.holidays) : settings;
  }

  get intents(): Intents {
    return this.options.intents.value;
  }

  get integrations(): IntegrationsPort | null {
    return this.integrationsPort;
  }

  calendar(): readonly CalendarEvent[] {
    return this.integrationsPort?.calendar() ?? this.options.calendar?.() ?? NO_EVENTS;
  }

  /** Connects the services; their health changes are pushed to clients as events. */
  attachIntegrations(integrations: IntegrationsPort): void {
    this.integrationsPort = integrations;
    this.register(
      integrations.onDidChange(() => {
        this.emitter.fire({ name: 'integration.health.changed', data: integrations.list() });
        this.refresh();
      }),
    );
  }

  /** A window was opened or a client connected: what it shows should be fresh, the calendars included. */
  clientArrived(): void {
    this.integrationsPort?.refreshIfStale?.(CALENDAR_FRESH_MS);
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

  /** A few bounded lines, the rest counted (with every status and event); problemDetails() has them all. */
  problems(): string[] {
    return this.board.summary();
  }

  problemDetails(): string[] {
    return this.board.details();
  }

  status(): StatusView {
    const { now, systemZone } = this.moment();
    return this.snapshot(now, systemZone).status;
  }

  /** Where the user stands at `now`: the availability, the prompts due and the view clients get. */
  private snapshot(now: Instant, systemZone: string) {
    const availability = this.availability(now);
    const prompts = duePrompts(now, this.settings, this.intents, this.calendar(), availability);
    // What comes next matters while working; off, the headline says when work resumes instead.
    const next =
      availability.mode === 'working'
        ? nextUp(
            now,
            availability.until,
            localDate(now, this.settings.workTimeZone),
            this.settings,
            this.intents,
            this.calendar(),
          )
        : null;
    const status = toStatusView(
      now,
      availability,
      prompts,
      this.problems(),
      systemZone,
      next,
      this.activityWords(),
    );
    return { availability, prompts, status };
  }

  teammates(): TeammateView[] {
    return teammateViews(this, this.options.clock.now());
  }

  /** A command that changes Cadence's own documents, typed end to end; it answers at once. */
  execute<C extends DocumentCommand>(name: C, input: CommandInput<C>): ApiResult<CommandResult<C>> {
    return this.runTyped(name, input);
  }

  /** Any command, typed end to end; the sign-in commands answer once the sign-in has begun. */
  command<C extends CommandName>(name: C, input: CommandInput<C>): Promise<ApiResult<CommandResult<C>>>;
  async command(name: CommandName, input: unknown): Promise<ApiResult<CommandResult<CommandName>>> {
    return this.handleCommand(name, input);
  }

  /**
   * A command from a transport (local API, IPC), untrusted: the name and the input are checked against
   * the contract. Commands on Cadence's own documents answer at once, the sign-in commands later.
   */
  handleCommand(
    name: string,
    input: unknown,
  ): ApiResult<CommandResult<CommandName>> | Promise<ApiResult<CommandResult<CommandName>>> {
    if (!isCommandName(name)) return refusal('unknown_command', `There is no command called "${name}".`);
    if (isIntegrationCommand(name)) return this.integrationCommand(name, input);
    if (name === 'notify') return this.notifyCommand(input);
    return this.runTyped(name, input);
  }

  /** A message let through answers once the desktop showed it or said why not: "Delivered" is never a guess. */
  private notifyCommand(
    input: unknown,
  ): ApiResult<CommandResult<'notify'>> | Promise<ApiResult<CommandResult<'notify'>>> {
    const result = this.runTyped('notify', input);
    const shown = this.shown;
    this.shown = null;
    if (!result.ok || !shown || result.value.action !== 'deliver') return result;
    const value = result.value;
    return shown.then((outcome) =>
      outcome.delivered ? result : { ok: true, value: { ...value, notShown: outcome.reason } },
    );
  }

  /** A query, typed end to end. */
  query<Q extends QueryName>(name: Q, input?: QueryInput<Q>): ApiResult<QueryResult<Q>>;
  query(name: QueryName, input?: unknown): ApiResult<QueryResult<QueryName>> {
    return answerQuery(this, name, input, this.moment());
  }

  /** A query from a transport, untrusted: the name and input are checked here. */
  handleQuery(name: string, input: unknown): ApiResult<QueryResult<QueryName>> {
    if (!isQueryName(name)) return refusal('unknown_query', `There is no query called "${name}".`);
    return answerQuery(this, name, input, this.moment());
  }

  private moment(): { now: Instant; systemZone: string } {
    return { now: this.options.clock.now(), systemZone: this.options.clock.timeZone() };
  }

  private async integrationCommand(
    name: IntegrationCommand,
    input: unknown,
  ): Promise<ApiResult<CommandResult<IntegrationCommand>>> {
    const integrations = this.integrationsPort;
    const invalid = (error: ZodError) =>
      refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(error));
    const data = input === undefined ? {} : input;
    if (name === 'integration.configure') {
      const parsed = commandInputSchemas[name].safeParse(data);
      if (!parsed.success) return invalid(parsed.error);
      if (!integrations) return refusal('not_available', 'Integrations are not available in this build.');
      const { provider, clientId, clientSecret } = parsed.data;
      return integrations.configure(provider, { clientId, ...(clientSecret ? { clientSecret } : {}) });
    }
    const parsed = commandInputSchemas[name].safeParse(data);
    if (!parsed.success) return invalid(parsed.error);
    if (!integrations) return refusal('not_available', 'Integrations are not available in this build.');
    const provider = parsed.data.provider;
    if (name === 'integration.unconfigure') return integrations.unconfigure(provider);
    return name === 'integration.connect'
      ? integrations.connect(provider)
      : integrations.disconnect(provider);
  }

  private runTyped<C extends DocumentCommand>(name: C, input: unknown): ApiResult<CommandResult<C>> {
    const parsed = commandInputSchemas[name].safeParse(input === undefined ? {} : input);
    if (!parsed.success)
      return refusal('invalid_input', `The ${name} command's input is not valid.`, issuesOf(parsed.error));
    const handler = commandHandlers[name];
    const context = this.context();
    const outcome: HandlerOutcome<CommandResult<C>> = handler(context, parsed.data);
    if (!outcome.ok) return outcome;
    const problem = outcome.intents ? unstorable(context.intents, outcome.intents) : null;
    if (problem) return refusal('invalid_input', `That was not saved: ${problem}`);
    const failed = this.persist(outcome.intents, outcome.settings);
    if (failed) return failed;
    this.follow(name, outcome, context.intents);
    return { ok: true, value: outcome.value };
  }

  private context(): CommandContext {
    return {
      intents: this.intents,
      settings: this.settings,
      now: this.options.clock.now(),
      calendar: this.calendar(),
      newId: this.options.newId ?? (() => randomUUID().slice(0, 12)),
      knowsHolidays: this.options.knowsHolidays ?? (() => false),
    };
  }

  private persist(intents: Intents | undefined, settings: Settings | undefined): ApiResult<never> | null {
    if (settings) {
      try {
        this.options.settings.write(settings);
      } catch (error) {
        return refusal(
          'storage',
          `Could not save your settings: ${(error as Error).message}. Nothing was changed.`,
        );
      }
    }
    return intents ? this.save(intents) : null;
  }

  private save(next: Intents): ApiResult<never> | null {
    try {
      this.options.intents.write(
        compactIntents(next, this.options.clock.now(), this.settings, this.calendar()),
      );
      this.board.set('storage', null);
      return null;
    } catch (error) {
      const message = `Could not save your data: ${(error as Error).message}. Nothing was changed.`;
      this.board.set('storage', message);
      return refusal('storage', message);
    }
  }

  /** What follows a command once its documents are saved: events, prompts, notifications, a new timer. */
  private follow(name: DocumentCommand, outcome: Handled<unknown>, before: Intents): void {
    const { effects = [], intents, settings } = outcome;
    for (const effect of effects) {
      if (effect.kind === 'prompt') this.emitter.fire({ name: 'prompt.raised', data: effect.prompt });
      else this.shown = this.prompts.deliver(effect.title, effect.body);
    }
    if (settings) {
      setTimeWriting(settings.locale, settings.clock);
      this.emitter.fire({ name: 'settings.changed', data: settings });
    }
    if (intents && intents.teammates !== before.teammates)
      this.emitter.fire({ name: 'teammates.changed', data: null });
    this.refresh(name);
  }

  /** A problem of the desktop shell (a shortcut taken, launch at login refused), shown until cleared. */
  reportHostProblem(key: string, problem: string | null): void {
    if (this.board.get(`host:${key}`) === problem) return;
    this.board.set(`host:${key}`, problem);
    this.refresh();
  }

  /** How activity outside working hours is seen, in words for the window. */
  private activityWords(): string {
    const probe = this.options.activity;
    if (!this.settings.afterHours.measure) return 'Not measured: turned off in Settings.';
    if (!probe) return 'Not measured: this way of running Cadence has no way to see activity.';
    if (!probe.source) return `Not measured: ${probe.reason}.`;
    return `Seen through ${probe.source.description}: idle time only outside working hours (locking, unlocking and sleep whenever they happen), kept on this machine.`;
  }

  /** The after-hours nudge, once shown, is kept as shown: it stays, and never notifies again that evening. */
  private noteNudgeShown(now: Instant, prompts: readonly Prompt[]): void {
    const nudge = prompts.find((prompt) => prompt.kind === 'afterHours');
    const intents = this.intents;
    if (!nudge || intents.nudges.some((shown) => shown.date === nudge.workday)) return;
    this.save({
      ...intents,
      nudges: [...intents.nudges, { date: nudge.workday, at: new Date(now).toISOString() }],
    });
  }

  /** Activity the watcher saw: kept with the day's records; outside hours it may make the nudge due. */
  private recordActivity(from: Instant, to: Instant): void {
    const intents = this.intents;
    const activity = withActivity(intents.activity, from, to);
    if (activity === intents.activity) return;
    if (this.save({ ...intents, activity }) !== null) return;
    if (this.activity?.isWatching) this.refresh();
  }

  /** Writes down the focus goal's blocks that start within the quarter hour (see goalBlocksDue). */
  private commitGoalBlocks(now: Instant): void {
    const intents = this.intents;
    const due = goalBlocksDue(userGoalPlan(now, this.settings, intents, this.calendar()), now, intents);
    if (!due.length) return;
    const written = due.map((block) => ({
      id: block.key,
      startAt: new Date(block.start).toISOString(),
      plannedMinutes: Math.round((block.end - block.start) / 60_000),
    }));
    // With a one-click prompt, the block is held in place as an offer; it starts when the user says so.
    const next =
      this.settings.focusGoal.start === 'prompt'
        ? {
            ...intents,
            goalOffers: [
              ...intents.goalOffers,
              ...written.map(({ id, ...offer }) => ({ key: id, ...offer })),
            ],
          }
        : { ...intents, focus: [...intents.focus, ...written] };
    const full = unstorable(intents, next);
    this.board.set('goal', full && `The focus goal's next block did not start: ${full}`);
    if (!full && this.save(next) === null)
      this.emitter.fire({ name: 'plan.changed', data: { cause: 'focus.start' } });
  }

  private refresh(cause?: CommandName): void {
    const now = this.options.clock.now();
    this.commitGoalBlocks(now);
    const zone = this.options.clock.timeZone();
    if (zone !== this.lastZone) {
      this.lastZone = zone;
      this.emitter.fire({ name: 'settings.changed', data: this.settings });
    }
    const { availability, prompts, status } = this.snapshot(now, zone);
    const { now: _now, ...comparable } = status;
    const key = JSON.stringify(comparable);
    if (key !== this.lastStatus) {
      this.lastStatus = key;
      this.emitter.fire({ name: 'availability.changed', data: status });
    }
    this.prompts.observe(now, availability, prompts, status.prompts, this.intents);
    this.noteNudgeShown(now, prompts);
    this.activity?.update(watchingActivity(this.settings, availability, now));
    // The plan ahead (the focus goal's blocks) moves with the calendar: the calendars follow it.
    const ahead = JSON.stringify(plannedAhead(now, this.settings, this.intents, this.calendar()));
    const aheadChanged = ahead !== this.lastPlannedAhead;
    this.lastPlannedAhead = ahead;
    if (cause || aheadChanged)
      this.emitter.fire({ name: 'plan.changed', data: { cause: cause ?? 'calendar' } });
    this.scheduler.resync();
  }
}
