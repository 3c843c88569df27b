import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type {
  ApiResult,
  CommandInput,
  CommandName,
  CommandResult,
  CompanionEvent,
  QueryInput,
  QueryName,
  QueryResult,
} from '../../../shared/contract';
import type { FirstScreen } from '../../../shared/firstScreen';
import type { DaySummary } from '../../../shared/history';
import type { IntegrationView } from '../../../shared/integrationView';
import type { Settings } from '../../../shared/settings';
import type {
  DayPlanView,
  PromptView,
  StatusView,
  TeammateView,
  TogetherView,
} from '../../../shared/statusView';
import type { TeamView } from '../../../shared/team/teamView';
import type { CompanionBridge, ConnectionState, InputArgs } from '../bridge/bridge';
import { setTimeWriting } from '../../../shared/words';
import { keepForReload, reloadWhenServed, takeResume } from '../reloadWhenServed';
import { userLocale } from '../userLocale';

export type View = 'today' | 'teammates' | 'week' | 'settings';

export type { IntegrationView };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** One thing the user can do about it, e.g. undo what they just did. */
  action?: { label: string; run: () => void };
}

export interface CadenceState {
  connection: ConnectionState;
  status: StatusView | null;
  plan: DayPlanView | null;
  settings: Settings | null;
  /** Settings edited but not yet saved: kept while the user looks at another view. */
  settingsDraft: Settings | null;
  teammates: TeammateView[];
  /** When the whole team is next in working hours together; null until asked, or without teammates. */
  together: TogetherView | null;
  history: DaySummary[] | null;
  integrations: IntegrationView[];
  /** The team file followed (issue #24); null until asked, or where the service follows none. */
  team: TeamView | null;
  view: View;
  ritualOpen: boolean;
  focusEnded: PromptView | null;
  notice: Notice | null;
  /** The core's clock minus this window's clock: the core's time is the one that counts. */
  clockOffset: number;
}

export const initialState: CadenceState = {
  connection: 'connecting',
  status: null,
  plan: null,
  settings: null,
  settingsDraft: null,
  teammates: [],
  together: null,
  history: null,
  integrations: [],
  team: null,
  view: 'today',
  ritualOpen: false,
  focusEnded: null,
  notice: null,
  clockOffset: 0,
};

export const cadenceStore = createStore<CadenceState>()(() => initialState);

export function useCadence<T>(selector: (state: CadenceState) => T): T {
  return useStore(cadenceStore, selector);
}

let bridge: CompanionBridge | null = null;

const set = (patch: Partial<CadenceState>): void => {
  // Every time the window writes follows the user's locale and 12/24-hour choice.
  if (patch.settings) setTimeWriting(userLocale(patch.settings.locale), patch.settings.clock);
  const status = patch.status;
  cadenceStore.setState(status ? { ...patch, clockOffset: Date.parse(status.now) - Date.now() } : patch);
};

const appliedRequest = new Map<string, number>();
let requests = 0;

/**
 * Applies a query's answer unless the answer to a later request for the same thing is already shown:
 * answers can overtake each other, and an older one must never replace a newer one.
 */
async function load<T>(key: string, result: Promise<ApiResult<T>>, apply: (value: T) => void): Promise<void> {
  const id = ++requests;
  const outcome = await result;
  if (!outcome.ok || (appliedRequest.get(key) ?? 0) > id) return;
  appliedRequest.set(key, id);
  apply(outcome.value);
}

export async function refreshStatus(): Promise<void> {
  if (!bridge) return;
  await Promise.all([
    load('status', bridge.query('status'), (status) => set({ status })),
    load('plan', bridge.query('plan'), (plan) => set({ plan })),
  ]);
}

export async function refreshTeammates(): Promise<void> {
  if (!bridge) return;
  await Promise.all([
    load('teammates', bridge.query('teammates'), (teammates) => set({ teammates })),
    load('teammates.together', bridge.query('teammates.together'), (together) => set({ together })),
  ]);
}

export async function refreshSettings(): Promise<void> {
  if (bridge) await load('settings', bridge.query('settings'), (settings) => set({ settings }));
}

export async function refreshHistory(from: string, to: string): Promise<void> {
  if (bridge) await load('history', bridge.query('history', { from, to }), (history) => set({ history }));
}

export async function refreshIntegrations(): Promise<void> {
  if (bridge)
    await load('integrations', bridge.query('integrations'), (integrations) => set({ integrations }));
}

export async function refreshTeam(): Promise<void> {
  if (bridge) await load('team', bridge.query('team'), (team) => set({ team }));
}

/** Everything the window shows; teammates only once their view has been opened (the list can be long). */
export async function refreshAll(): Promise<void> {
  const teammates = cadenceStore.getState().view === 'teammates' ? [refreshTeammates()] : [];
  await Promise.all([refreshStatus(), refreshSettings(), refreshIntegrations(), refreshTeam(), ...teammates]);
}

