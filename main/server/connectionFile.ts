import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
}

const TOKEN_FILE = 'api-token';
const CONNECTION_FILE = 'service.json';

/** The per-install API token, created once with owner-only permissions. */
export function apiToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    const token = fs.readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(token)) return token;
  } catch {
    // first run: create it below
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, token, { mode: 0o600 });
  return token;
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
