import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ElectronNotifier, type NotificationLike } from '../../../../main/electron/electronNotifier';
import { launchOptions } from '../../../../main/electron/launch';
import { applyLaunchAtLogin, autostartFile } from '../../../../main/electron/loginItem';
import { tempDir } from '../../../fakes/serviceHarness';

/** Electron's Notification, recorded: the test plays the OS (shows, clicks, presses a button, fails). */
class RecordingNotification extends EventEmitter implements NotificationLike {
  static supported = true;
  static made: RecordingNotification[] = [];
  static isSupported() {
    return RecordingNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string; actions?: { type: string; text: string }[] }) {
    super();
    RecordingNotification.made.push(this);
  }
  show() {
    this.shown = true;
  }
}

afterEach(() => {
  RecordingNotification.made = [];
});

const lunch = {
  title: 'Time for lunch',
  message: 'Step away.',
  actions: [
    { id: 'lunch.start' as const, label: 'Start lunch' },
    { id: 'lunch.later' as const, label: 'In 15 min' },
  ],
};

describe('desktop notifications', () => {
  it('keeps a notification alive until it is used, and a button does what it says (macOS, Windows)', async () => {
    const done: string[] = [];
    const notifier = new ElectronNotifier(
      RecordingNotification,
      () => done.push('open'),
      (id) => done.push(id),
      'darwin',
    );
    const outcome = notifier.notify(lunch);
    const [made] = RecordingNotification.made;
    expect(made!.options.actions).toEqual([
      { type: 'button', text: 'Start lunch' },
      { type: 'button', text: 'In 15 min' },
    ]);
    made!.emit('show');
    expect(await outcome).toEqual({ delivered: true });
    expect(notifier.alive.size).toBe(1);
    made!.emit('action', {}, 1);
    expect(done).toEqual(['lunch.later']);
    expect(notifier.alive.size).toBe(0);
  });

  it('says a notification failed when the OS says so, and lets it go', async () => {
    const notifier = new ElectronNotifier(
      RecordingNotification,
      () => undefined,
      () => undefined,
      'win32',
    );
    const outcome = notifier.notify(lunch);
    RecordingNotification.made[0]!.emit('failed', {}, 'Toast notifications are turned off');
    expect(await outcome).toEqual({ delivered: false, reason: 'Toast notifications are turned off' });
    expect(notifier.alive.size).toBe(0);
  });

  it('on Linux shows no buttons: a click opens the window, where the same choices are', async () => {
    const done: string[] = [];
    const notifier = new ElectronNotifier(
      RecordingNotification,
      () => done.push('open'),
      () => undefined,
      'linux',
    );
    void notifier.notify(lunch);
    const [made] = RecordingNotification.made;
    expect(made!.options.actions).toBeUndefined();
    made!.emit('click');
    expect(done).toEqual(['open']);
    expect(notifier.alive.size).toBe(0);
  });
});

describe('launch options', () => {
  it('reads --data-dir and --hidden whether started as `electron <folder> …` or packaged', () => {
    expect(launchOptions(['/usr/lib/electron', '/src/cadence', '--data-dir', '/tmp/x'])).toEqual({
      dataDir: '/tmp/x',
      hidden: false,
    });
    expect(launchOptions(['C:\\\\Cadence\\\\Cadence.exe', '--hidden', '--data-dir=D:\\\\data'])).toEqual({
      dataDir: 'D:\\\\data',
      hidden: true,
    });
    expect(launchOptions(['cadence', '--data-dir', '--hidden'])).toEqual({ dataDir: null, hidden: true });
  });
});

describe('launch at login', () => {
  const host = (platform: NodeJS.Platform, env: Record<string, string>, isPackaged = true) => {
    const calls: unknown[] = [];
    return {
      calls,
      host: {
        platform,
        isPackaged,
        execPath: '/opt/Cadence/cadence',
        env,
        setLoginItemSettings: (item: unknown) => calls.push(item),
      },
    };
  };

  it('writes an XDG autostart entry on Linux that starts hidden, and removes it', () => {
    const home = tempDir('cadence-home-');
    const env = { HOME: home, APPIMAGE: '/home/ana/Apps/Cadence.AppImage' };
    const { host: linux, calls } = host('linux', env);
    expect(applyLaunchAtLogin(true, linux)).toBeNull();
    const file = autostartFile(env);
    expect(file).toBe(path.join(home, '.config', 'autostart', 'cadence.desktop'));
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec="/home/ana/Apps/Cadence.AppImage" --hidden');
    expect(calls).toEqual([]);
    expect(applyLaunchAtLogin(false, linux)).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('registers Windows with --hidden, and never the bare Electron binary of a source checkout', () => {
    const { host: windows, calls } = host('win32', {});
    applyLaunchAtLogin(true, windows);
    expect(calls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    const { host: development, calls: none } = host('win32', {}, false);
    expect(applyLaunchAtLogin(true, development)).toMatch(/works in the installed app/);
    expect(none).toEqual([]);
  });
});
