import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  type CompanionCore,
  INVOKE_CHANNEL,
  type IpcMainLike,
  serveCompanionIpc,
} from '../../../../main/electron/companionIpc';
import { feedPowerEvents } from '../../../../main/electron/powerEvents';
import { guideLinks } from '../../../../shared/connectGuides';
import {
  type ContentsLike,
  hardenContents,
  hardenSession,
  isTrustedSender,
  type SessionLike,
  createSecureWindow,
} from '../../../../main/electron/security';
import { claimSingleInstance } from '../../../../main/electron/singleInstance';
import { MODE_COLOURS, trayBitmap } from '../../../../main/electron/trayIcon';
import { clickAction, trayMenu, trayTitle, trayTooltip } from '../../../../main/electron/trayModel';
import type { StatusView } from '../../../../shared/statusView';

const base: StatusView = {
  mode: 'working',
  reason: 'working',
  since: '2026-11-25T09:00:00.000+01:00',
  until: '2026-11-25T17:30:00.000+01:00',
  timeZone: 'Europe/Berlin',
  systemTimeZone: 'Europe/Berlin',
  now: '2026-11-25T10:00:00.000+01:00',
  focus: null,
  meeting: null,
  lunch: null,
  nextWorkStart: '2026-11-25T10:00:00.000+01:00',
  workday: '2026-11-25',
  next: null,
  prompts: [],
  problems: [],
  activitySource: 'Not measured.',
};
const focusing: StatusView = {
  ...base,
  mode: 'focus',
  reason: 'focus',
  until: '2026-11-25T10:50:00.000+01:00',
  focus: {
    id: 'f',
    startedAt: '2026-11-25T10:00:00.000+01:00',
    endsAt: '2026-11-25T10:50:00.000+01:00',
    plannedEndsAt: '2026-11-25T10:50:00.000+01:00',
  },
};
const now = Date.parse('2026-11-25T10:12:30+01:00');
const labels = (status: StatusView) =>
  trayMenu(status, [25, 50, 90], 'en-GB', 'win32').map((item) => ('separator' in item ? '—' : item.label));

describe('tray', () => {
  it('offers focus lengths when available and extend/stop while focusing', () => {
    expect(labels(base)).toEqual([
      'Workday ends at 17:30',
      '—',
      'Start focus 25 min',
      'Start focus 50 min',
      'Start focus 90 min',
      'Focus until…',
      '—',
      'Start lunch',
      'Close the day…',
      '—',
      'Open Cadence',
      'Quit Cadence',
    ]);
    expect(labels(focusing)).toEqual([
      'Focus ends at 10:50',
      '—',
      'Extend 10 minutes',
      'Extend 25 minutes',
      'Stop focus',
      '—',
      'Start lunch',
      'Close the day…',
      '—',
      'Open Cadence',
      'Quit Cadence',
    ]);
    const lunch = trayMenu(focusing, [25], undefined, 'darwin').find(
      (item) => 'label' in item && item.label === 'Start lunch',
    );
    expect(lunch && 'enabled' in lunch && lunch.enabled).toBe(false);
  });

  it('toggles focus with a click', () => {
    expect(clickAction(base)).toEqual({ type: 'focus.start' });
    expect(clickAction(focusing)).toEqual({ type: 'focus.stop' });
  });

  it('shows whole minutes left in the title and the tooltip', () => {
    expect(trayTitle(focusing, now)).toBe('38m');
    expect(trayTitle(base, now)).toBe('');
    expect(trayTooltip(focusing, now, 'en-GB')).toBe('Cadence — Focusing · 38 min left');
    const off = {
      ...base,
      mode: 'off' as const,
      reason: 'afterHours' as const,
      nextWorkStart: '2026-11-26T09:00:00.000+01:00',
    };
    expect(trayTooltip(off, now, 'en-GB')).toBe('Cadence — Off · back 9:00');
  });

  it('draws one icon per state in the window’s colours, with a hole for off', () => {
    const pixel = (buffer: Buffer, size: number, x: number, y: number) => [
      ...buffer.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
    ];
    const focus = trayBitmap('focus', 16);
    expect(pixel(focus, 16, 8, 8)).toEqual([0xc0, 0x48, 0x5a, 255]);
    expect(pixel(focus, 16, 0, 0)[3]).toBe(0);
    expect(pixel(trayBitmap('off', 16), 16, 8, 8)[3]).toBe(0);
    expect(new Set(Object.values(MODE_COLOURS)).size).toBe(5);
    expect(pixel(trayBitmap('working', 32, true), 32, 16, 16)).toEqual([0, 0, 0, 255]);
    // Premultiplied: at the anti-aliased edge no channel exceeds the pixel's alpha (no bright fringe).
    const edge = trayBitmap('lunch', 24);
    const partial = Array.from({ length: 24 * 24 }, (_, i) =>
      pixel(edge, 24, i % 24, Math.floor(i / 24)),
    ).filter(([, , , alpha]) => alpha! > 0 && alpha! < 255);
    expect(partial.length).toBeGreaterThan(0);
    for (const [b, g, r, alpha] of partial) expect(Math.max(b!, g!, r!)).toBeLessThanOrEqual(alpha!);
  });
});

