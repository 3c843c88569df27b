import { createRequire } from 'node:module';
import type NodeNotifierModule from 'node-notifier';
import type { DesktopNotification, Notifier, NotifyOutcome } from './ports';

/**
 * Desktop notifications through node-notifier (notify-send on Linux). Where that is missing, the
 * outcome says why, and the prompt still reaches the user through the window's event stream.
 */
export class NodeNotifier implements Notifier {
  private module: typeof NodeNotifierModule | null = null;

  notify(notification: DesktopNotification): Promise<NotifyOutcome> {
    return new Promise((resolve) => {
      try {
        this.module ??= createRequire(import.meta.url)('node-notifier') as typeof NodeNotifierModule;
        // notify-send names the sender with 'app-name'; Windows reads appName.
        const options: NodeNotifierModule.Notification & { appName: string; 'app-name': string } = {
          title: notification.title,
          message: notification.message,
          appName: 'Cadence',
          'app-name': 'Cadence',
        };
        this.module.notify(options, (error) => {
          if (!error) return resolve({ delivered: true });
          const text = String(error.message ?? error);
          resolve({
            delivered: false,
            reason: /not found: notify-send/.test(text)
              ? 'notify-send is not installed; on Debian or Ubuntu run "sudo apt install libnotify-bin"'
              : /^Command failed/.test(text)
                ? 'the desktop’s notification service did not take it (is a notification daemon running in this session?)'
                : (text.split('\n')[0] ?? text).slice(0, 200),
          });
        });
      } catch (error) {
        resolve({ delivered: false, reason: (error as Error).message });
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
