import { ACTIVITY_STEP } from '../../shared/afterHours';
import type { Instant } from '../../shared/clockTime';
import type { IDisposable } from '../base/lifetime';
import type { ActivitySource, Clock, PresenceEvent } from './ports';

/**
 * Looks at the machine's idle time once a step, and only while told to watch (outside working hours):
 * in working hours nothing wakes for it. At each edge (the evening begins, the day begins) it looks once
 * more, so work running across the edge is seen. Lock, unlock, suspend and resume are noted whenever
 * they happen: they cost no wake-up. What it sees goes to `record` and nowhere else.
 */
export class ActivityWatcher implements IDisposable {
  private watching = false;
  private timer: IDisposable | null = null;
  private lastLook: Instant | null = null;
  /** Locked or asleep: no one is at the keyboard, whatever the idle time says. */
  private away = false;
  private readonly presence: IDisposable | undefined;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly source: ActivitySource,
    private readonly record: (from: Instant, to: Instant) => void,
  ) {
    this.presence = source.onPresence?.((event) => this.onPresence(event));
  }

  get isWatching(): boolean {
    return this.watching;
  }

  /** Called at every refresh of the service: starts or stops looking. */
  update(watching: boolean): void {
    if (watching === this.watching || this.disposed) return;
    this.watching = watching;
    void this.look();
    if (watching) this.arm();
    else {
      this.timer?.dispose();
      this.timer = null;
    }
  }

  private arm(): void {
    this.timer = this.clock.setTimer(this.clock.now() + ACTIVITY_STEP, () => {
      this.timer = null;
      void this.look().then(() => {
        if (this.watching && !this.timer && !this.disposed) this.arm();
      });
    });
  }

  /** A minute with any input counts as an active minute: from the look before (at most a step) to the input. */
  private async look(): Promise<void> {
    const now = this.clock.now();
    const idle = await this.source.idleSeconds();
    if (this.disposed) return;
    const previous = this.lastLook ?? now - ACTIVITY_STEP;
    this.lastLook = this.watching ? now : null;
    if (idle === null || this.away || !Number.isFinite(idle) || idle < 0) return;
    const lastInput = now - idle * 1000;
    const from = Math.max(previous, now - ACTIVITY_STEP);
    if (lastInput > from) this.record(from, lastInput);
  }

  private onPresence(event: PresenceEvent): void {
    if (this.disposed) return;
    const now = this.clock.now();
    // Locking or sending the machine to sleep, and coming back, are signs of someone at it.
    this.record(now, now);
    this.away = event === 'lock' || event === 'suspend';
    // Back after a sleep: the look before is long ago; the next minute is counted from now.
    if (!this.away) this.lastLook = this.watching ? now : null;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    this.timer = null;
    this.presence?.dispose();
  }
}
