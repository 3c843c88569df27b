import type { IDisposable } from '../base/lifetime';
import type { ActivitySource, PresenceEvent } from '../core/ports';

type PowerEvent = 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume';

/** The part of Electron's powerMonitor that tells whether someone is at the machine. */
export interface IdlePowerMonitor {
  getSystemIdleTime(): number;
  on(event: PowerEvent, listener: () => void): unknown;
  removeListener(event: PowerEvent, listener: () => void): unknown;
}

const PRESENCE: Record<PowerEvent, PresenceEvent> = {
  'lock-screen': 'lock',
  'unlock-screen': 'unlock',
  suspend: 'suspend',
  resume: 'resume',
};

/**
 * The desktop app's activity source: the OS's idle time as Electron reads it, and the screen locking,
 * unlocking, sleeping and waking as powerMonitor reports them (lock and unlock only where the OS tells
 * Electron). Needs the app to be ready, as powerMonitor does.
 */
export function electronActivitySource(power: IdlePowerMonitor): ActivitySource {
  const subscriptions = new Set<IDisposable>();
  return {
    description: "Electron's idle time",
    idleSeconds: () => {
      try {
        const seconds = power.getSystemIdleTime();
        return Promise.resolve(Number.isFinite(seconds) && seconds >= 0 ? seconds : null);
      } catch {
        return Promise.resolve(null);
      }
    },
    onPresence: (listener) => {
      const handlers = (Object.keys(PRESENCE) as PowerEvent[]).map((event) => {
        const handler = (): void => listener(PRESENCE[event]);
        power.on(event, handler);
        return [event, handler] as const;
      });
      const subscription: IDisposable = {
        dispose: () => {
          for (const [event, handler] of handlers) power.removeListener(event, handler);
          subscriptions.delete(subscription);
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },
    dispose: () => {
      for (const subscription of [...subscriptions]) subscription.dispose();
    },
  };
}
