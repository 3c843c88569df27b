/**
 * Updates for the installed desktop app, through electron-updater (its autoUpdater: checkForUpdates,
 * autoDownload, autoInstallOnAppQuit, events "update-available", "download-progress",
 * "update-downloaded", "update-not-available", "error"; https://www.electron.build/auto-update).
 * The policy is here, testable without Electron: a first look shortly after start, then once a day;
 * downloads in the background; installs when the app quits; nothing at all when turned off in
 * Settings or when running from a source folder.
 */
export type UpdateState =
  | { state: 'off'; reason: string }
  | { state: 'idle'; lastCheckAt: number | null }
  | { state: 'checking' }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string; retryAt: number };

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateTimers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const FIRST_CHECK_MS = 30_000;
export const CHECK_EVERY_MS = 24 * 3_600_000;
export const RETRY_AFTER_ERROR_MS = 3_600_000;

export class UpdateScheduler {
  private timer: unknown = null;
  private current: UpdateState;

  constructor(
    private readonly updater: UpdaterLike,
    private readonly timers: UpdateTimers,
    private readonly onState: (state: UpdateState) => void,
    private readonly isPackaged: boolean,
  ) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    this.current = { state: 'off', reason: 'not started' };
    updater.on('update-available', ({ version }) => this.set({ state: 'downloading', version, percent: 0 }));
    updater.on('download-progress', ({ percent }) => {
      if (this.current.state === 'downloading')
        this.set({ ...this.current, percent: Math.max(0, Math.min(100, Math.round(percent))) });
    });
    updater.on('update-downloaded', ({ version }) => {
      this.cancel();
      this.set({ state: 'ready', version });
    });
    updater.on('update-not-available', () => {
      this.set({ state: 'idle', lastCheckAt: this.timers.now() });
      this.schedule(CHECK_EVERY_MS);
    });
    updater.on('error', (error) => this.failed(error));
  }

  get state(): UpdateState {
    return this.current;
  }

  /** Starts (or stops) looking, as the setting says. */
  setEnabled(enabled: boolean): void {
    if (!this.isPackaged) return this.off('updates come with the installed app, not a source folder');
    if (!enabled) return this.off('turned off in Settings');
    if (this.current.state === 'off') {
      this.set({ state: 'idle', lastCheckAt: null });
      this.schedule(FIRST_CHECK_MS);
    }
  }

  /** Installs a downloaded update now (the app restarts). */
  installNow(): void {
    if (this.current.state === 'ready') this.updater.quitAndInstall();
  }

  dispose(): void {
    this.cancel();
  }

  private off(reason: string): void {
    this.cancel();
    // A downloaded update still installs on quit; only the looking stops.
    if (this.current.state !== 'ready') this.set({ state: 'off', reason });
    this.updater.autoDownload = false;
  }

  private check(): void {
    this.timer = null;
    this.updater.autoDownload = true;
    this.set({ state: 'checking' });
    this.updater.checkForUpdates().catch((error: unknown) => this.failed(error as Error));
  }

  private failed(error: Error): void {
    if (this.current.state === 'off' || this.current.state === 'ready') return;
    const retryAt = this.timers.now() + RETRY_AFTER_ERROR_MS;
    this.set({ state: 'error', message: error.message || String(error), retryAt });
    this.schedule(RETRY_AFTER_ERROR_MS);
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.timers.set(() => this.check(), ms);
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private set(state: UpdateState): void {
    this.current = state;
    this.onState(state);
  }
}

/** What the window and the tray say of an update, or nothing. */
export function updateWords(state: UpdateState): string | null {
  if (state.state === 'ready')
    return `Cadence ${state.version} is ready: it installs when you quit, or now with “Restart to update” in the tray menu.`;
  return null;
}
