import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  CHECK_EVERY_MS,
  FIRST_CHECK_MS,
  RETRY_AFTER_ERROR_MS,
  type UpdateState,
  UpdateScheduler,
  updateWords,
} from '../../../../main/electron/updates';

/** electron-updater's autoUpdater as the test plays it: it says what the server answered. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  answer: 'none' | 'update' | 'offline' = 'none';
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    queueMicrotask(() => {
      if (this.answer === 'none') this.emit('update-not-available');
      else if (this.answer === 'offline') this.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
      else {
        this.emit('update-available', { version: '0.2.0' });
        this.emit('download-progress', { percent: 41.6 });
        this.emit('update-downloaded', { version: '0.2.0' });
      }
    });
    return Promise.resolve();
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

class Clock {
  now = 0;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  set = (fn: () => void, ms: number) => {
    const timer = { at: this.now + ms, fn, live: true };
    this.timers.push(timer);
    return timer;
  };
  clear = (handle: unknown) => {
    (handle as { live: boolean }).live = false;
  };
  get pending(): number {
    return this.timers.filter((t) => t.live).length;
  }
  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const timer of this.timers.filter((t) => t.live && t.at <= this.now)) {
      timer.live = false;
      timer.fn();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function scheduler(isPackaged = true) {
  const updater = new FakeUpdater();
  const clock = new Clock();
  const states: UpdateState[] = [];
  const updates = new UpdateScheduler(
    updater,
    { now: () => clock.now, set: clock.set, clear: clock.clear },
    (state) => states.push(state),
    isPackaged,
  );
  return { updater, clock, states, updates };
}

describe('updates for the installed app', () => {
  it('looks shortly after start, then once a day, downloading in the background and installing on quit', async () => {
    const { updater, clock, updates } = scheduler();
    updates.setEnabled(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    await clock.advance(FIRST_CHECK_MS - 1);
    expect(updater.checks).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    expect(updates.state).toMatchObject({ state: 'idle', lastCheckAt: FIRST_CHECK_MS });
    await clock.advance(CHECK_EVERY_MS);
    expect(updater.checks).toBe(2);
    updater.answer = 'update';
    await clock.advance(CHECK_EVERY_MS);
    expect(updates.state).toEqual({ state: 'ready', version: '0.2.0' });
    expect(updateWords(updates.state)).toMatch(/^Cadence 0\.2\.0 is ready: it installs when you quit/);
    // Ready: no more looking, and "Restart to update" installs it.
    expect(clock.pending).toBe(0);
    updates.installNow();
    expect(updater.installs).toBe(1);
  });

  it('tries again an hour after a failure (offline), not at once and not never', async () => {
    const { updater, clock, updates } = scheduler();
    updater.answer = 'offline';
    updates.setEnabled(true);
    await clock.advance(FIRST_CHECK_MS);
    expect(updates.state).toMatchObject({ state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    await clock.advance(RETRY_AFTER_ERROR_MS - 1);
    expect(updater.checks).toBe(1);
    updater.answer = 'none';
    await clock.advance(1);
    expect(updater.checks).toBe(2);
    expect(updates.state).toMatchObject({ state: 'idle' });
  });

  it('does nothing when turned off in Settings, or when run from a source folder', async () => {
    const off = scheduler();
    off.updates.setEnabled(true);
    off.updates.setEnabled(false);
    await off.clock.advance(CHECK_EVERY_MS * 3);
    expect(off.updater.checks).toBe(0);
    expect(off.updates.state).toEqual({ state: 'off', reason: 'turned off in Settings' });
    const source = scheduler(false);
    source.updates.setEnabled(true);
    await source.clock.advance(CHECK_EVERY_MS);
    expect(source.updater.checks).toBe(0);
    expect(source.updates.state).toMatchObject({ state: 'off', reason: /source folder/ });
  });
});
