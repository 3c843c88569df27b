import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_ORIGIN = 'app://cadence';

/**
 * Pages Cadence may open in the system browser: the providers' sign-in pages, the consoles where
 * Settings' guides (shared/connectGuides.ts) have the user make an app, the providers' help, and ours.
 * Each is an origin and a path under it, compared with the parsed address (so `..`, `%2e%2e` and
 * look-alike hosts or paths such as `/apps.evil` match nothing they should not): "Do not use
 * shell.openExternal with untrusted content" (https://www.electronjs.org/docs/latest/tutorial/security).
 */
export const EXTERNAL_ALLOWLIST: readonly { origin: string; pathPrefix: string }[] = [
  { origin: 'https://slack.com', pathPrefix: '/' },
  { origin: 'https://accounts.google.com', pathPrefix: '/' },
  { origin: 'https://login.microsoftonline.com', pathPrefix: '/' },
  { origin: 'https://github.com', pathPrefix: '/' },
  { origin: 'https://api.slack.com', pathPrefix: '/apps' },
  { origin: 'https://docs.slack.dev', pathPrefix: '/' },
  { origin: 'https://console.cloud.google.com', pathPrefix: '/' },
  { origin: 'https://support.google.com', pathPrefix: '/cloud/' },
  { origin: 'https://developers.google.com', pathPrefix: '/identity/' },
  { origin: 'https://entra.microsoft.com', pathPrefix: '/' },
  { origin: 'https://learn.microsoft.com', pathPrefix: '/' },
];

/** `pathname` is `prefix` itself or lies under it, a whole path segment at a time. */
const under = (pathname: string, prefix: string): boolean =>
  pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

/**
 * The address to hand the system browser, as parsed (never the raw string), when the page may open
 * there: https on the allowlist, or a sign-in page at exactly one of the authorize addresses Cadence is
 * configured with (an organisation's own sign-in service). Null otherwise; an address carrying a user
 * name or password (`https://slack.com@evil.example/`) never opens.
 */
export function allowedExternal(url: string, authorizeUrls: readonly string[] = []): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (
    parsed.protocol === 'https:' &&
    EXTERNAL_ALLOWLIST.some(
      ({ origin, pathPrefix }) => parsed.origin === origin && under(parsed.pathname, pathPrefix),
    )
  )
    return parsed.href;
  // A sign-in's own start page on this computer (main/auth/browserBinding.ts): it sends the browser on.
  if (
    parsed.protocol === 'http:' &&
    (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost') &&
    /^\/cadence-sign-in\/[\w-]+$/.test(parsed.pathname) &&
    !parsed.search
  )
    return parsed.href;
  const authorize = authorizeUrls.some((address) => {
    try {
      const allowed = new URL(address);
      return parsed.origin === allowed.origin && parsed.pathname === allowed.pathname;
    } catch {
      return false;
    }
  });
  return authorize ? parsed.href : null;
}

/** Whether a page may open in the system browser (see `allowedExternal`). */
export function isAllowedExternal(url: string, authorizeUrls: readonly string[] = []): boolean {
  return allowedExternal(url, authorizeUrls) !== null;
}

/** Only Cadence's own pages, served from app://cadence, may talk to the core over IPC. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

type Bounds = { x?: number; y?: number; width: number; height: number };

/**
 * Creates the main window with the checklist's settings, written out where scanners can read them.
 * The constructor is passed in so that tests can capture the options without Electron.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preload: string,
  bounds?: Bounds,
): W {
  return new BrowserWindow({
    width: bounds?.width ?? 1040,
    height: bounds?.height ?? 760,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 520,
    minHeight: 480,
    show: false,
    title: 'Cadence',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The parts of Electron's webContents and session that the hardening touches: real ones in the app, fakes in tests. */
export interface ContentsLike {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler:
      | ((
          webContents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { requestingUrl?: string },
        ) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: unknown, permission: string, requestingOrigin: string) => boolean) | null,
  ): void;
}

/** Navigation and new windows are denied; allowed external links go to the system browser. */
export function hardenContents(
  contents: ContentsLike,
  openExternal: (url: string) => void,
  authorizeUrls: readonly string[] = [],
): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternal(url, authorizeUrls);
    if (allowed) openExternal(allowed);
    return { action: 'deny' };
  });
}

/**
 * Writing text to the clipboard (Settings' Copy of the Slack manifest) is allowed, to Cadence's own
 * window only: Electron asks for it as `clipboard-sanitized-write`, the check handler with the requesting
 * origin and the request handler with `details.requestingUrl`
 * (https://www.electronjs.org/docs/latest/api/session, setPermissionCheckHandler and
 * setPermissionRequestHandler). Reading the clipboard is not.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Every other permission request (camera, notifications from the page, geolocation…) is refused. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(details.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingOrigin),
  );
}
