import type { Instant } from '../../shared/clockTime';
import type { IDisposable } from '../base/lifetime';
import type { Clock } from './ports';

/**
 * One timer, armed for the nearest deadline. Whatever happens in between (sleep, a clock jump, a new
 * zone), calling `resync()` recomputes from the wall clock instead of counting ticks.
 */
export class Scheduler implements IDisposable {
  private timer: IDisposable | null = null;
  private armedFor: Instant | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly nextDeadline: (now: Instant) => Instant | null,
    private readonly onDeadline: () => void,
  ) {}

  get nextAt(): Instant | null {
    return this.armedFor;
  }

  /** Recomputes the next deadline and arms the one timer for it. */
  resync(): void {
    const now = this.clock.now();
    const next = this.nextDeadline(now);
    if (next === this.armedFor && this.timer) return;
    this.timer?.dispose();
    this.timer = null;
    this.armedFor = next;
    if (next === null) return;
    this.timer = this.clock.setTimer(next, () => {
      this.timer = null;
      this.armedFor = null;
      this.onDeadline();
    });
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = null;
    this.armedFor = null;
  }
}
