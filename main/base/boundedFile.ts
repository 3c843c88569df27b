import fs from 'node:fs';

/** What reading a file gave: its text, nothing (it is not there), or why it was not read, in words. */
export type BoundedRead =
  { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'refused'; reason: string };

export interface BoundedReadRules {
  /** Larger files are not read: at most this many bytes are ever taken from the file. */
  maxBytes: number;
  /**
   * The file may come from another user (a folder others can write, such as a shared parent folder):
   * read it only when it is yours or root's and no one else can change it.
   */
  othersMayPlant?: boolean;
}

// O_NOFOLLOW: a symbolic link (to /dev/zero, to another user's file) fails with ELOOP instead of being
// followed (https://man7.org/linux/man-pages/man2/openat.2.html). O_NONBLOCK: opening a FIFO for reading
// returns at once instead of waiting for a writer that never comes
// (https://man7.org/linux/man-pages/man7/fifo.7.html); the descriptor's fstat then shows it is no
// regular file, and it is never read.
const OPEN_FLAGS =
  fs.constants.O_RDONLY |
  (fs.constants.O_NOFOLLOW ?? 0) |
  (fs.constants.O_NONBLOCK ?? 0) |
  (fs.constants.O_NOCTTY ?? 0);

/**
 * Reads a small file that Cadence does not write itself, checking the descriptor it opened (not the
 * path, which could be swapped between a check and the read), so that a planted FIFO, device, link or
 * huge file can neither block, exhaust nor feed Cadence.
 *
 * With `othersMayPlant`, the rule is OpenSSH's StrictModes rule for the files it trusts
 * (https://man.openbsd.org/sshd_config#StrictModes, and sshd(8) FILES: a file others can write "could be
 * modified or replaced by unauthorized users"): the file belongs to you or to root, and neither its
 * group nor others may write it, wherever it is. It does not depend on the folder: the folder's
 * permissions can change after the check, the opened file's owner and mode are what was read.
 */
export function readBoundedFile(file: string, rules: BoundedReadRules): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error as NodeJS.ErrnoException);
  }
  try {
    const stat = fs.fstatSync(fd);
    const refusal = refusalOf(stat, file, rules);
    if (refusal) return { kind: 'refused', reason: refusal };
    const buffer = Buffer.alloc(rules.maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > rules.maxBytes) return { kind: 'refused', reason: tooLarge(rules.maxBytes) };
    }
    return { kind: 'text', text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { kind: 'refused', reason: `it could not be read (${(error as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}

function openFailure(error: NodeJS.ErrnoException): BoundedRead {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'missing' };
    case 'ELOOP':
    case 'EMLINK': // FreeBSD's answer to O_NOFOLLOW on a link
      return {
        kind: 'refused',
        reason: 'it is a symbolic link; only a regular file is read, so put the file itself there',
      };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'refused', reason: 'you are not allowed to read it' };
    default:
      return { kind: 'refused', reason: `it could not be opened (${error.message})` };
  }
}

function refusalOf(stat: fs.Stats, file: string, rules: BoundedReadRules): string | null {
  if (!stat.isFile()) return `it is ${kindOf(stat)}, not a regular file; only a regular file is read`;
  if (rules.othersMayPlant && process.platform !== 'win32' && process.getuid) {
    const me = process.getuid();
    if (stat.uid !== me && stat.uid !== 0)
      return `it belongs to another user (uid ${stat.uid}); only files of yours or of root are read`;
    if ((stat.mode & 0o022) !== 0)
      return `other users can change it (mode ${(stat.mode & 0o777).toString(8)}); only a file no one else can write is read: run chmod go-w ${file}`;
  }
  if (stat.size > rules.maxBytes) return tooLarge(rules.maxBytes);
  return null;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function tooLarge(maxBytes: number): string {
  return `it is larger than ${Math.round(maxBytes / 1024)} KiB, more than such a file ever needs`;
}
