import { useEffect } from 'react';
import { minutesLeft } from '../../../shared/words';
import { useCadence } from '../store/store';

/** The tab's title: a focus block's time left, as the tray counts it, else plain "Cadence". */
export function tabTitle(focusEndsAt: string | null, now: number): string {
  return focusEndsAt ? `${minutesLeft(focusEndsAt, now)} min left - Cadence` : 'Cadence';
}

/**
 * Keeps document.title saying the focus block's time left, so a tab in the background still tells it.
 * It writes the title itself, on the core's clock read afresh (a block just started shows its full
 * length, never a minute more from a stale reading), and re-renders nothing while the block runs.
 */
export function useTabTitle(): void {
  const endsAt = useCadence((s) => s.status?.focus?.endsAt ?? null);
  const offset = useCadence((s) => s.clockOffset);
  useEffect(() => {
    const write = () => {
      const title = tabTitle(endsAt, Date.now() + offset);
      if (document.title !== title) document.title = title;
    };
    write();
    if (!endsAt) return;
    const handle = setInterval(write, 1_000);
    return () => clearInterval(handle);
  }, [endsAt, offset]);
}
