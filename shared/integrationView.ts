import type { Instant } from './clockTime';

export type ProviderId = 'slack' | 'google' | 'microsoft';
export const PROVIDER_IDS: readonly ProviderId[] = ['slack', 'google', 'microsoft'];
export const PROVIDER_NAMES: Record<ProviderId, string> = {
  slack: 'Slack',
  google: 'Google Calendar',
  microsoft: 'Microsoft 365',
};

export type HealthState = 'ok' | 'syncing' | 'waiting' | 'offline' | 'reconnect' | 'error';

/** How a connected service is doing, in words the user can act on. */
export interface Health {
  state: HealthState;
  message: string;
  retryAt: Instant | null;
  lastSyncAt: Instant | null;
}

/** One service as every client shows it: the window, the CLI and the tray. */
export interface IntegrationView {
  id: ProviderId;
  name: string;
  connected: boolean;
  /** A client id is known (entered in Settings, or set by the organisation). */
  configured: boolean;
  /** Set by the organisation (environment or deployment): Settings shows it but cannot change it. */
  managed: boolean;
  /** A sign-in under way in the browser, or why the last one did not finish. */
  signIn: { state: 'pending' } | { state: 'failed'; message: string } | null;
  health: Health | null;
}
