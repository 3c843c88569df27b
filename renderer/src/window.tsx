import { createRoot } from 'react-dom/client';
import { App, preloadViews } from './views/App';

/** Renders the window into `root`, over the first screen the page may have come with. */
export function showWindow(root: HTMLElement): void {
  createRoot(root).render(<App />);
  // The other views' code (fetched with the page, named in it as preloads) is made ready once the
  // browser is idle: a view opened then finds it there, even if Cadence has stopped meanwhile.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preloadViews, { timeout: 2_000 });
  else setTimeout(preloadViews, 200);
}
