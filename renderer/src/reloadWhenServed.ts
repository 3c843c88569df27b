/**
 * Code of the window that could not be fetched (Cadence was stopped while the page loaded it) cannot be
 * fetched again by the same page: the browser keeps a module's failed load for the page's life (HTML,
 * "fetch a single module script": the failure is stored in the module map), and a later part shares
 * chunks with others, so no retry under a new name would reach them all. What works is a fresh page:
 * once Cadence answers again, the window reloads itself, on the view it showed, with settings edited and
 * not yet saved kept (see takeResume).
 */

const RESUME_KEY = 'cadence.resume';
const RELOADS_KEY = 'cadence.codeReloads';
/** More reloads than this within RELOAD_WINDOW_MS means the code is missing for another reason. */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

let waiting = false;

/** What the page keeps across its own reload: the store decides what it is (view, unsaved settings). */
export function keepForReload(state: unknown): void {
  try {
    sessionStorage.setItem(RESUME_KEY, JSON.stringify(state));
  } catch {
    // Storage full or refused: the reload still brings the code, on the first view.
  }
}

/** What the page kept before reloading itself, once; null when it did not. */
export function takeResume(): unknown {
  try {
    const kept = sessionStorage.getItem(RESUME_KEY);
    sessionStorage.removeItem(RESUME_KEY);
    return kept === null ? null : (JSON.parse(kept) as unknown);
  } catch {
    return null;
  }
}

function recentReloads(now: number): number[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(RELOADS_KEY) ?? '[]') as unknown;
    return Array.isArray(stored)
      ? stored.filter((at): at is number => typeof at === 'number' && now - at < RELOAD_WINDOW_MS)
      : [];
  } catch {
    return [];
  }
}

async function served(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Reloads the page as soon as Cadence answers (asked every second, then less often, up to every 10 s),
 * after `beforeReload` has kept what the page should come back to. Does nothing where the code cannot
 * have gone (the desktop app serves it from disk), while a reload is already awaited, or after three
 * reloads in a minute (the code is missing for another reason: the message stays, nothing loops).
 */
export function reloadWhenServed(beforeReload: () => void): void {
  if (waiting || location.protocol !== 'http:') return;
  if (recentReloads(Date.now()).length >= MAX_RELOADS) return;
  waiting = true;
  let delay = 1_000;
  const attempt = async (): Promise<void> => {
    if (await served()) {
      const now = Date.now();
      try {
        sessionStorage.setItem(RELOADS_KEY, JSON.stringify([...recentReloads(now), now]));
      } catch {
        // Without storage, only the second before each attempt slows a loop down.
      }
      beforeReload();
      location.reload();
      return;
    }
    delay = Math.min(delay * 2, 10_000);
    setTimeout(() => void attempt(), delay);
  };
  setTimeout(() => void attempt(), delay);
}