/** The window's new-window handler as the hardening installs it, and what it sent to the system browser. */
function newWindowsOf(authorizeUrls: readonly string[] = []) {
  let handler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: ContentsLike = { on: () => undefined, setWindowOpenHandler: (h) => (handler = h) };
  const opened: string[] = [];
  hardenContents(contents, (url) => opened.push(url), authorizeUrls);
  return { open: (details: { url: string }) => handler!(details), opened };
}

describe('security checklist', () => {
  it('creates windows isolated, sandboxed and without Node', () => {
    class FakeWindow {
      constructor(readonly options: import('electron').BrowserWindowConstructorOptions) {}
    }
    const prefs = createSecureWindow(FakeWindow, '/p/preload.cjs').options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/p/preload.cjs',
    });
  });

  it('denies navigation away from app:// and new windows; only allowlisted links open outside', () => {
    const handlers: {
      navigate?: (event: { preventDefault(): void }, url: string) => void;
      open?: (details: { url: string }) => { action: 'deny' };
    } = {};
    const contents: ContentsLike = {
      on: (_event, listener) => (handlers.navigate = listener),
      setWindowOpenHandler: (handler) => (handlers.open = handler),
    };
    const opened: string[] = [];
    hardenContents(contents, (url) => opened.push(url));
    let prevented = 0;
    handlers.navigate!({ preventDefault: () => prevented++ }, 'https://evil.example/');
    handlers.navigate!({ preventDefault: () => prevented++ }, 'app://cadence/index.html');
    expect(prevented).toBe(1);
    expect(handlers.open!({ url: 'https://accounts.google.com/o/oauth2' })).toEqual({ action: 'deny' });
    expect(handlers.open!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handlers.open!({ url: 'http://slack.com/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://accounts.google.com/o/oauth2']);
  });

  it("opens an organisation's own sign-in page, at exactly the configured address", () => {
    const { open, opened } = newWindowsOf(['https://sso.example.org/oauth2/authorize']);
    open({ url: 'https://sso.example.org/oauth2/authorize?client_id=x&state=y' });
    open({ url: 'https://sso.example.org/elsewhere' });
    open({ url: 'https://sso.example.org.evil.example/oauth2/authorize' });
    expect(opened).toEqual(['https://sso.example.org/oauth2/authorize?client_id=x&state=y']);
  });

  it('opens a sign-in’s local start page in the system browser, and no other local page', () => {
    const { open, opened } = newWindowsOf();
    open({ url: 'http://localhost:47613/cadence-sign-in/Zm9vYmFyYmF6cXV4' });
    open({ url: 'http://127.0.0.1:41234/cadence-sign-in/Zm9vYmFyYmF6cXV4' });
    open({ url: 'http://127.0.0.1:41234/callback?code=x&state=y' });
    open({ url: 'http://evil.example/cadence-sign-in/Zm9v' });
    open({ url: 'http://127.0.0.1:47110/#token=secret' });
    expect(opened).toEqual([
      'http://localhost:47613/cadence-sign-in/Zm9vYmFyYmF6cXV4',
      'http://127.0.0.1:41234/cadence-sign-in/Zm9vYmFyYmF6cXV4',
    ]);
  });

  it('refuses every permission request but a clipboard write from Cadence’s own window', () => {
    const answers: boolean[] = [];
    let check: ((contents: unknown, permission: string, origin: string) => boolean) | null = null;
    const session: SessionLike = {
      setPermissionRequestHandler: (handler) => {
        const ask = (permission: string, requestingUrl: string) =>
          handler?.(null, permission, (granted) => answers.push(granted), { requestingUrl });
        for (const permission of ['media', 'clipboard-read', 'clipboard-sanitized-write'])
          ask(permission, 'app://cadence/index.html');
        ask('clipboard-sanitized-write', 'https://evil.example/');
        ask('clipboard-sanitized-write', 'app://cadence.evil/index.html');
      },
      setPermissionCheckHandler: (handler) => (check = handler),
    };
    hardenSession(session);
    expect(answers).toEqual([false, false, true, false, false]);
    expect(check!(null, 'notifications', 'app://cadence')).toBe(false);
    expect(check!(null, 'clipboard-read', 'app://cadence')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'app://cadence')).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'null')).toBe(false);
  });

  it("opens every link of Settings' sign-in guides in the system browser, and no look-alike", () => {
    const { open, opened } = newWindowsOf();
    const links = guideLinks();
    expect(links.length).toBeGreaterThan(10);
    for (const url of links) open({ url });
    open({ url: 'https://console.cloud.google.com.evil.example/auth/clients' });
    open({ url: 'https://entra.microsoft.com.evil.example/' });
    open({ url: 'http://console.cloud.google.com/projectcreate' });
    expect(opened).toEqual(links);
  });

  it('compares the parsed address: no way out of an allowed path, no user name before the host', () => {
    const { open, opened } = newWindowsOf();
    open({ url: 'https://support.google.com/cloud/../accounts/answer/1' });
    open({ url: 'https://support.google.com/cloud/%2e%2e/accounts/answer/1' });
    open({ url: 'https://slack.com@evil.example/' });
    open({ url: 'https://user:pass@slack.com/' });
    open({ url: 'https://api.slack.com/apps.evil' });
    open({ url: 'https://api.slack.com/methods' });
    open({ url: 'https://developers.google.com/identityx/' });
    expect(opened).toEqual([]);
    // What is opened is the address as parsed, not the string the page gave.
    open({ url: 'https://api.slack.com/apps/A123/../A456?x=1' });
    expect(opened).toEqual(['https://api.slack.com/apps/A456?x=1']);
  });
});

