import { createRoot } from 'react-dom/client';
import { App, preloadViews } from './views/App';

/** Renders the window into `root`, over the first screen the page may have come with. */
export function showWindow(root: HTMLElement): void {
  createRoot(root).render(<App />);
  // The other views' code (named in the page as module preloads) is made ready while the page still
  // loads: a window once open shows every view, even if Cadence stops a moment later.
  preloadViews();
}
