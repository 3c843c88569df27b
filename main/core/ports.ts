import type { Instant } from '../../shared/clockTime';
import type { NotificationActionId } from '../../shared/words';
import type { IDisposable } from '../base/lifetime';

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

/** A change of the user's presence the host reports as it happens (no polling needed to see it). */
export type PresenceEvent = 'lock' | 'unlock' | 'suspend' | 'resume';

/**
 * What the host can tell of whether someone is at the machine. Cadence asks it only outside working
 * hours (see main/core/activityWatcher.ts), and what it learns never leaves the machine.
 */
export interface ActivitySource {
  /** In words, for the status: "Electron's idle time", "the X screen saver's idle time". */
  readonly description: string;
  /** Seconds since the last keyboard or mouse input; null when the source cannot tell just now. */
  idleSeconds(): Promise<number | null>;
  /** Lock, unlock, suspend and resume as they happen, where the host reports them. */
  onPresence?(listener: (event: PresenceEvent) => void): IDisposable;
  dispose?(): void;
}

/** The host's activity source, or in words why it has none ("no X display and no logind session"). */
export type ActivityProbe = { source: ActivitySource } | { source: null; reason: string };
