import type { IDisposable } from '../base/lifetime';

export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen' | 'suspend', listener: () => void): unknown;
}

/**
 * Waking up, unlocking: the wall clock may have moved a lot, and the system zone may have changed
 * (travel). The core recomputes from the wall clock; the providers are reconciled from the result.
 */
export function feedPowerEvents(
  power: PowerMonitorLike,
  core: { resync(): void },
  log: (line: string) => void = () => undefined,
): IDisposable {
  const resync = (): void => core.resync();
  const suspend = (): void => log('system suspending');
  power.on('resume', resync);
  power.on('unlock-screen', resync);
  power.on('suspend', suspend);
  return {
    dispose: () => {
      power.removeListener('resume', resync);
      power.removeListener('unlock-screen', resync);
      power.removeListener('suspend', suspend);
    },
  };
}
