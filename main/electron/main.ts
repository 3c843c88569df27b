import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import ElectronStore from 'electron-store';
import type { Mode } from '../../shared/availability';
import type { StatusView } from '../../shared/statusView';
import type { NotificationActionId } from '../../shared/words';
import { DisposableStore } from '../base/lifetime';
import type { CadenceService } from '../core/cadenceService';
import type { DocumentBackend } from '../core/ports';
import { FileLog } from '../core/fileLog';
import { installLastResort } from '../headless/lastResort';
import { type CadenceHost, startHost } from '../headless/startHeadless';
import { providerConfigs } from '../providers/endpoints';
import { resolveDataDir } from '../server/connectionFile';
import { appWindowPage, resolveAppRequest } from './appProtocol';
import { EVENT_CHANNEL, serveCompanionIpc } from './companionIpc';
import { electronActivitySource } from './electronActivity';
import { ElectronNotifier } from './electronNotifier';
import { launchOptions } from './launch';
import { applyLaunchAtLogin } from './loginItem';
import { feedPowerEvents } from './powerEvents';
import { claimSingleInstance } from './singleInstance';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  createSecureWindow,
} from './security';
import { trayBitmap, traySizes } from './trayIcon';
import { clickAction, type TrayAction, trayMenu, trayTitle, trayTooltip } from './trayModel';
import { wireTray } from './trayWiring';
import { UpdateScheduler, updateWords } from './updates';

/** The installer's app id (electron-builder.yml `appId`): Windows shows notifications only for a known one. */
export const APP_USER_MODEL_ID = 'app.cadence.desktop';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');

// Global shortcuts on Wayland go through the desktop portal, which Chromium uses only when asked
// (globalShortcut docs, https://www.electronjs.org/docs/latest/api/global-shortcut).
if (process.platform === 'linux' && process.env.WAYLAND_DISPLAY)
  app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/**
 * The installed app answers the `cadence` command too: started with a command word (`Cadence status`,
 * or the deb's /usr/bin/cadence), it runs the CLI, prints the answer and exits, before it takes the
 * single-instance lock or shows anything. Packaged, the arguments follow the binary; from a source
 * folder they follow the folder. `--version` anywhere is the CLI's too.
 */
const cliArgs = process.argv.slice(app.isPackaged ? 1 : 2);
const commandWord =
  cliArgs.includes('--version') ||
  (cliArgs[0] !== undefined && !cliArgs[0].startsWith('-') && cliArgs[0] !== 'serve');

let showWindow: () => void = () => undefined;
if (commandWord) void runCli(cliArgs);
else if (claimSingleInstance(app, () => showWindow()))
  run().catch((error: unknown) => {
    // A failed start must not leave a windowless process holding the single-instance lock.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Cadence could not start: ${message}`);
    dialog.showErrorBox('Cadence could not start', message);
    app.exit(1);
  });

function electronStore(directory: string, name: string): DocumentBackend {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: directory,
    name,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
  return {
    path: store.path,
    get store() {
      return store.store;
    },
    set store(value) {
      store.store = value;
    },
  };
}

async function runCli(args: string[]): Promise<void> {
  // The CLI is its own built entry (out/main/cli.js), loaded only for a command word.
  const cli = (await import(new URL('./cli.js', import.meta.url).href)) as {
    main(argv: string[]): Promise<number>;
  };
  app.exit(await cli.main(args));
}

/** The window's menu: no Reload or DevTools in an installed app; Edit keeps copy and paste working. */
function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

