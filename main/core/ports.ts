import type { Instant } from '../../shared/clockTime';
import type { NotificationActionId } from '../../shared/words';
import type { IDisposable } from './lifetime';

/** The world's time, as the core sees it. Real in the app, fake in tests. */
export interface Clock {
  now(): Instant;
  /** The system's current IANA zone. */
  timeZone(): string;
  /** Calls back once the wall clock reaches `at` (or soon after, when the machine slept). */
  setTimer(at: Instant, callback: () => void): IDisposable;
}

/** Where a JSON document lives: conf in headless mode, electron-store in Electron. */
export interface DocumentBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

/** A button on a notification, where the OS offers them; its id says what the app does when pressed. */
export interface NotificationAction {
  id: NotificationActionId;
  label: string;
}

export interface DesktopNotification {
  title: string;
  message: string;
  actions?: readonly NotificationAction[];
}

export type NotifyOutcome = { delivered: true } | { delivered: false; reason: string };

/** Shows a desktop notification; never throws. */
export interface Notifier {
  notify(notification: DesktopNotification): Promise<NotifyOutcome>;
}
