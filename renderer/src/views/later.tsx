import {
  Component,
  type ComponentType,
  createElement,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import { reloadForMissingCode } from '../store/store';

/** Shows `failed` instead of children whose code could not be loaded. */
export class LoadBoundary extends Component<{ failed: ReactNode; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }
  override render(): ReactNode {
    return this.state.error ? this.props.failed : this.props.children;
  }
}

export interface Later {
  /** The part, rendered once its code is loaded (at once when it already is). */
  View: ComponentType;
  /** Loads the code ahead of its first use; a failed load is tried again on the next use. */
  preload(): Promise<void>;
}

/**
 * A part of the window whose code is not on the first screen's path: loaded on its first use, or ahead
 * of it once the first screen is up (see preloadLater). The service serves that code: if it is gone
 * then, the part says so, and the page reloads itself on this view as soon as the service is back (a
 * page cannot fetch a failed module again: see reloadWhenServed), instead of staying blank.
 */
export function later(load: () => Promise<ComponentType>, what: string, loading: ReactNode = null): Later {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const get = (): Promise<ComponentType> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Part = lazy(() =>
    get().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        reloadForMissingCode();
        throw error;
      },
    ),
  );
  function View() {
    // Chosen once for this mount: shown through the lazy part while its code was loading, it stays so.
    // Switching to the loaded component on a later render would be another element type at the same
    // place, and React would mount the part afresh, losing what the person typed and the answer they
    // were waiting for (a save's refusal or "Settings saved." went missing that way, now and then).
    const [direct] = useState(() => loaded);
    return (
      <LoadBoundary
        failed={
          <p className="loading" role="status">
            {what} could not be loaded while Cadence is not connected. It opens as soon as Cadence is back.
          </p>
        }
      >
        <Suspense fallback={loading}>{direct ? createElement(direct) : <Part />}</Suspense>
      </LoadBoundary>
    );
  }
  return { View, preload: () => get().then(() => undefined) };
}

/** Loads the parts' code ahead of their first use; a failed load is tried again on that use. */
export function preloadLater(parts: readonly Later[]): void {
  for (const part of parts) part.preload().catch(() => undefined);
}