async function run(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const launch = launchOptions(process.argv);
  await app.whenReady();
  Menu.setApplicationMenu(applicationMenu());
  const disposables = new DisposableStore();
  let quitting = false;
  let window: BrowserWindow | null = null;
  const windowState = new ElectronStore<{ bounds?: { x: number; y: number; width: number; height: number } }>(
    { name: 'window' },
  );

  hardenSession(session.defaultSession);
  /** Where the window's first screen is read from, once the service runs. */
  let firstScreenSource: Pick<CadenceService, 'query'> | null = null;
  protocol.handle('app', async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if ('status' in target) return new Response(target.reason, { status: target.status });
    const response = await net.fetch(pathToFileURL(target.file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    if (response.ok && path.basename(target.file) === 'index.html') {
      // The window's page comes with its first screen: the headline shows before any script has run.
      headers.set('cache-control', 'no-store');
      headers.delete('content-length');
      const page = appWindowPage(await response.text(), firstScreenSource, app.getLocale());
      return new Response(page, { status: response.status, headers });
    }
    return new Response(response.body, { status: response.status, headers });
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(
      contents,
      (url) => void shell.openExternal(url),
      Object.values(providerConfigs()).map((config) => config.oauth.authorizeUrl),
    ),
  );

  const openWindow = (): void => {
    service.clientArrived();
    if (window) {
      window.show();
      window.focus();
      return;
    }
    window = createSecureWindow(
      BrowserWindow,
      path.join(here, '../preload/index.cjs'),
      windowState.get('bounds'),
    );
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    window.once('ready-to-show', () => window?.show());
    window.on('close', (event) => {
      if (window) windowState.set('bounds', window.getBounds());
      if (!quitting) {
        event.preventDefault();
        window?.hide();
      }
    });
    window.on('closed', () => (window = null));
  };

  const dataDir = resolveDataDir(launch.dataDir ?? undefined);
  disposables.add(
    installLastResort(new FileLog(dataDir, () => Date.now()), () => {
      app.relaunch();
      app.exit(0);
    }),
  );
  let onNotificationAction: (id: NotificationActionId) => void = () => undefined;
  const host: CadenceHost = await startHost({
    dataDir,
    rendererDir: null,
    notifier: new ElectronNotifier(Notification, openWindow, (id) => onNotificationAction(id)),
    activity: { source: electronActivitySource(powerMonitor) },
    openBackend: electronStore,
    cipher: safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (text) => safeStorage.encryptString(text),
          decrypt: (data) => safeStorage.decryptString(data),
          weak: process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
        }
      : null,
  });
  const service = host.service;
  firstScreenSource = service;
  disposables.add(host);

  onNotificationAction = (id) => {
    const settings = service.settings;
    if (id === 'lunch.start') void service.handleCommand('lunch.start', { minutes: settings.lunch.minutes });
    else if (id === 'lunch.later') void service.handleCommand('lunch.snooze', { minutes: 15 });
    else if (id === 'shutdown.later') void service.handleCommand('shutdown.snooze', { minutes: 10 });
    else if (id === 'nudge.closing') void service.handleCommand('nudge.answer', { answer: 'closing' });
    else if (id === 'nudge.urgent') void service.handleCommand('nudge.answer', { answer: 'urgent' });
    else if (id === 'goal.start' || id === 'goal.skip') {
      const key = service.status().prompts.find((prompt) => prompt.kind === 'goalStart')?.goalKey;
      if (key) void service.handleCommand(id, { key });
    } else perform({ type: 'ritual.open' });
  };

  const perform = (action: TrayAction): void => {
    switch (action.type) {
      case 'window.open':
        return openWindow();
      case 'ritual.open':
        openWindow();
        service.execute('shutdown.begin', {});
        return;
      case 'quit':
        quitting = true;
        app.quit();
        return;
      case 'update.install':
        quitting = true;
        updates?.installNow();
        return;
      default: {
        const { type, ...input } = action;
        void service.handleCommand(type, input);
      }
    }
  };

  let updates: UpdateScheduler | null = null;
  const tray = new Tray(icon('working'));
  const menu = (status: StatusView = service.status()): Menu =>
    Menu.buildFromTemplate(
      trayMenu(
        status,
        service.settings.focus.lengths,
        undefined,
        process.platform,
        service.settings.focus.defaultMinutes,
        updates?.state.state === 'ready' ? updates.state.version : null,
      ).map((item) =>
        'separator' in item
          ? { type: 'separator' as const }
          : { label: item.label, enabled: item.enabled, click: () => item.action && perform(item.action) },
      ),
    );
  const wiring = wireTray(tray, process.platform, {
    toggle: () => perform(clickAction(service.status())),
    open: openWindow,
    menu: () => menu(),
  });
  const refreshTray = (status: StatusView = service.status()): void => {
    const now = Date.now();
    tray.setImage(icon(status.mode));
    tray.setToolTip(trayTooltip(status, now));
    if (process.platform === 'darwin') tray.setTitle(trayTitle(status, now));
    wiring.refreshMenu();
  };
  refreshTray();
  const minuteTimer = setInterval(() => {
    const status = service.status();
    if (status.focus || status.mode === 'lunch') refreshTray(status);
  }, 60_000);
  disposables.add({ dispose: () => clearInterval(minuteTimer) });

  disposables.add(
    serveCompanionIpc(ipcMain, service, (event) => {
      if (event.name === 'availability.changed') refreshTray(event.data);
      if (event.name === 'settings.changed') {
        const settings = event.data;
        applyLogin(settings.launchAtLogin);
        registerShortcut(settings.focusShortcut);
        updates?.setEnabled(settings.autoUpdate);
      }
      for (const target of BrowserWindow.getAllWindows()) target.webContents.send(EVENT_CHANNEL, event);
    }),
  );
  disposables.add(feedPowerEvents(powerMonitor, service));
  let launchAtLogin: boolean | null = null;
  const applyLogin = (enabled: boolean): void => {
    if (enabled === launchAtLogin) return;
    launchAtLogin = enabled;
    service.reportHostProblem(
      'loginItem',
      applyLaunchAtLogin(enabled, {
        platform: process.platform,
        isPackaged: app.isPackaged,
        execPath: process.execPath,
        env: process.env,
        setLoginItemSettings: (item) => app.setLoginItemSettings(item),
      }),
    );
  };
  applyLogin(service.settings.launchAtLogin);
  let shortcut: string | null = null;
  let wanted: string | null = null;
  const registerShortcut = (accelerator: string): void => {
    if (accelerator === wanted) return;
    wanted = accelerator;
    if (shortcut) globalShortcut.unregister(shortcut);
    let registered = false;
    try {
      registered = globalShortcut.register(accelerator, () => perform(clickAction(service.status())));
    } catch {
      registered = false;
    }
    shortcut = registered ? accelerator : null;
    // Taken by another app, or (Wayland) not offered without the GlobalShortcutsPortal feature.
    service.reportHostProblem(
      'shortcut',
      registered
        ? null
        : `The shortcut ${accelerator} could not be registered: another app may use it${process.platform === 'linux' ? ', or your desktop (Wayland) does not let apps set global shortcuts' : ''}. Choose another in Settings, or use the tray.`,
    );
  };
  registerShortcut(service.settings.focusShortcut);
  if (app.isPackaged) {
    // electron-updater is loaded only by the installed app (it reads the app-update.yml the installer wrote).
    const { autoUpdater } = (await import('electron-updater')).default;
    updates = new UpdateScheduler(
      autoUpdater,
      {
        now: () => Date.now(),
        set: (fn, ms) => setTimeout(fn, ms).unref(),
        clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
      (state) => {
        service.reportHostProblem('update', updateWords(state));
        refreshTray();
      },
      true,
    );
    disposables.add(updates);
    updates.setEnabled(service.settings.autoUpdate);
  }

  showWindow = openWindow;
  app.on('activate', openWindow);
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
    globalShortcut.unregisterAll();
    disposables.dispose();
    tray.destroy();
  });
  // Started at login (Windows and Linux pass --hidden; macOS tells by itself): to the tray only.
  if (!launch.hidden && !app.getLoginItemSettings().wasOpenedAtLogin) openWindow();
}

/**
 * The tray icon for a mode: the PNGs rendered from tray.svg at build time (out/tray), the template
 * variant on macOS, with the @2x size as a second representation; drawn in code if they are missing
 * (a build made without `npm run build`).
 */
function icon(mode: Mode): Electron.NativeImage {
  const template = process.platform === 'darwin';
  const sizes = traySizes(process.platform);
  const base = sizes[0]!;
  const file = (size: number) =>
    path.join(here, '..', 'tray', `${template ? 'template-' : ''}${mode}-${size}.png`);
  let image = nativeImage.createFromPath(file(base));
  const drawn = !image.isEmpty();
  if (!drawn)
    image = nativeImage.createFromBitmap(trayBitmap(mode, base, template), { width: base, height: base });
  for (const size of sizes.slice(1)) {
    image.addRepresentation(
      drawn
        ? { scaleFactor: size / base, dataURL: nativeImage.createFromPath(file(size)).toDataURL() }
        : { scaleFactor: size / base, width: size, height: size, buffer: trayBitmap(mode, size, template) },
    );
  }
  if (template) image.setTemplateImage(true);
  return image;
}