/** Runs a command; a refusal becomes a notice in the user's words, and the caller gets the result. */
/** One query's answer, for a part of the window that keeps it to itself (the record of contacts). */
export function ask<Q extends QueryName>(
  name: Q,
  ...input: InputArgs<QueryInput<Q>>
): Promise<ApiResult<QueryResult<Q>>> {
  if (!bridge)
    return Promise.resolve({ ok: false, error: 'offline', message: 'Not connected to Cadence yet.' });
  return bridge.query(name, ...input);
}

export async function run<C extends CommandName>(
  name: C,
  ...input: InputArgs<CommandInput<C>>
): Promise<ApiResult<CommandResult<C>>> {
  if (!bridge) return { ok: false, error: 'offline', message: 'Not connected to Cadence yet.' };
  const result = await bridge.command(name, ...input);
  if (!result.ok && name !== 'settings.update') set({ notice: { kind: 'error', text: result.message } });
  if (result.ok) set({ notice: null });
  await refreshStatus();
  keepFocusOnPage();
  return result;
}

/**
 * After an action the keyboard focus is never left on the page body (as it is when the pressed button
 * went away, e.g. "Focus 25 min" once focus runs): it lands on the open dialog's or the view's heading.
 */
function keepFocusOnPage(): void {
  if (typeof document === 'undefined' || typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target = document.querySelector<HTMLElement>('[role="dialog"] h2, main h1, main h2');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  });
}

export function showView(view: View): void {
  set({ view });
  if (view === 'teammates') void refreshTeammates();
}

/** Keeps the settings being edited (null: none, the saved ones are shown). */
export function editSettings(settingsDraft: Settings | null): void {
  set({ settingsDraft });
}

/** The draft became the settings: shown at once, without waiting for the service's event. */
export function settingsSaved(settings: Settings): void {
  set({ settings, settingsDraft: null });
}

export function openRitual(open: boolean): void {
  set({ ritualOpen: open });
}

/** Says something in the notice area (an answer to what the user just did). */
export function showNotice(notice: Notice): void {
  set({ notice });
}

export function dismissNotice(): void {
  set({ notice: null, focusEnded: null });
}

function onEvent(event: CompanionEvent): void {
  switch (event.name) {
    case 'availability.changed':
      set({ status: event.data });
      void refreshStatus();
      break;
    case 'plan.changed':
      void refreshStatus();
      break;
    case 'prompt.raised': {
      const prompt = event.data;
      if (prompt.kind === 'focusEnded') set({ focusEnded: prompt });
      if (prompt.kind === 'shutdown' && prompt.key.endsWith(':manual')) set({ ritualOpen: true });
      void refreshStatus();
      break;
    }
    case 'prompt.cleared':
      void refreshStatus();
      break;
    case 'teammates.changed':
      void refreshTeammates();
      break;
    case 'integration.health.changed':
      set({ integrations: event.data });
      if (cadenceStore.getState().view === 'teammates') void refreshTeammates();
      break;
    case 'team.changed':
      set({ team: event.data });
      // The day's core hours come with the plan.
      void refreshStatus();
      break;
    case 'settings.changed':
      set({ settings: event.data });
      void refreshStatus();
      if (cadenceStore.getState().view === 'teammates') void refreshTeammates();
      break;
  }
}

/**
 * Connects the store to a bridge: events in, a full refresh on every (re)connection. With the first
 * screen's data the page came with, the day is shown from it at once instead of asked for.
 */
const VIEW_NAMES: readonly string[] = ['today', 'teammates', 'week', 'settings'] satisfies View[];

/**
 * Code of the window failed to load (Cadence was stopped meanwhile): the page reloads itself once
 * Cadence answers, back on this view with settings edited and not yet saved (see reloadWhenServed).
 */
export function reloadForMissingCode(): void {
  reloadWhenServed(() => {
    const { view, settingsDraft } = cadenceStore.getState();
    keepForReload({ view, settingsDraft });
  });
}

/** Puts back what the page kept before it reloaded itself; the service still checks any draft saved. */
function resume(): void {
  const kept = takeResume();
  if (typeof kept !== 'object' || kept === null) return;
  const { view, settingsDraft } = kept as { view?: unknown; settingsDraft?: unknown };
  if (typeof view === 'string' && VIEW_NAMES.includes(view)) set({ view: view as View });
  if (typeof settingsDraft === 'object' && settingsDraft !== null)
    set({ settingsDraft: settingsDraft as Settings });
}

export function connect(next: CompanionBridge, first: FirstScreen | null = null): () => void {
  bridge = next;
  resume();
  if (first) {
    const { status, plan, settings, integrations } = first;
    set({ status, plan, settings, integrations });
  } else {
    // Ask for the day at once; the event socket may still be opening.
    void refreshStatus();
    void refreshSettings();
  }
  const offEvents = next.onEvent(onEvent);
  const offConnection = next.onConnection((connection) => {
    set({ connection });
    if (connection === 'open') void refreshAll();
  });
  return () => {
    offEvents();
    offConnection();
    bridge = null;
  };
}
