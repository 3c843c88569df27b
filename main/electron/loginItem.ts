import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  /** Only an installed app can start at login: in development the bare Electron binary would be registered. */
  isPackaged: boolean;
  execPath: string;
  env: Record<string, string | undefined>;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** The XDG autostart entry (Desktop Application Autostart Specification: $XDG_CONFIG_HOME/autostart/*.desktop). */
export function autostartFile(env: Record<string, string | undefined>): string {
  const config = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'autostart', 'cadence.desktop');
}

const quoted = (value: string) => `"${value.replace(/(["`$\\\\])/g, '\\\\$1')}"`;

/**
 * Turns launching at login on or off, the way each OS does it, and always started hidden (to the tray):
 * - Linux: Electron's setLoginItemSettings does nothing there, so an XDG autostart entry is written
 *   (the AppImage's own path when run as one).
 * - Windows: a Run entry with `--hidden`, so logging in does not open the window.
 * - macOS: a login item; the app tells it was opened at login by itself.
 * Returns a problem to show, or null.
 */
export function applyLaunchAtLogin(enabled: boolean, host: LoginItemHost): string | null {
  if (!host.isPackaged)
    return enabled
      ? 'Launch at login works in the installed app, not when Cadence runs from its source folder.'
      : null;
  try {
    if (host.platform === 'linux') {
      const file = autostartFile(host.env);
      if (!enabled) {
        fs.rmSync(file, { force: true });
        return null;
      }
      const executable = host.env.APPIMAGE || host.execPath;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        [
          '[Desktop Entry]',
          'Type=Application',
          'Name=Cadence',
          'Comment=Focus blocks, workday boundaries and availability',
          `Exec=${quoted(executable)} --hidden`,
          'Terminal=false',
          'X-GNOME-Autostart-enabled=true',
          '',
        ].join('\n'),
      );
      return null;
    }
    host.setLoginItemSettings(
      host.platform === 'win32' ? { openAtLogin: enabled, args: ['--hidden'] } : { openAtLogin: enabled },
    );
    return null;
  } catch (error) {
    return `Launch at login could not be ${enabled ? 'turned on' : 'turned off'}: ${(error as Error).message}.`;
  }
}
