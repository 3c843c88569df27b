import type { Instant } from '../../shared/clockTime';
import type { IDisposable } from '../../main/base/lifetime';
import type { Clock } from '../../main/core/ports';

interface Timer {
  at: Instant;
  callback: () => void;
  live: boolean;
}

/** A clock the test moves by hand. `advance` fires due timers in order, like a machine that stays awake. */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  wakeUps = 0;

  constructor(
    private current: Instant,
    private zone = 'UTC',
  ) {}

  now(): Instant {
    return this.current;
  }

  timeZone(): string {
    return this.zone;
  }

  setTimer(at: Instant, callback: () => void): IDisposable {
    const timer: Timer = { at, callback, live: true };
    this.timers.push(timer);
    return { dispose: () => (timer.live = false) };
  }

  get pendingTimers(): number {
    return this.timers.filter((timer) => timer.live).length;
  }

  /** Moves time forward, firing each timer at its instant. */
  advanceTo(target: Instant): void {
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      due.live = false;
      this.wakeUps++;
      due.callback();
    }
    this.current = target;
    this.timers = this.timers.filter((t) => t.live);
  }

  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves the wall clock without firing anything: a machine asleep, or a clock set by hand. */
  jumpTo(target: Instant): void {
    this.current = target;
  }

  setTimeZone(zone: string): void {
    this.zone = zone;
  }
}
