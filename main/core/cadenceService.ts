import { watchingActivity, withActivity } from '../../shared/afterHours';
import { type Availability, availabilityAt } from '../../shared/availability';
import type { CalendarEvent } from '../../shared/calendar';
import type { Instant } from '../../shared/clockTime';
import { type DocumentCommand, type Handled, isWorldCommand } from '../../shared/commands/command';
import {
  type ApiResult,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type CompanionEvent,
  isCommandName,
  isQueryName,
  type QueryInput,
  type QueryName,
  type QueryResult,
  refusal,
} from '../../shared/contract';
import { plannedAhead } from '../../shared/focusGoal';
import type { Intents } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { StatusView, TeammateView } from '../../shared/statusView';
import { setTimeWriting } from '../../shared/words';
import { Disposable, Emitter } from '../base/lifetime';
import { ActivityWatcher } from './activityWatcher';
import { ChangeTracker } from './changeTracker';
import { answerOnceShown, commandContext, DocumentWriter, runDocumentCommand } from './documentCommands';
import { commitGoalBlocks } from './goalCommits';
import type { NotifyOutcome } from './ports';
import { memberSettings } from './memberSettings';
import { ProblemBoard } from './problemBoard';
import { PromptWatcher } from './promptWatcher';
import { answerQuery, teammateViews } from './queries';
import { Scheduler } from './scheduler';
import type { CadenceServiceOptions, ContactsPort, IntegrationsPort, TeamPort } from './servicePorts';
import { worldCommand } from './worldCommands';
import { nextWake, type Snapshot, snapshotAt, withNudgeNoted } from './serviceSnapshot';

export type { CadenceServiceOptions, IntegrationsPort } from './servicePorts';

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
  private readonly changes: ChangeTracker;
  private readonly board: ProblemBoard;
  private readonly writer: DocumentWriter;
  private integrationsPort: IntegrationsPort | null = null;
  readonly team: TeamPort | null;
  readonly contacts: ContactsPort | null;
  private readonly activity: ActivityWatcher | null;

  constructor(private readonly options: CadenceServiceOptions) {
    super();
    this.board = new ProblemBoard({
      startup: options.startupProblems ?? [],
      documents: [options.settings, options.intents],
      integrations: () => this.integrationsPort?.problems() ?? [],
    });
    this.writer = new DocumentWriter(options, this.board, () => ({
      now: options.clock.now(),
      settings: this.settings,
      calendar: this.calendar(),
    }));
    this.scheduler = this.register(
      new Scheduler(
        options.clock,
        (now) => nextWake(now, this.settings, this.intents, this.calendar()),
        () => this.refresh(),
      ),
    );
    this.prompts = new PromptWatcher({
      notifier: options.notifier,
      emit: (event) => this.emitter.fire(event),
      saveIntents: (next) => this.writer.save(next) === null,
      onNotificationProblem: (problem) => this.board.set('notifications', problem),
    });
    const source = options.activity?.source;
    this.activity = source
      ? this.register(new ActivityWatcher(options.clock, source, (from, to) => this.recordActivity(from, to)))
      : null;
    this.changes = new ChangeTracker(options.clock.timeZone());
    this.team = options.team ?? null;
    this.contacts = options.contacts ?? null;
    // Unregistered on purpose: the follower outlives the service, and its own disposal drops this listener.
    // A changed team file can change when the member is off: everything is derived again.
    this.team?.onDidChange((data) => (this.emitter.fire({ name: 'team.changed', data }), this.refresh()));
    // The times this process writes (teammates' local times, notifications, the tray) as the user chose.
    setTimeWriting(this.settings.locale, this.settings.clock);
  }

  /** The settings, carrying the host's holiday calendar and the team file followed: every pure function sees them. */
  get settings(): Settings {
    return memberSettings(this.options, this.team);
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
  private snapshot(now: Instant, systemZone: string): Snapshot {
    return snapshotAt(now, systemZone, {
      settings: this.settings,
      intents: this.intents,
      calendar: this.calendar(),
      problems: this.problems(),
      activity: this.options.activity,
    });
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
    if (isWorldCommand(name)) return worldCommand(name, input, this, this.options.clock.now());
    if (name === 'notify') {
      const result = this.runTyped('notify', input);
      const shown = this.shown;
      this.shown = null;
      return answerOnceShown(result, shown);
    }
    return this.runTyped(name, input);
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

  private runTyped<C extends DocumentCommand>(name: C, input: unknown): ApiResult<CommandResult<C>> {
    const now = this.options.clock.now();
    const context = commandContext(this.options, now, this.settings, this.intents, this.calendar());
    const ran = runDocumentCommand(name, input, context);
    if (!ran.ok) return ran;
    const failed = this.writer.persist(ran.outcome.intents, ran.outcome.settings);
    if (failed) return failed;
    this.follow(name, ran.outcome, ran.before);
    return { ok: true, value: ran.outcome.value };
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

  /** Activity the watcher saw: kept with the day's records; outside hours it may make the nudge due. */
  private recordActivity(from: Instant, to: Instant): void {
    const intents = this.intents;
    const activity = withActivity(intents.activity, from, to);
    if (activity === intents.activity) return;
    if (this.writer.save({ ...intents, activity }) !== null) return;
    if (this.activity?.isWatching) this.refresh();
  }

  /** Writes down the focus goal's blocks that start within the quarter hour (see goalCommits.ts). */
  private commitGoalBlocks(now: Instant): void {
    const commit = commitGoalBlocks(now, this.settings, this.intents, this.calendar());
    if (commit.kind === 'none') return;
    this.board.set('goal', commit.kind === 'full' ? commit.problem : null);
    if (commit.kind === 'written' && this.writer.save(commit.next) === null)
      this.emitter.fire({ name: 'plan.changed', data: { cause: 'focus.start' } });
  }

  private refresh(cause?: CommandName): void {
    const now = this.options.clock.now();
    this.commitGoalBlocks(now);
    const zone = this.options.clock.timeZone();
    if (this.changes.zone(zone)) this.emitter.fire({ name: 'settings.changed', data: this.settings });
    const { availability, prompts, status } = this.snapshot(now, zone);
    if (this.changes.status(status)) this.emitter.fire({ name: 'availability.changed', data: status });
    this.prompts.observe(now, availability, prompts, status.prompts, this.intents);
    const noted = withNudgeNoted(now, prompts, this.intents);
    if (noted) this.writer.save(noted);
    this.activity?.update(watchingActivity(this.settings, availability, now));
    // The plan ahead (the focus goal's blocks) moves with the calendar: the calendars follow it.
    const aheadChanged = this.changes.ahead(plannedAhead(now, this.settings, this.intents, this.calendar()));
    if (cause || aheadChanged)
      this.emitter.fire({ name: 'plan.changed', data: { cause: cause ?? 'calendar' } });
    this.scheduler.resync();
  }
}
