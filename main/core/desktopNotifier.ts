import { createRequire } from 'node:module';
import type NodeNotifierModule from 'node-notifier';
import { printable } from '../../shared/printable';
import { notificationText, notifySend } from './notifySend';
import type { DesktopNotification, Notifier, NotifyOutcome } from './ports';

/**
 * Desktop notifications: notify-send on Linux and the BSDs, called directly (node-notifier builds a shell
 * line with the title first and no `--`, so a title like `--wait` became an option), node-notifier
 * elsewhere. Where they are missing, the outcome says why, and the prompt still reaches the user through
 * the window's event stream.
 */
export class NodeNotifier implements Notifier {
  private module: typeof NodeNotifierModule | null = null;

  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  notify(notification: DesktopNotification): Promise<NotifyOutcome> {
    if (this.platform === 'linux' || this.platform.endsWith('bsd')) return notifySend(notification, this.env);
    const { title, body } = notificationText(notification);
    return new Promise((resolve) => {
      try {
        this.module ??= createRequire(import.meta.url)('node-notifier') as typeof NodeNotifierModule;
        // Windows names the sender with appName.
        const options: NodeNotifierModule.Notification & { appName: string } = {
          title,
          message: body,
          appName: 'Cadence',
        };
        this.module.notify(options, (error) => {
          if (!error) return resolve({ delivered: true });
          const text = String(error.message ?? error);
          resolve({
            delivered: false,
            reason: printable((text.split('\n')[0] ?? text).slice(0, 200)),
          });
        });
      } catch (error) {
        resolve({ delivered: false, reason: printable((error as Error).message) });
      }
    });
  }
}

/** Records notifications instead of showing them (CADENCE_NOTIFIER=memory, and tests). */
export class MemoryNotifier implements Notifier {
  readonly shown: DesktopNotification[] = [];

  notify(notification: DesktopNotification): Promise<NotifyOutcome> {
    this.shown.push(notification);
    return Promise.resolve({ delivered: true });
  }
}
