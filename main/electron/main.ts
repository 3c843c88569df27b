import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
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
import { DisposableStore } from '../core/lifetime';
import type { DocumentBackend } from '../core/ports';
import { FileLog } from '../core/fileLog';
import { installLastResort } from '../headless/lastResort';
import { type CadenceHost, startHost } from '../headless/startHeadless';
import { providerConfigs } from '../providers/endpoints';
import { resolveDataDir } from '../server/connectionFile';
import { EVENT_CHANNEL, serveCompanionIpc } from './companionIpc';
import { ElectronNotifier } from './electronNotifier';
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

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let showWindow: () => void = () => undefined;
if (claimSingleInstance(app, () => showWindow())) void run();

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

async function run(): Promise<void> {
  await app.whenReady();
  const disposables = new DisposableStore();
  let quitting = false;
  let window: BrowserWindow | null = null;
  const windowState = new ElectronStore<{ bounds?: { x: number; y: number; width: number; height: number } }>(
    { name: 'window' },
  );

  hardenSession(session.defaultSession);
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(
      pathToFileURL(url.pathname === '/' ? path.join(rendererDir, 'index.html') : file).toString(),
    );
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
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

  const dataDir = resolveDataDir();
  disposables.add(
    installLastResort(new FileLog(dataDir, () => Date.now()), () => {
      app.relaunch();
      app.exit(0);
    }),
  );
  let host: CadenceHost;
  try {
    host = await startHost({
      dataDir,
      rendererDir: null,
      notifier: new ElectronNotifier(openWindow),
      openBackend: electronStore,
      cipher: safeStorage.isEncryptionAvailable()
        ? {
            encrypt: (text) => safeStorage.encryptString(text),
            decrypt: (data) => safeStorage.decryptString(data),
          }
        : null,
    });
  } catch (error) {
    console.error(`Cadence could not start: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  const service = host.service;
  disposables.add(host);

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
      default: {
        const { type, ...input } = action;
        void service.handleCommand(type, input);
      }
    }
  };

  const tray = new Tray(icon('working'));
  const refreshTray = (status: StatusView = service.status()): void => {
    const now = Date.now();
    tray.setImage(icon(status.mode));
    tray.setToolTip(trayTooltip(status, now));
    if (process.platform === 'darwin') tray.setTitle(trayTitle(status, now));
    const lengths = service.settings.focus.lengths;
    const template: MenuItemConstructorOptions[] = trayMenu(status, lengths).map((item) =>
      'separator' in item
        ? { type: 'separator' }
        : { label: item.label, enabled: item.enabled, click: () => item.action && perform(item.action) },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  tray.on('click', () => perform(clickAction(service.status())));
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
        app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
        registerShortcut(settings.focusShortcut);
      }
      for (const target of BrowserWindow.getAllWindows()) target.webContents.send(EVENT_CHANNEL, event);
    }),
  );
  disposables.add(feedPowerEvents(powerMonitor, service));
  let shortcut: string | null = null;
  const registerShortcut = (accelerator: string): void => {
    if (accelerator === shortcut) return;
    if (shortcut) globalShortcut.unregister(shortcut);
    shortcut = globalShortcut.register(accelerator, () => perform(clickAction(service.status())))
      ? accelerator
      : null;
  };
  registerShortcut(service.settings.focusShortcut);

  showWindow = openWindow;
  app.on('activate', openWindow);
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
    globalShortcut.unregisterAll();
    disposables.dispose();
    tray.destroy();
  });
  if (!app.getLoginItemSettings().wasOpenedAtLogin) openWindow();
}

function icon(mode: Mode): Electron.NativeImage {
  const template = process.platform === 'darwin';
  const sizes = traySizes(process.platform);
  const base = sizes[0]!;
  const image = nativeImage.createFromBitmap(trayBitmap(mode, base, template), { width: base, height: base });
  for (const size of sizes.slice(1)) {
    image.addRepresentation({
      scaleFactor: size / base,
      width: size,
      height: size,
      buffer: trayBitmap(mode, size, template),
    });
  }
  if (template) image.setTemplateImage(true);
  return image;
}
