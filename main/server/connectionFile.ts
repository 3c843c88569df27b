import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepOwnerOnly } from '../auth/ownerOnly';

/** Where Cadence keeps its data: --data-dir, else CADENCE_DATA_DIR, else the platform's usual place. */
export function resolveDataDir(flag?: string): string {
  if (flag) return path.resolve(flag);
  if (process.env.CADENCE_DATA_DIR) return path.resolve(process.env.CADENCE_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cadence');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? home, 'Cadence');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'cadence');
}

export interface Connection {
  port: number;
  token: string;
  pid: number;
  url: string;
  /** The service serves the window (headless); the desktop app shows its own. */
  servesWindow?: boolean;
}

const TOKEN_FILE = 'api-token';
const CONNECTION_FILE = 'service.json';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,}$/;

/** The folder's API token as it is on disk, without creating one. */
export function readApiToken(dataDir: string): string | null {
  try {
    const token = fs.readFileSync(path.join(dataDir, TOKEN_FILE), 'utf8').trim();
    return TOKEN_PATTERN.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** The per-install API token, created once with owner-only permissions (and kept so). */
export function apiToken(dataDir: string): { token: string; warning: string | null } {
  const file = path.join(dataDir, TOKEN_FILE);
  const existing = readApiToken(dataDir);
  if (existing) return { token: existing, warning: keepOwnerOnly(file) };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, token, { mode: 0o600 });
  return { token, warning: null };
}

export function writeConnection(dataDir: string, connection: Connection): void {
  const file = path.join(dataDir, CONNECTION_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(connection), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export function readConnection(dataDir: string): Connection | null {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, CONNECTION_FILE), 'utf8')) as Connection;
    return typeof data.port === 'number' && typeof data.token === 'string' ? data : null;
  } catch {
    return null;
  }
}

export function removeConnection(dataDir: string, pid: number): void {
  const existing = readConnection(dataDir);
  if (existing?.pid === pid) fs.rmSync(path.join(dataDir, CONNECTION_FILE), { force: true });
}
