import { createRoot } from 'react-dom/client';
import { App } from './views/App';

/** Renders the window into `root`, over the first screen the page may have come with. */
export function showWindow(root: HTMLElement): void {
  createRoot(root).render(<App />);
}