describe('IPC', () => {
  function fakeIpc() {
    const handlers = new Map<
      string,
      (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown
    >();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    };
    return { ipc, handlers };
  }
  const calls: string[] = [];
  const core: CompanionCore = {
    execute: (name) => (calls.push(`command ${name}`), { ok: true, value: null }),
    query: (name) => (calls.push(`query ${name}`), { ok: true, value: null }),
    onEvent: () => ({ dispose: () => undefined }),
  };

  it('answers Cadence’s own window and refuses any other sender', () => {
    const { ipc, handlers } = fakeIpc();
    const lifetime = serveCompanionIpc(ipc, core, () => undefined);
    const invoke = handlers.get(INVOKE_CHANNEL)!;
    expect(
      invoke({ senderFrame: { url: 'app://cadence/index.html' } }, 'command', 'focus.start', {}),
    ).toEqual({ ok: true, value: null });
    expect(
      invoke({ senderFrame: { url: 'https://evil.example/' } }, 'command', 'focus.start', {}),
    ).toMatchObject({ ok: false, error: 'forbidden' });
    expect(invoke({ senderFrame: null }, 'query', 'status', {})).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(invoke({ senderFrame: { url: 'app://cadence/' } }, 'exec', 'rm', {})).toMatchObject({
      ok: false,
      error: 'invalid_input',
    });
    expect(calls).toEqual(['command focus.start']);
    lifetime.dispose();
    expect(handlers.size).toBe(0);
    expect(isTrustedSender('app://cadence.evil/')).toBe(false);
  });
});

describe('power and instances', () => {
  it('recomputes on resume and unlock, and stops listening when disposed', () => {
    const power = new EventEmitter();
    let resyncs = 0;
    const lifetime = feedPowerEvents(power as never, { resync: () => resyncs++ });
    power.emit('suspend');
    power.emit('resume');
    power.emit('unlock-screen');
    expect(resyncs).toBe(2);
    lifetime.dispose();
    power.emit('resume');
    expect(resyncs).toBe(2);
  });

  it('hands a second launch over to the first instance', () => {
    const first = new EventEmitter() as EventEmitter & { requestSingleInstanceLock(): boolean; quit(): void };
    let shown = 0;
    let quits = 0;
    first.requestSingleInstanceLock = () => true;
    first.quit = () => quits++;
    expect(claimSingleInstance(first, () => shown++)).toBe(true);
    first.emit('second-instance');
    expect(shown).toBe(1);
    const second = { requestSingleInstanceLock: () => false, on: () => undefined, quit: () => quits++ };
    expect(claimSingleInstance(second, () => shown++)).toBe(false);
    expect(quits).toBe(1);
  });
});
