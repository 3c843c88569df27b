import { describe, expect, it } from 'vitest';
import { DOUBLE_CLICK_MS, type TrayLike, wireTray } from '../../../../main/electron/trayWiring';
import { trayMenu } from '../../../../main/electron/trayModel';
import type { StatusView } from '../../../../shared/statusView';

/** A tray that records what Cadence set on it and lets the test click it. */
class RecordingTray implements TrayLike<string> {
  readonly listeners = new Map<string, () => void>();
  readonly calls: string[] = [];
  on(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  setContextMenu(menu: string | null) {
    this.calls.push(`setContextMenu ${menu}`);
  }
  popUpContextMenu(menu?: string) {
    this.calls.push(`popUpContextMenu ${menu}`);
  }
  fire(event: string) {
    this.listeners.get(event)?.();
  }
}

class ManualTimers {
  private queue: { fn: () => void; at: number; live: boolean }[] = [];
  now = 0;
  set = (fn: () => void, ms: number) => {
    const timer = { fn, at: this.now + ms, live: true };
    this.queue.push(timer);
    return timer;
  };
  clear = (handle: unknown) => {
    (handle as { live: boolean }).live = false;
  };
  advance(ms: number) {
    this.now += ms;
    for (const timer of this.queue.filter((t) => t.live && t.at <= this.now)) {
      timer.live = false;
      timer.fn();
    }
  }
}

function wired(platform: NodeJS.Platform) {
  const tray = new RecordingTray();
  const done: string[] = [];
  const timers = new ManualTimers();
  const wiring = wireTray(
    tray,
    platform,
    { toggle: () => done.push('toggle'), open: () => done.push('open'), menu: () => 'menu' },
    timers,
  );
  return { tray, done, timers, wiring };
}

describe('the tray, as each OS’s users expect it', () => {
  it('macOS: a click toggles focus and never opens the menu; right-click pops the menu up', () => {
    const { tray, done } = wired('darwin');
    tray.fire('click');
    expect(done).toEqual(['toggle']);
    expect(tray.calls).toEqual([]);
    tray.fire('right-click');
    expect(tray.calls).toEqual(['popUpContextMenu menu']);
  });

  it('Windows: a click toggles once the double-click time has passed; a double-click only opens', () => {
    const { tray, done, timers } = wired('win32');
    expect(tray.calls).toEqual(['setContextMenu menu']);
    tray.fire('click');
    expect(done).toEqual([]);
    timers.advance(DOUBLE_CLICK_MS);
    expect(done).toEqual(['toggle']);
    tray.fire('click');
    tray.fire('double-click');
    timers.advance(DOUBLE_CLICK_MS);
    expect(done).toEqual(['toggle', 'open']);
  });

  it('Linux: the menu is set, and its first item is the one-click toggle', () => {
    const { tray, wiring } = wired('linux');
    expect(tray.calls).toEqual(['setContextMenu menu']);
    wiring.refreshMenu();
    expect(tray.calls).toHaveLength(2);
    const status = {
      mode: 'working',
      reason: 'working',
      since: null,
      until: null,
      timeZone: 'UTC',
      systemTimeZone: 'UTC',
      now: '2026-11-25T10:00:00.000Z',
      focus: null,
      meeting: null,
      lunch: null,
      nextWorkStart: null,
      workday: '2026-11-25',
      next: null,
      prompts: [],
      problems: [],
      activitySource: 'Not measured.',
    } as StatusView;
    expect(trayMenu(status, [25, 50], 'en-GB', 'linux', 50)[0]).toEqual({
      label: 'Start focus (50 min)',
      enabled: true,
      action: { type: 'focus.start' },
    });
    expect(trayMenu(status, [50], 'en-GB', 'darwin')[0]).toMatchObject({ enabled: false });
  });
});
