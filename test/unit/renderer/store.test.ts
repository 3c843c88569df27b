import { beforeEach, describe, expect, it } from 'vitest';
import type { CompanionBridge, ConnectionState } from '../../../renderer/src/bridge/bridge';
import { cadenceStore, connect, initialState, run, showView } from '../../../renderer/src/store/store';
import type {
  ApiResult,
  CommandName,
  CommandResult,
  CompanionEvent,
  QueryName,
  QueryResult,
} from '../../../shared/contract';
import type { PromptView, StatusView } from '../../../shared/statusView';

/** A bridge whose answers the test controls: no network, no DOM. */
class FakeBridge implements CompanionBridge {
  readonly queries: string[] = [];
  readonly commands: string[] = [];
  answers = new Map<string, unknown>();
  /** Queries held back until released, to let a later answer overtake an earlier one. */
  held: { name: string; release: () => void }[] = [];
  hold = false;
  private events = new Set<(event: CompanionEvent) => void>();
  private connections = new Set<(state: ConnectionState) => void>();

  async query<Q extends QueryName>(name: Q, ..._input: unknown[]): Promise<ApiResult<QueryResult<Q>>> {
    this.queries.push(name);
    const value = this.answers.get(name) as QueryResult<Q>;
    if (this.hold) await new Promise<void>((resolve) => this.held.push({ name, release: resolve }));
    return { ok: true, value };
  }

  async command<C extends CommandName>(name: C, ..._input: unknown[]): Promise<ApiResult<CommandResult<C>>> {
    this.commands.push(name);
    return name === 'focus.stop'
      ? { ok: false, error: 'conflict', message: 'No focus block is running.' }
      : { ok: true, value: null as CommandResult<C> };
  }

  onEvent(listener: (event: CompanionEvent) => void) {
    this.events.add(listener);
    return () => this.events.delete(listener);
  }

  onConnection(listener: (state: ConnectionState) => void) {
    this.connections.add(listener);
    return () => this.connections.delete(listener);
  }

  emit(event: CompanionEvent): void {
    for (const listener of this.events) listener(event);
  }

  setConnection(state: ConnectionState): void {
    for (const listener of this.connections) listener(state);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const status = (mode: StatusView['mode'], now: string): StatusView => ({
  mode,
  reason: mode === 'off' ? 'afterHours' : mode,
  since: null,
  until: null,
  now,
  focus: null,
  meeting: null,
  lunch: null,
  nextWorkStart: null,
  workday: null,
  next: null,
  prompts: [],
  problems: [],
  timeZone: 'UTC',
  systemTimeZone: 'UTC',
  activitySource: 'Not measured.',
});
const prompt = (kind: PromptView['kind'], key: string): PromptView => ({
  kind,
  key,
  workday: '2026-11-25',
  endOfDay: null,
  snoozeLimit: null,
  windowEnd: null,
});

let bridge: FakeBridge;
let disconnect: () => void;
beforeEach(() => {
  disconnect?.();
  cadenceStore.setState(initialState, true);
  bridge = new FakeBridge();
  bridge.answers.set('status', status('working', new Date().toISOString()));
  disconnect = connect(bridge);
});

describe('the window store', () => {
  it('asks for the day at once and refreshes everything on every (re)connection', async () => {
    await flush();
    expect(bridge.queries.sort()).toEqual(['plan', 'settings', 'status']);
    bridge.queries.length = 0;
    bridge.setConnection('open');
    await flush();
    expect(bridge.queries.sort()).toEqual(['integrations', 'plan', 'settings', 'status', 'team']);
    bridge.setConnection('lost');
    expect(cadenceStore.getState().connection).toBe('lost');
  });

  it('keeps the team file followed as the core says it changed (the notice shown until seen)', () => {
    const team = {
      address: 'https://example.com/team.json',
      team: { name: 'Platform team' },
      readAt: null,
      checkedAt: null,
      error: null,
      problems: [],
      notice: { lines: ['Quiet hours now start at 18:00'], at: new Date().toISOString() },
      summary: ['Team: Platform team'],
    };
    bridge.emit({ name: 'team.changed', data: team });
    expect(cadenceStore.getState().team).toEqual(team);
  });

  it('takes the core’s clock as the one that counts', async () => {
    bridge.emit({
      name: 'availability.changed',
      data: status('focus', new Date(Date.now() + 3_600_000).toISOString()),
    });
    expect(cadenceStore.getState().status?.mode).toBe('focus');
    expect(Math.round(cadenceStore.getState().clockOffset / 60_000)).toBe(60);
  });

  it('keeps the newest answer when an older one arrives late', async () => {
    await flush();
    bridge.hold = true;
    bridge.answers.set('status', status('working', new Date().toISOString()));
    const first = run('focus.start');
    await flush();
    bridge.answers.set('status', status('focus', new Date().toISOString()));
    const second = run('focus.extend', { minutes: 10 });
    await flush();
    const statusQueries = bridge.held.filter((h) => h.name === 'status');
    statusQueries[1]!.release();
    await flush();
    statusQueries[0]!.release();
    for (const h of bridge.held) h.release();
    await Promise.all([first, second]);
    expect(cadenceStore.getState().status?.mode).toBe('focus');
  });

  it('turns a refusal into a notice in the core’s words', async () => {
    await run('focus.stop');
    expect(cadenceStore.getState().notice).toEqual({ kind: 'error', text: 'No focus block is running.' });
    await run('focus.start');
    expect(cadenceStore.getState().notice).toBeNull();
  });

  it('loads teammates only once their view is opened', async () => {
    bridge.setConnection('open');
    await flush();
    expect(bridge.queries).not.toContain('teammates');
    showView('teammates');
    await flush();
    expect(bridge.queries).toContain('teammates');
  });

  it('opens the shutdown ritual when the tray asks for it, and notes a finished block', () => {
    bridge.emit({ name: 'prompt.raised', data: prompt('shutdown', 'shutdown:2026-11-25:manual') });
    expect(cadenceStore.getState().ritualOpen).toBe(true);
    bridge.emit({ name: 'prompt.raised', data: prompt('focusEnded', 'focusEnded:x') });
    expect(cadenceStore.getState().focusEnded?.key).toBe('focusEnded:x');
  });
});
