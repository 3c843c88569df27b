import type { Instant } from '../../shared/clockTime';
import type { Desired } from '../../shared/desired';
import type { Health } from '../../shared/integrationView';
import type { Settings } from '../../shared/settings';
import { ProviderError } from '../providers/providerError';
import type { Provider } from '../providers/provider';
import type { IDisposable } from '../base/lifetime';
import type { Clock } from './ports';

export type { Health, HealthState } from '../../shared/integrationView';
export interface ReconcilerOptions {
  clock: Clock;
  provider: Provider;
  current: () => { desired: Desired; settings: Settings };
  onHealth: (health: Health) => void;
  /** Changes within this window are pushed together. */
  coalesceMs?: number;
  /** A random number in [0, 1), for backoff jitter. */
  random?: () => number;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Keeps one service in line with the desired state: coalesces bursts, pushes the state as it is at
 * push time (never a stale one), waits out rate limits, backs off when offline, stops on auth errors.
 */
export class Reconciler implements IDisposable {
  private timer: IDisposable | null = null;
  private timerAt: Instant | null = null;
  private running = false;
  private again = false;
  private failures = 0;
  private burstStart: Instant | null = null;
  private disposed = false;
  health: Health = { state: 'syncing', message: 'Connecting…', retryAt: null, lastSyncAt: null };
  /** Resolves when no push is pending or running: for tests and benchmarks. */
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: ReconcilerOptions) {}

  /** Something changed: push soon. A pending retry or a needed reconnect is not cut short. */
  poke(): void {
    // A missing permission stops only what needs it: every change is still pushed, and what the grant
    // allows (Slack's status without presence, say) still goes out. Only a sign-in that is gone waits.
    if (this.disposed || this.health.state === 'reconnect') return;
    if (this.running) {
      this.again = true;
      return;
    }
    const now = this.options.clock.now();
    if (this.timer && (this.health.state === 'waiting' || this.health.state === 'offline')) return;
    this.burstStart ??= now;
    const coalesce = this.options.coalesceMs ?? 250;
    this.arm(Math.min(now + coalesce, this.burstStart + 4 * coalesce));
  }

  /** After reconnecting: forget what was applied and push everything. */
  restart(): void {
    this.options.provider.reset();
    this.failures = 0;
    this.setHealth({ state: 'syncing', message: 'Syncing…', retryAt: null });
    this.arm(this.options.clock.now());
  }

  private arm(at: Instant): void {
    this.timer?.dispose();
    this.timerAt = at;
    this.timer = this.options.clock.setTimer(at, () => {
      this.timer = null;
      this.timerAt = null;
      void this.flush();
    });
  }

  private setHealth(patch: Partial<Health>): void {
    this.health = { ...this.health, ...patch };
    this.options.onHealth(this.health);
  }

  private async flush(): Promise<void> {
    if (this.disposed) return;
    this.running = true;
    this.again = false;
    this.burstStart = null;
    const { clock, provider } = this.options;
    try {
      const { desired, settings } = this.options.current();
      await provider.apply(desired, clock.now(), settings);
      this.failures = 0;
      this.followRevisit();
      this.setHealth({ state: 'ok', message: 'Up to date', retryAt: null, lastSyncAt: clock.now() });
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
    }
    if (this.again && (this.health.state === 'ok' || this.health.state === 'permission')) this.poke();
    if (!this.timer && !this.running) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** A push the provider asked for at a later time: a poke then, not counted as pending work. */
  private revisit: IDisposable | null = null;

  private followRevisit(): void {
    this.revisit?.dispose();
    this.revisit = null;
    const at = this.options.provider.revisitAt?.() ?? null;
    if (at !== null) this.revisit = this.options.clock.setTimer(at, () => this.poke());
  }

  private fail(error: unknown): void {
    const now = this.options.clock.now();
    const problem =
      error instanceof ProviderError ? error : new ProviderError('permanent', (error as Error).message);
    switch (problem.kind) {
      case 'auth':
        this.setHealth({ state: 'reconnect', message: problem.message, retryAt: null });
        return;
      case 'permission':
        this.setHealth({ state: 'permission', message: problem.message, retryAt: null });
        return;
      case 'rateLimited': {
        const retryAt = now + (problem.retryAfterMs ?? 30_000);
        this.setHealth({
          state: 'waiting',
          message: `${problem.message}; trying again in ${Math.ceil((retryAt - now) / 1000)} s`,
          retryAt,
        });
        this.arm(retryAt);
        return;
      }
      case 'transient': {
        this.failures++;
        const delay =
          Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures, 12)) *
          (0.5 + 0.5 * (this.options.random ?? Math.random)());
        const retryAt = now + Math.round(delay);
        this.setHealth({ state: 'offline', message: `${problem.message}; retrying`, retryAt });
        this.arm(retryAt);
        return;
      }
      case 'permanent':
        this.setHealth({ state: 'error', message: problem.message, retryAt: null });
    }
  }

  /** Resolves once nothing is pending (a waiting retry counts as pending). */
  whenIdle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Nothing scheduled and nothing in flight. */
  /** A push is under way right now (not merely scheduled). */
  get busy(): boolean {
    return this.running;
  }

  get idle(): boolean {
    return !this.timer && !this.running;
  }

  get pendingAt(): Instant | null {
    return this.timerAt;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    this.timer = null;
    this.revisit?.dispose();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
