import type { Instant } from './clockTime';

export type ProviderId = 'slack' | 'google' | 'microsoft';
export const PROVIDER_IDS: readonly ProviderId[] = ['slack', 'google', 'microsoft'];
export const PROVIDER_NAMES: Record<ProviderId, string> = {
  slack: 'Slack',
  google: 'Google Calendar',
  microsoft: 'Microsoft 365',
};

/** `reconnect`: the sign-in expired or was revoked; `permission`: it works but lacks a permission a call needs. */
export type HealthState = 'ok' | 'syncing' | 'waiting' | 'offline' | 'reconnect' | 'permission' | 'error';

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
  /**
   * The app Cadence signs in as: its client id (no secret: every sign-in address carries it, and the user
   * needs to see which app is in use) and whether a client secret is kept — never the secret itself.
   */
  client?: { id: string; secret: boolean } | null;
  /** A sign-in under way in the browser, or why the last one did not finish. */
  signIn: { state: 'pending' } | { state: 'failed'; message: string } | null;
  health: Health | null;
  /** The signed-in account in words ("personal Google account (ana@gmail.com): …"), once known. */
  account: string | null;
  /** Why a feature the user turned on needs a permission the sign-in did not grant; signing in again asks for it. */
  permission?: string;
}

/** What kind of account a service is signed in with: it decides what Cadence can push there. */
export type AccountKind =
  | 'google-workspace'
  | 'google-personal'
  | 'microsoft-work'
  | 'microsoft-personal'
  | 'slack-rotating'
  | 'slack-lasting';

/**
 * What Cadence learned of the signed-in account and keeps with its tokens: the kind, a label (the
 * address or workspace), what the account refused, and the status text Cadence itself last set there
 * (so that after a restart Cadence's own status is never taken for the user's).
 */
export interface AccountFacts {
  kind?: AccountKind;
  label?: string;
  /** Google event types the calendar refused ("focusTime", "outOfOffice"): plain busy events instead. */
  unsupported?: string[];
  ownStatus?: string;
  /**
   * The preferred presence Cadence set in Teams and has not cleared yet (Microsoft), so that it is
   * cleared also when Teams was closed meanwhile, or Cadence restarted.
   */
  ownPresence?: { availability: string; activity: string } | null;
  /** The user's own status that Cadence covered with its own, to put back afterwards (Slack). */
  savedStatus?: { text: string; emoji: string; expiration: number } | null;
}

const KIND_WORDS: Record<AccountKind, string> = {
  'google-workspace': 'Google Workspace account',
  'google-personal': 'personal Google account',
  'microsoft-work': 'work or school Microsoft account',
  'microsoft-personal': 'personal Microsoft account',
  'slack-rotating': 'Slack workspace',
  'slack-lasting': 'Slack workspace',
};

/** The account in words, with what it means for what Cadence shows there. */
export function accountWords(facts: AccountFacts | null | undefined): string | null {
  if (!facts?.kind) return null;
  const words = `${KIND_WORDS[facts.kind]}${facts.label ? ` (${facts.label})` : ''}`;
  const limits: string[] = [];
  if (facts.unsupported?.includes('focusTime')) limits.push('focus blocks appear as busy events');
  if (facts.unsupported?.includes('outOfOffice')) limits.push('days off appear as all-day busy events');
  if (facts.kind === 'slack-rotating') limits.push('its sign-in lasts 12 hours and Cadence renews it');
  if (facts.kind === 'microsoft-personal')
    limits.push('Teams presence and teammates’ schedules need a work or school account');
  return limits.length ? `${words}: ${limits.join('; ')}` : words;
}

/**
 * The services that show the user's status and are in step with it, in words ("Slack and Google
 * Calendar"); null when none is: then nothing outside Cadence says what the user is doing.
 */
export function statusShownIn(integrations: readonly IntegrationView[]): string | null {
  const names = integrations
    .filter((integration) => integration.connected && integration.health?.state === 'ok')
    .map((integration) => integration.name);
  return names.length ? new Intl.ListFormat('en', { type: 'conjunction' }).format(names) : null;
}
