import { type ExecFileException, execFile } from 'node:child_process';
import { printable, printableLines } from '../../shared/printable';
import type { DesktopNotification, NotifyOutcome } from './ports';

/** How long notify-send may take to hand a notification to the desktop before Cadence stops waiting. */
const ANSWER_WITHIN_MS = 10_000;

/** What a notification says, as any desktop shows it: printable, with a title and a body that are never empty. */
export function notificationText(notification: DesktopNotification): { title: string; body: string } {
  const title = printable(notification.title).trim();
  const body = printableLines(notification.message).trim();
  // A summary alone is taken by notify-send and shown by no daemon in some desktops; a body always is.
  return { title: title || 'Cadence', body: body || (title ? 'From Cadence' : 'A message from Cadence') };
}

/**
 * notify-send's command line: `notify-send [OPTIONS] {summary} [body]`, where --wait and --action block
 * until the notification is closed (https://manpages.ubuntu.com/manpages/lunar/man1/notify-send.1.html).
 * Its options are read by GLib's parser, for which `--` ends the options
 * (https://docs.gtk.org/glib/method.OptionContext.parse.html): a title like `--wait`, `--action=x` or
 * `--urgency=critical` after it is shown as text and never read as an option (test/service/notifyDaemon.test.ts
 * checks it against libnotify-bin 0.8.1 and dunst).
 */
export function notifySendArguments(notification: DesktopNotification): string[] {
  const { title, body } = notificationText(notification);
  return ['--app-name=Cadence', '--', title, body];
}

function firstLine(text: string): string {
  return printable((text.trim().split('\n')[0] ?? '').slice(0, 200));
}

/** Why notify-send did not show it, in words a user can act on. */
function reasonFor(error: ExecFileException, stderr: string): string {
  if (error.code === 'ENOENT')
    return 'notify-send is not installed; on Debian or Ubuntu run "sudo apt install libnotify-bin"';
  if (error.killed)
    return `notify-send did not answer within ${ANSWER_WITHIN_MS / 1000} s; the desktop's notification service may be stuck`;
  const said = firstLine(stderr) || firstLine(error.message);
  if (/D-Bus|DBus|DBUS|org\.freedesktop\.Notifications|connect/i.test(said))
    return `no notification service answers in this session; notify-send said: ${said}`;
  return `notify-send could not show it: ${said || `exit status ${String(error.code)}`}`;
}

/**
 * Shows a notification with notify-send, called directly (no shell) and reported delivered only when
 * notify-send exits with status 0, which it does once the notification service has taken it.
 */
export function notifySend(
  notification: DesktopNotification,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NotifyOutcome> {
  return new Promise((resolve) => {
    const child = execFile(
      'notify-send',
      notifySendArguments(notification),
      { env, timeout: ANSWER_WITHIN_MS, windowsHide: true, maxBuffer: 64 * 1024 },
      (error, _stdout, stderr) =>
        resolve(error ? { delivered: false, reason: reasonFor(error, String(stderr)) } : { delivered: true }),
    );
    child.stdin?.end();
  });
}
