import { HOUR, isoInZone } from '../../shared/clockTime';
import { checkTeamText } from '../../shared/team/teamCheck';
import type { TeamFile } from '../../shared/team/teamFile';
import { EMPTY_TEAM_STATE, type TeamState, type TeamView } from '../../shared/team/teamView';
import { teamChanges, teamSummary } from '../../shared/team/teamWords';
import { Disposable, Emitter, type IDisposable, onUnexpectedError } from '../base/lifetime';
import type { DocumentStore } from './documentStore';
import type { Clock, Notifier } from './ports';
import { readTeamAddress, type TeamRead } from './teamReader';

/** How often the team file is read again, besides at start and when its address changes. */
export const TEAM_READ_EVERY_MS = 3 * HOUR;
/** How many lines of unseen change notices are kept. */
const NOTICE_LINES = 20;

export interface TeamFollowerOptions {
  clock: Clock;
  /** team.json in the data folder: the last good copy and how the last read went. */
  store: DocumentStore<TeamState>;
  /** The address in the member's settings, or null when they follow no team file. */
  address: () => string | null;
  notifier?: Notifier;
  read?: (address: string, etag: string | null, signal: AbortSignal) => Promise<TeamRead>;
}

/**
 * Follows the team's file: reads it at start, every few hours and when its address changes, keeps the last
 * good copy for offline use, and says what changed once. A failed or invalid read changes nothing but the
 * words of why and when it was tried.
 */
export class TeamFollower extends Disposable {
  private readonly changed = this.register(new Emitter<TeamView>());
  readonly onDidChange = this.changed.event;
  private timer: IDisposable | null = null;
  private running: Promise<TeamView> | null = null;
  private readonly abort = new AbortController();
  private disposed = false;

  constructor(private readonly options: TeamFollowerOptions) {
    super();
  }

  private get state(): TeamState {
    return this.options.store.value;
  }

  /** The team file followed, as the window and the CLI show it. */
  view(): TeamView {
    const { etag: _etag, ...state } = this.state;
    const address = this.options.address();
    // A copy read from another address than the one now set is not followed.
    if (state.address !== address)
      return {
        ...EMPTY_TEAM_STATE,
        address,
        checkedAt: state.checkedAt,
        error: state.error,
        problems: state.problems,
        summary: [],
      };
    return { ...state, summary: state.team ? teamSummary(state.team) : [] };
  }

  /** The team followed, when there is a good copy of the file at the address set. */
  get team(): TeamFile | null {
    return this.state.address === this.options.address() ? this.state.team : null;
  }

  start(): void {
    void this.refresh();
  }

  /** The settings changed: a new address is read at once; no address stops following. */
  settingsChanged(): void {
    const address = this.options.address();
    if (address === null && this.state.address !== null) this.save(EMPTY_TEAM_STATE);
    // A read of the old address under way is let finish (it is not kept); the new one is read after it.
    else if (address !== null && address !== this.state.address)
      void (this.running ?? Promise.resolve()).then(() => this.refresh());
  }

  /** Reads the file now; a read under way is awaited rather than doubled. */
  refresh(): Promise<TeamView> {
    this.running ??= this.readOnce().finally(() => {
      this.running = null;
      this.arm();
    });
    return this.running;
  }

  noticeSeen(): TeamView {
    if (this.state.notice) this.save({ ...this.state, notice: null });
    return this.view();
  }

  private async readOnce(): Promise<TeamView> {
    const address = this.options.address();
    if (address === null) return this.view();
    const sameAddress = this.state.address === address;
    let read: TeamRead;
    try {
      read = await (this.options.read ?? readTeamAddress)(
        address,
        sameAddress ? this.state.etag : null,
        this.abort.signal,
      );
    } catch (error) {
      onUnexpectedError(error);
      read = { kind: 'failed', error: `Could not read ${address}: ${(error as Error).message}` };
    }
    if (this.disposed || this.options.address() !== address) return this.view();
    const now = isoInZone(this.options.clock.now(), this.options.clock.timeZone());
    this.save(this.after(read, address, sameAddress, now));
    return this.view();
  }

  /** The state after one read: only a good file changes the copy. */
  private after(read: TeamRead, address: string, sameAddress: boolean, now: string): TeamState {
    const state = this.state;
    if (read.kind === 'unchanged' && sameAddress && state.team)
      return { ...state, readAt: now, checkedAt: now, error: null, problems: [] };
    if (read.kind === 'failed' || read.kind === 'unchanged')
      return {
        ...state,
        checkedAt: now,
        problems: [],
        error:
          read.kind === 'failed'
            ? read.error
            : `${address} said the file was unchanged, but Cadence has no copy of it yet`,
      };
    const check = checkTeamText(read.text);
    if (!check.ok) {
      const count = check.problems.length;
      const kept =
        sameAddress && state.team
          ? 'Cadence keeps following the last good copy'
          : 'Cadence follows nothing from it until it is fixed';
      return {
        ...state,
        checkedAt: now,
        error: `The team file at ${address} has ${count} problem${count === 1 ? '' : 's'}: ${kept}. \`cadence team check\` on the file lists them.`,
        problems: check.problems.slice(0, 200),
      };
    }
    const changes = sameAddress && state.team ? teamChanges(state.team, check.team) : [];
    const notice = changes.length
      ? { lines: [...(state.notice?.lines ?? []), ...changes].slice(-NOTICE_LINES), at: now }
      : sameAddress
        ? state.notice
        : null;
    if (changes.length) this.announce(check.team, changes);
    return {
      address,
      team: check.team,
      etag: read.etag,
      readAt: now,
      checkedAt: now,
      error: null,
      problems: [],
      notice,
    };
  }

  /** The change said once on the desktop as well; the window and `cadence status` show it until seen. */
  private announce(team: TeamFile, changes: readonly string[]): void {
    void this.options.notifier?.notify({
      title: `${team.name ?? 'Your team'} changed its agreement`,
      message: changes.join('\n'),
    });
  }

  private save(next: TeamState): void {
    try {
      this.options.store.write(next);
    } catch (error) {
      onUnexpectedError(error);
      return;
    }
    this.changed.fire(this.view());
  }

  private arm(): void {
    this.timer?.dispose();
    if (this.disposed) return;
    this.timer = this.options.clock.setTimer(
      this.options.clock.now() + TEAM_READ_EVERY_MS,
      () => void this.refresh(),
    );
  }

  override dispose(): void {
    this.disposed = true;
    this.abort.abort();
    this.timer?.dispose();
    this.timer = null;
    super.dispose();
  }
}
