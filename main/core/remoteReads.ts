import type { CalendarEvent } from '../../shared/calendar';
import { DAY, type Instant } from '../../shared/clockTime';
import type { Teammate } from '../../shared/intents';
import type { ProviderId } from '../../shared/integrationView';
import type { Provider, TeammateUpdate } from '../providers/provider';
import type { IDisposable } from '../base/lifetime';
import type { Clock } from './ports';

const REMOTE_REFRESH_MS = 30 * 60_000;

export interface RemoteReadsOptions {
  clock: Clock;
  /** The connected services' providers, as they are at the moment of a read. */
  providers: () => ReadonlyMap<ProviderId, Provider>;
  /** The teammates the user added, for calendars that tell their busy times. */
  ownTeammates: () => readonly Teammate[];
  /** A read finished with at least one service connected. */
  onRead: () => void;
}

/** What the connected services tell: meetings, teammates and what calendars add to the user's teammates. */
export class RemoteReads {
  private meetings = new Map<ProviderId, CalendarEvent[]>();
  private teammateCache = new Map<ProviderId, Teammate[]>();
  private enrichments = new Map<ProviderId, Map<string, TeammateUpdate>>();
  private timer: IDisposable | null = null;
  private running: Promise<void> | null = null;
  private lastRead: Instant | null = null;

  constructor(private readonly options: RemoteReadsOptions) {}

  get reading(): boolean {
    return this.running !== null;
  }

  calendar(): CalendarEvent[] {
    return [...this.meetings.values()].flat();
  }

  teammates(): Teammate[] {
    return [...this.teammateCache.values()].flat();
  }

  /** A teammate you added, with what connected calendars say of them (Microsoft's working hours first). */
  enrich(teammate: Teammate): Teammate {
    let result = teammate;
    for (const id of ['google', 'microsoft'] as const) {
      const update = this.enrichments.get(id)?.get(teammate.id);
      if (update) result = { ...result, ...update, presence: update.presence ?? result.presence };
    }
    return result;
  }

  /** A disconnected service's readings go with it. */
  forget(id: ProviderId): void {
    this.meetings.delete(id);
    this.teammateCache.delete(id);
    this.enrichments.delete(id);
  }

  /**
   * Reads the calendars again when the last read is older than `maxAgeMs` (someone opened the window: a
   * meeting accepted a moment ago should show, not wait for the half-hourly read).
   */
  refreshIfStale(maxAgeMs: number): void {
    if (!this.options.providers().size || this.running) return;
    if (this.lastRead !== null && this.options.clock.now() - this.lastRead < maxAgeMs) return;
    void this.refresh();
  }

  /** Reads meetings and teammates from every connected service (on connect, then every half hour). */
  refresh(): Promise<void> {
    const run = this.read().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async read(): Promise<void> {
    this.timer?.dispose();
    const { clock } = this.options;
    const now: Instant = clock.now();
    this.lastRead = now;
    const providers = this.options.providers();
    await Promise.all(
      [...providers.entries()].map(async ([id, provider]) => {
        try {
          if (provider.meetings) this.meetings.set(id, await provider.meetings(now - DAY, now + 8 * DAY));
          if (provider.teammates) this.teammateCache.set(id, await provider.teammates(now));
          if (provider.enrich)
            this.enrichments.set(id, await provider.enrich(this.options.ownTeammates(), now));
        } catch {
          // the reconciler reports this service's health; stale meetings are better than none
        }
      }),
    );
    // A service disconnected while it was read leaves nothing behind.
    const connected = this.options.providers();
    for (const id of providers.keys()) if (!connected.has(id)) this.forget(id);
    if (connected.size) this.options.onRead();
    this.timer = clock.setTimer(now + REMOTE_REFRESH_MS, () => void this.refresh());
  }

  dispose(): void {
    this.timer?.dispose();
  }
}
