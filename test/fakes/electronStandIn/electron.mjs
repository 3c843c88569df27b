// A recording stand-in for Electron's main-process API, for booting the built main process under plain
// Node. Every call that matters is written as a JSON line to $CADENCE_STANDIN_LOG. It then plays the
// user: it asks the captured app:// handler for pages, clicks the tray, and quits through app.quit().
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const logFile = process.env.CADENCE_STANDIN_LOG;
const platform = process.env.CADENCE_STANDIN_PLATFORM ?? process.platform;
const record = (api, detail = {}) => {
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify({ api, ...detail })}\n`);
};

let ready = false;
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-standin-userdata-'));

class App extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch: (name, value) => record('app.commandLine.appendSwitch', { name, value }) };
  whenReady() {
    ready = true;
    record('app.whenReady');
    setTimeout(() => this.emit('ready'), 0);
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', { id });
  }
  getPath(name) {
    return name === 'userData' ? userData : os.tmpdir();
  }
  getVersion() {
    return '0.0.0-standin';
  }
  getName() {
    return 'Cadence';
  }
  // https://www.electronjs.org/docs/latest/api/app#appgetlocale: the application's locale, a BCP 47 tag.
  getLocale() {
    return 'en-US';
  }
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings) {
    record('app.setLoginItemSettings', { settings });
  }
  relaunch() {
    record('app.relaunch');
  }
  quit() {
    record('app.quit');
    const event = { defaultPrevented: false, preventDefault() {} };
    this.emit('before-quit', event);
    this.emit('will-quit', event);
    setTimeout(() => {
      fs.rmSync(userData, { recursive: true, force: true });
      process.exit(0);
    }, 50);
  }
  exit(code) {
    record('app.exit', { code });
    fs.rmSync(userData, { recursive: true, force: true });
    process.exit(code);
  }
}
export const app = new App();

class WebContents extends EventEmitter {
  send(channel, data) {
    record('webContents.send', { channel, name: data?.name, problems: data?.data?.problems });
  }
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
}

const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows;
  }
  constructor(options) {
    super();
    this.webContents = new WebContents();
    windows.push(this);
    const preload = options.webPreferences?.preload;
    record('BrowserWindow', {
      preload,
      preloadExists: Boolean(preload && fs.existsSync(preload)),
      webPreferences: options.webPreferences,
    });
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', { url });
    setTimeout(() => this.emit('ready-to-show'), 0);
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show');
  }
  focus() {}
  hide() {
    record('BrowserWindow.hide');
  }
  getBounds() {
    return { x: 0, y: 0, width: 1040, height: 760 };
  }
}

let protocolHandler = null;
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes, beforeReady: !ready });
  },
  handle(scheme, handler) {
    record('protocol.handle', { scheme });
    protocolHandler = handler;
  },
};

export const net = {
  async fetch(url) {
    const file = fileURLToPath(url);
    try {
      const body = fs.readFileSync(file);
      const type = file.endsWith('.html')
        ? 'text/html'
        : file.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      record('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler() {
      record('session.setPermissionCheckHandler');
    },
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return {
      items: template.map((item) => ({
        label: item.label,
        role: item.role,
        type: item.type,
        enabled: item.enabled,
        click: item.click,
      })),
    };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', { roles: menu?.items.map((item) => item.role ?? item.label) });
  },
};

const trays = [];
export class Tray extends EventEmitter {
  constructor() {
    super();
    trays.push(this);
    record('Tray');
  }
  setImage() {}
  setToolTip(tooltip) {
    this.tooltip = tooltip;
    record('Tray.setToolTip', { tooltip });
  }
  setTitle(title) {
    record('Tray.setTitle', { title });
  }
  setContextMenu(menu) {
    this.menu = menu;
    record('Tray.setContextMenu', { labels: menu?.items.map((item) => item.label ?? item.type) });
  }
  popUpContextMenu(menu) {
    record('Tray.popUpContextMenu', { labels: menu?.items.map((item) => item.label ?? item.type) });
  }
  destroy() {
    record('Tray.destroy');
  }
}

const image = (empty) => ({
  isEmpty: () => empty,
  addRepresentation() {},
  setTemplateImage() {},
  toDataURL: () => 'data:image/png;base64,',
});
export const nativeImage = {
  createFromBitmap(buffer, size) {
    record('nativeImage.createFromBitmap', { bytes: buffer.length, size });
    return image(false);
  },
  createFromPath(file) {
    const exists = fs.existsSync(file);
    record('nativeImage.createFromPath', { file, exists });
    return image(!exists);
  },
};

const handlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    handlers.set(channel, handler);
    record('ipcMain.handle', { channel });
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
  on() {},
};

export const globalShortcut = {
  register(accelerator) {
    record('globalShortcut.register', { accelerator });
    return process.env.CADENCE_STANDIN_SHORTCUT !== 'taken';
  },
  unregister() {},
  unregisterAll() {},
};

export const powerMonitor = Object.assign(new EventEmitter(), {
  // The seconds since the last input the test plays (CADENCE_STANDIN_IDLE), as the OS would tell.
  getSystemIdleTime() {
    const seconds = Number(process.env.CADENCE_STANDIN_IDLE ?? 0);
    record('powerMonitor.getSystemIdleTime', { seconds });
    return seconds;
  },
});
const powerOn = powerMonitor.on.bind(powerMonitor);
powerMonitor.on = (event, listener) => {
  record('powerMonitor.on', { event });
  return powerOn(event, listener);
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (text) => Buffer.from(`standin:${Buffer.from(text).toString('base64')}`),
  decryptString: (data) => Buffer.from(data.toString().slice('standin:'.length), 'base64').toString(),
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    record('Notification', { title: options.title });
  }
  show() {}
}

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
};

export const shell = {
  openExternal(url) {
    record('shell.openExternal', { url });
    return Promise.resolve();
  },
  openPath() {
    return Promise.resolve('');
  },
};

// Plays the user once the app has set itself up: pages through app://, a tray click, then quit.
async function probe() {
  for (let i = 0; i < 500 && !(protocolHandler && trays.length && windows.length); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  for (const url of [
    'app://cadence/',
    'app://cadence/index.html',
    'app://cadence/..%2Frenderer-old%2Fsecret.txt',
    'app://evil/index.html',
    'app://cadence/%E0%A4%A',
  ]) {
    const response = await protocolHandler(new Request(url));
    const text = await response.text();
    record('probe.app', {
      url,
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      html: text.includes('<div id="root">'),
      headline: /<h1 id="headline"[^>]*>([^<]*)<\/h1>/.exec(text)?.[1] ?? null,
      firstData: text.includes('<script type="application/json" id="cadence-first">'),
      cacheControl: response.headers.get('cache-control'),
    });
  }
  const tray = trays[0];
  const before = tray?.tooltip;
  tray?.emit('click');
  for (let i = 0; i < 200 && tray?.tooltip === before; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  record('probe.tray', { before, after: tray?.tooltip });
  if (process.env.CADENCE_STANDIN_STAY) return;
  app.quit();
}
if (process.env.CADENCE_STANDIN_PROBE) setTimeout(() => void probe(), 0);

Object.defineProperty(process, 'platform', { value: platform });

export default {
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
};
