import { Component, lazy, type ReactNode, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useCadence } from '../store/store';
import { FocusWeek } from './FocusWeek';

/** Shows `failed` instead of children whose code could not be loaded. */
class LoadBoundary extends Component<{ failed: ReactNode; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }
  override render(): ReactNode {
    return this.state.error ? this.props.failed : this.props.children;
  }
}

/**
 * The week review, whose code (and its charts') is loaded the first time it is opened. The service
 * serves that code: if it is gone then, the load fails, and it is tried again when the service is back,
 * instead of leaving the view blank until the window reloads.
 */
export function WeekView() {
  const connected = useCadence((s) => s.connection === 'open');
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  // A lazy component keeps a failed load for good: each attempt needs its own.
  const WeekReview = useMemo(
    () =>
      lazy(() =>
        import('./WeekReview').catch((error: unknown) => {
          setFailed(true);
          throw error;
        }),
      ),
    [attempt],
  );
  // Tried again when the connection comes back (not while it still looks open: that would only fail again).
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current && failed) {
      setFailed(false);
      setAttempt((n) => n + 1);
    }
    wasConnected.current = connected;
  }, [connected, failed]);
  return (
    <>
      <LoadBoundary
        key={attempt}
        failed={
          <p className="loading" role="status">
            The week review could not be loaded while Cadence is not connected. It opens as soon as Cadence is
            back.
          </p>
        }
      >
        <Suspense fallback={<p className="loading">Loading charts…</p>}>
          <WeekReview />
        </Suspense>
      </LoadBoundary>
      <FocusWeek />
    </>
  );
}
