import fs from 'node:fs';

/**
 * Makes a secret file readable by its owner alone. A file that others could read (an older copy, a
 * restored backup) is tightened to 0600, and the answer says so, for the log and `status`.
 */
export function keepOwnerOnly(file: string): string | null {
  if (process.platform === 'win32') return null;
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    return null;
  }
  if ((mode & 0o077) === 0) return null;
  try {
    fs.chmodSync(file, 0o600);
    return `${file} was readable by other users (mode ${(mode & 0o777).toString(8)}); it is now 0600. If others may have read it, disconnect and reconnect your services.`;
  } catch (error) {
    return `${file} is readable by other users and could not be restricted: ${(error as Error).message}.`;
  }
}
