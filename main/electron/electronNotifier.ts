import { Notification } from 'electron';
import { NodeNotifier } from '../core/desktopNotifier';
import type { DesktopNotification, Notifier, NotifyOutcome } from '../core/ports';

/** Electron's notifications where the OS supports them, node-notifier where it does not. */
export class ElectronNotifier implements Notifier {
  private readonly fallback = new NodeNotifier();

  constructor(private readonly onClick: () => void) {}

  notify(notification: DesktopNotification): Promise<NotifyOutcome> {
    if (!Notification.isSupported()) return this.fallback.notify(notification);
    const shown = new Notification({ title: notification.title, body: notification.message, silent: false });
    shown.on('click', this.onClick);
    shown.show();
    return Promise.resolve({ delivered: true });
  }
}
