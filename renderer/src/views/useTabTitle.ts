import { useEffect } from 'react';
import { minutesLeft } from '../../../shared/words';
import { useCadence } from '../store/store';
import { useNow } from './useNow';

/** The tab's title: a focus block's time left, as the tray counts it, else plain "Cadence". */
export function tabTitle(focusEndsAt: string | null, now: number): string {
  return focusEndsAt ? `${minutesLeft(focusEndsAt, now)} min left - Cadence` : 'Cadence';
}

/** Keeps document.title saying the focus block's time left, so a tab in the background still tells it. */
export function useTabTitle(): void {
  const endsAt = useCadence((s) => s.status?.focus?.endsAt ?? null);
  const now = useNow(5_000);
  const title = tabTitle(endsAt, now);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
