import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, ROOT, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { REASON_WORDS } from '../../shared/words';

/**
 * The built desktop main process (out/main/index.js), booted under plain Node with a recording
 * stand-in for the electron module (test/fakes/electronStandIn): Electron's binary cannot be had on
 * this machine, but its main process can still be started, wired and driven. The stand-in asks the
 * captured app:// handler for pages, clicks the tray and quits; every call lands in a log.
 */
interface Entry {
  api: string;
  [key: string]: unknown;
}

async function bootDesktop(
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<{ log: Entry[]; code: number | null; output: string }> {
  const dir = tempDir('cadence-desktop-');
  const logFile = path.join(dir, 'calls.jsonl');
  // No working hours at all: the user is off whenever the test runs, so what the tray shows first is known.
  const never = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, []]));
  seedSettings(path.join(dir, 'data'), 'UTC', { week: never as never, weekendDays: [] });
  const child = spawn(
    process.execPath,
    [
      '--import',
      path.join(ROOT, 'test/fakes/electronStandIn/register.mjs'),
      path.join(ROOT, 'out/main/index.js'),
      ...(args[0] && !args[0].startsWith('-') ? [] : ['--data-dir', path.join(dir, 'data')]),
      ...args,
    ],
    {
      env: {
        ...process.env,
        CADENCE_NOTIFIER: 'memory',
        CADENCE_STANDIN_LOG: logFile,
        CADENCE_STANDIN_PROBE: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const log = fs.existsSync(logFile)
    ? fs
        .readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Entry)
    : [];
  fs.rmSync(dir, { recursive: true, force: true });
  return { log, code, output };
}

const calls = (log: Entry[], api: string) => log.filter((entry) => entry.api === api);

afterEach(() => stopAllServices());

describe('the built desktop main process, booted with a stand-in for Electron', () => {
  it('registers app:// before ready, serves the window with its CSP, refuses the rest, and wires tray, IPC and power events', async () => {
    const { log, code } = await bootDesktop();
    expect(code).toBe(0);
    expect(calls(log, 'protocol.registerSchemesAsPrivileged')).toMatchObject([{ beforeReady: true }]);
    const roles = calls(log, 'Menu.setApplicationMenu')[0]?.roles as string[];
    expect(roles).toContain('editMenu');
    expect(roles).not.toContain('viewMenu'); // where Reload and DevTools live
    expect(calls(log, 'BrowserWindow')).toMatchObject([
      {
        preloadExists: true,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      },
    ]);
    expect(calls(log, 'BrowserWindow.loadURL')).toMatchObject([{ url: 'app://cadence/index.html' }]);
    const pages = Object.fromEntries(calls(log, 'probe.app').map((entry) => [entry.url, entry]));
    expect(pages['app://cadence/']).toMatchObject({
      status: 200,
      html: true,
      csp: expect.stringContaining("default-src 'self'"),
    });
    // The window's page comes with its first screen: the headline before any script runs, and its data.
    expect(pages['app://cadence/index.html']).toMatchObject({
      status: 200,
      // Off at any hour (no working hours): one of the reasons, with no next workday to name.
      headline: expect.toBeOneOf(Object.values(REASON_WORDS)),
      firstData: true,
      cacheControl: 'no-store',
    });
    expect(pages['app://cadence/..%2Frenderer-old%2Fsecret.txt']).toMatchObject({ status: 404 });
    expect(pages['app://evil/index.html']).toMatchObject({ status: 404 });
    expect(pages['app://cadence/%E0%A4%A']).toMatchObject({ status: 400 });
    expect(calls(log, 'ipcMain.handle')).toMatchObject([{ channel: 'cadence:invoke' }]);
    expect([...new Set(calls(log, 'powerMonitor.on').map((entry) => entry.event as string))].sort()).toEqual([
      'lock-screen',
      'resume',
      'suspend',
      'unlock-screen',
    ]);
    // Linux: the menu's first item is the one-click toggle, and a click on the tray starts a block.
    expect((calls(log, 'Tray.setContextMenu')[0]?.labels as string[])[0]).toBe('Start focus (50 min)');
    expect(calls(log, 'probe.tray')[0]?.after).toMatch(/^Cadence — Focusing · 50 min left$/);
    expect(calls(log, 'Tray.destroy')).toHaveLength(1);
    // The tray icons are the PNGs rendered from tray.svg at build time, each mode in its colour.
    const icons = calls(log, 'nativeImage.createFromPath');
    expect(icons.every((entry) => entry.exists)).toBe(true);
    expect(icons.map((entry) => path.basename(String(entry.file)))).toEqual(
      expect.arrayContaining(['off-24.png', 'focus-24.png']),
    );
    expect(calls(log, 'nativeImage.createFromBitmap')).toEqual([]);
    // Linux without a keyring: Electron's fixed key, and Cadence says so.
    expect(
      calls(log, 'webContents.send').some((entry) =>
        (entry.problems as string[] | undefined)?.some((p) => /fixed key/.test(p)),
      ),
    ).toBe(true);
  });

  it('on Windows sets the installer’s app id and opens the menu on right-click only; on macOS pops it up on right-click', async () => {
    const windows = await bootDesktop({ CADENCE_STANDIN_PLATFORM: 'win32' });
    expect(calls(windows.log, 'app.setAppUserModelId')).toEqual([
      { api: 'app.setAppUserModelId', id: 'app.cadence.desktop' },
    ]);
    expect(calls(windows.log, 'probe.tray')[0]?.after).toMatch(/Focusing/);
    const mac = await bootDesktop({ CADENCE_STANDIN_PLATFORM: 'darwin' });
    expect(calls(mac.log, 'app.setAppUserModelId')).toEqual([]);
    expect(calls(mac.log, 'Tray.setContextMenu')).toEqual([]);
    expect(calls(mac.log, 'probe.tray')[0]?.after).toMatch(/Focusing/);
    // macOS: the template variant (black, the shape in the alpha), 16 px with its 32 px @2x.
    expect(
      calls(mac.log, 'nativeImage.createFromPath').map((entry) => path.basename(String(entry.file))),
    ).toEqual(expect.arrayContaining(['template-focus-16.png', 'template-focus-32.png']));
  });

  it('says in the window when the global shortcut cannot be registered', async () => {
    const { log } = await bootDesktop({ CADENCE_STANDIN_SHORTCUT: 'taken' });
    const problems = calls(log, 'webContents.send').flatMap(
      (entry) => (entry.problems as string[] | undefined) ?? [],
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^The shortcut CommandOrControl\+Alt\+F could not be registered/),
    );
  });

  it('shows an error and exits when it cannot start, instead of holding the lock without a window', async () => {
    const dir = tempDir('cadence-broken-');
    fs.mkdirSync(path.join(dir, 'settings.json'));
    const { log, code } = await bootDesktop({}, ['--data-dir', dir]);
    expect(code).toBe(1);
    expect(calls(log, 'dialog.showErrorBox')).toMatchObject([
      { title: 'Cadence could not start', content: expect.stringContaining('settings.json is a folder') },
    ]);
    expect(calls(log, 'BrowserWindow')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a command word like the `cadence` command and exits, taking no lock and showing nothing', async () => {
    const dir = tempDir('cadence-desktop-cli-');
    seedSettings(dir, 'UTC');
    await serve(dir);
    const { log, code, output } = await bootDesktop({ CADENCE_STANDIN_PROBE: '' }, [
      'status',
      '--data-dir',
      dir,
    ]);
    expect(code).toBe(0);
    // The same answer as the `cadence` command gives.
    const direct = await cli(dir, ['status']);
    expect(output.trim()).toBe(direct.stdout.trim());
    expect(output).toMatch(/\S/);
    expect(calls(log, 'app.requestSingleInstanceLock')).toEqual([]);
    expect(calls(log, 'Tray')).toEqual([]);
    // `cadence --version` through the installed app (the deb's /usr/bin/cadence) says the version, and starts nothing.
    const version = await bootDesktop({ CADENCE_STANDIN_PROBE: '' }, ['--version']);
    expect([version.code, version.output.trim()]).toEqual([0, (await cli(dir, ['--version'])).stdout.trim()]);
    expect(version.output).toMatch(/^Cadence \d+\.\d+\.\d+/);
    expect(calls(version.log, 'app.requestSingleInstanceLock')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
