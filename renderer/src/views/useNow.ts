import { useEffect, useState } from 'react';
import { useCadence } from '../store/store';

/**
 * The core's current time, re-read every `everyMs` while mounted. Display only: the core never ticks.
 * It follows the core's clock, which may differ from this window's (another machine, a test clock).
 */
export function useNow(everyMs: number): number {
  const offset = useCadence((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(handle);
  }, [everyMs]);
  return now + offset;
}
