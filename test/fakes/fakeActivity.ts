import type { Instant } from '../../shared/clockTime';
import type { IDisposable } from '../../main/base/lifetime';
import type { ActivitySource, PresenceEvent } from '../../main/core/ports';

/**
 * A machine with someone at it, or not: the test says when someone types (`typing`, all along) or gives
 * one input (`input()`), and the source answers idle time from the clock like the real ones; every
 * question asked is counted.
 */
export class FakeActivitySource implements ActivitySource {
  readonly description = 'a test source';
  lastInput: Instant = -Infinity;
  private typingNow = false;
  questions: Instant[] = [];
  private listeners = new Set<(event: PresenceEvent) => void>();

  constructor(private readonly now: () => Instant) {}

  input(at: Instant = this.now()): void {
    this.lastInput = at;
  }

  set typing(on: boolean) {
    if (this.typingNow && !on) this.lastInput = this.now();
    this.typingNow = on;
  }

  idleSeconds(): Promise<number | null> {
    const now = this.now();
    if (this.typingNow) this.lastInput = now;
    this.questions.push(now);
    return Promise.resolve(
      Number.isFinite(this.lastInput) ? Math.max(0, (now - this.lastInput) / 1000) : 1e9,
    );
  }

  onPresence(listener: (event: PresenceEvent) => void): IDisposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(event: PresenceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
