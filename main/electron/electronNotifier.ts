import { NodeNotifier } from '../core/desktopNotifier';
import { notificationText } from '../core/notifySend';
import type { DesktopNotification, NotificationAction, Notifier, NotifyOutcome } from '../core/ports';

/** The part of Electron's Notification that Cadence uses (https://www.electronjs.org/docs/latest/api/notification). */
export interface NotificationLike {
  on(event: 'show' | 'click' | 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  show(): void;
}

export interface NotificationApi {
  isSupported(): boolean;
  new (options: {
    title: string;
    body: string;
    silent: boolean;
    actions?: { type: 'button'; text: string }[];
  }): NotificationLike;
}

/** How long to wait for the OS to say it showed a notification before taking it as shown. */
const SHOWN_WITHIN_MS = 4000;

/**
 * Electron's notifications where the OS supports them, node-notifier where it does not.
 * - Each notification is kept referenced until it is clicked, closed or fails: one left to the garbage
 *   collector loses its click handler.
 * - "failed" (Windows) reports the notification as not delivered, with the OS's reason.
 * - Buttons ("Start lunch", "In 15 min", …) where the OS shows them (macOS, Windows: the "action"
 *   event); elsewhere a click opens the window, where the same choices are.
 */
export class ElectronNotifier implements Notifier {
  private readonly fallback = new NodeNotifier();
  /** Notifications on screen: kept alive until the user is done with them. */
  readonly alive = new Set<NotificationLike>();

  constructor(
    private readonly api: NotificationApi,
    private readonly onClick: () => void,
    private readonly onAction: (id: NotificationAction['id']) => void,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  notify(notification: DesktopNotification): Promise<NotifyOutcome> {
    if (!this.api.isSupported()) return this.fallback.notify(notification);
    const actions =
      this.platform === 'darwin' || this.platform === 'win32' ? (notification.actions ?? []) : [];
    const { title, body } = notificationText(notification);
    const shown = new this.api({
      title,
      body,
      silent: false,
      ...(actions.length
        ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) }
        : {}),
    });
    this.alive.add(shown);
    const release = () => this.alive.delete(shown);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ delivered: true }), SHOWN_WITHIN_MS);
      timer.unref?.();
      const settle = (outcome: NotifyOutcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      shown.on('show', () => settle({ delivered: true }));
      shown.on('failed', (_event, error) => {
        release();
        settle({ delivered: false, reason: error || 'the system refused the notification' });
      });
      shown.on('click', () => {
        release();
        this.onClick();
      });
      shown.on('action', (_event, index) => {
        release();
        const action = actions[index];
        if (action) this.onAction(action.id);
        else this.onClick();
      });
      shown.on('close', release);
      shown.show();
    });
  }
}
