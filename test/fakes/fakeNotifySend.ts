import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './serviceHarness';

/**
 * A stand-in for notify-send (https://manpages.ubuntu.com/manpages/lunar/man1/notify-send.1.html: exit
 * status 0 once the notification service took it, non-zero with a message otherwise) on PATH that records the arguments it was called with, one file per call,
 * and exits as told: FAKE_NOTIFY_EXIT (0 when unset) with FAKE_NOTIFY_STDERR on its standard error.
 */
export interface FakeNotifySend {
  /** A PATH with the stand-in first and the system's tools after it. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** The argument lists of each call so far, oldest first. */
  calls(): string[][];
}

export function fakeNotifySend(): FakeNotifySend {
  const bin = tempDir();
  const records = tempDir();
  fs.writeFileSync(
    path.join(bin, 'notify-send'),
    [
      '#!/bin/sh',
      // One NUL after each argument: an argument may hold anything else, newlines included.
      `file="${records}/$(date +%s%N)-$$"`,
      'for arg in "$@"; do printf "%s\\0" "$arg"; done > "$file.tmp" && mv "$file.tmp" "$file"',
      '[ -n "$FAKE_NOTIFY_STDERR" ] && printf "%s\\n" "$FAKE_NOTIFY_STDERR" >&2',
      'exit "${FAKE_NOTIFY_EXIT:-0}"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return {
    env: (extra = {}) => ({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, ...extra }),
    calls: () =>
      fs
        .readdirSync(records)
        .filter((name) => !name.endsWith('.tmp'))
        .sort()
        .map((name) => fs.readFileSync(path.join(records, name), 'utf8').split('\0').slice(0, -1)),
  };
}

/** A service's environment where notify-send fails as on a desktop without a notification service. */
export function notificationsFailing(): Record<string, string> {
  const env = fakeNotifySend().env({
    FAKE_NOTIFY_EXIT: '1',
    FAKE_NOTIFY_STDERR: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
  });
  // CADENCE_NOTIFIER unset: the real notifier, which calls notify-send.
  return { ...(env as Record<string, string>), CADENCE_NOTIFIER: '' };
}
