import fs from 'node:fs';
import path from 'node:path';
import { lock } from 'os-lock';
import type { IDisposable } from '../base/lifetime';

export const LOCK_FILE = 'cadence.lock';

export class FolderLockedError extends Error {}

/**
 * One Cadence per data folder: an exclusive lock on `cadence.lock`, taken before anything in the folder
 * is written. The operating system releases it when the process ends, however it ends, so a crash never
 * leaves a folder locked.
 */
export async function lockDataFolder(dataDir: string): Promise<IDisposable> {
  const file = path.join(dataDir, LOCK_FILE);
  let fd: number;
  try {
    fd = fs.openSync(file, 'a', 0o600);
  } catch (error) {
    throw new Error(`Could not open ${file}: ${(error as Error).message}.`);
  }
  try {
    await lock(fd, { exclusive: true, immediate: true });
  } catch {
    fs.closeSync(fd);
    throw new FolderLockedError(`Another Cadence holds ${file}.`);
  }
  return {
    dispose: () => {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed: the lock went with it
      }
    },
  };
}
