import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

export const FILE_MODE = 0o600;
/** Errors that go away by themselves: too many open files, a file held a moment by a scanner. */
const TRANSIENT = new Set([
  'EMFILE',
  'ENFILE',
  'EAGAIN',
  'EBUSY',
  ...(process.platform === 'win32' ? ['EPERM', 'EACCES'] : []),
]);
const RETRY_FOR_MS = 1_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs a file system call again while it fails with a transient error, for up to a second. */
function retrying<T>(call: () => T): T {
  const deadline = performance.now() + RETRY_FOR_MS;
  for (;;) {
    try {
      return call();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code || !TRANSIENT.has(code) || performance.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

/**
 * The end of the temporary files written here, and by the `atomically` package behind electron-store,
 * which names them the same way: what a process killed mid-write leaves beside the target.
 */
export const TEMPORARY_SUFFIX = /\.tmp-\d{10}[0-9a-f]{6}$/;

/** Writes a temporary file beside the target, flushes it to disk, then renames it over the target. */
export function writeFileAtomically(file: string, data: string, mode = FILE_MODE): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // not there yet
  }
  const temporary = `${target}.tmp-${Date.now().toString().slice(-10)}${randomBytes(3).toString('hex')}`;
  let fd: number | null = null;
  try {
    fd = retrying(() => fs.openSync(temporary, 'w', mode));
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.chmodSync(temporary, mode); // the mode, whatever the umask
    retrying(() => fs.renameSync(temporary, target));
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
      fs.writeFileSync(target, data, { mode });
      return;
    }
    throw error;
  }
}
