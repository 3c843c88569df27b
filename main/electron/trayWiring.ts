/** The parts of Electron's Tray that Cadence uses, so the wiring can be tested with a stand-in. */
export interface TrayLike<Menu> {
  on(event: 'click' | 'right-click' | 'double-click', listener: () => void): unknown;
  setContextMenu(menu: Menu | null): void;
  popUpContextMenu(menu?: Menu): void;
}

export interface TrayHandlers<Menu> {
  /** The one-click action: start a focus block, or stop the running one. */
  toggle(): void;
  open(): void;
  menu(): Menu;
}

/** How long Windows waits for a second click before a click counts as one (its default double-click time). */
export const DOUBLE_CLICK_MS = 500;

/**
 * Each OS's tray as its users expect it (Tray docs: "click", "right-click", "double-click" events and
 * setContextMenu / popUpContextMenu, https://www.electronjs.org/docs/latest/api/tray):
 * - macOS: a click toggles focus; the menu opens on right-click through popUpContextMenu. A menu set
 *   with setContextMenu would open on every click instead.
 * - Windows: a click toggles focus, a double-click opens the window (the single click waits out the
 *   double-click time so one double-click is not two toggles); right-click shows the menu.
 * - Linux: the click is the desktop's to interpret (most show the menu), so the menu is set, and its
 *   first item is the toggle.
 * Returns what to call when the menu's content changes.
 */
export function wireTray<Menu>(
  tray: TrayLike<Menu>,
  platform: NodeJS.Platform,
  handlers: TrayHandlers<Menu>,
  timers: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
  },
): { refreshMenu(): void } {
  if (platform === 'darwin') {
    tray.on('click', handlers.toggle);
    tray.on('right-click', () => tray.popUpContextMenu(handlers.menu()));
    return { refreshMenu: () => undefined };
  }
  if (platform === 'win32') {
    let pending: unknown = null;
    tray.on('click', () => {
      if (pending !== null) return;
      pending = timers.set(() => {
        pending = null;
        handlers.toggle();
      }, DOUBLE_CLICK_MS);
    });
    tray.on('double-click', () => {
      if (pending !== null) timers.clear(pending);
      pending = null;
      handlers.open();
    });
  } else {
    tray.on('click', handlers.toggle);
  }
  const refreshMenu = () => tray.setContextMenu(handlers.menu());
  refreshMenu();
  return { refreshMenu };
}
