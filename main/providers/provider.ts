import type { OutlookInvitation } from './microsoft/graphInvitations';
import type { InboxMail } from './microsoft/graphMail';
import type { TeamsChatsReading, TeamsPass } from './microsoft/graphTeams';
export type { TeamsPass } from './microsoft/graphTeams';
import type { Invitation } from './google/googleInvitations';
import type { CalendarEvent } from '../../shared/calendar';
import type { Instant } from '../../shared/clockTime';
import type { Desired } from '../../shared/desired';
import type { Teammate } from '../../shared/intents';
import type { Settings } from '../../shared/settings';
import type { ConversationReading } from './slack/slackContacts';
import type { MentionReading } from './slack/slackMentions';

import type { AccountFacts, ProviderId } from '../../shared/integrationView';

export { type ProviderId, PROVIDER_IDS, PROVIDER_NAMES } from '../../shared/integrationView';

/** One outside service, reconciled to the desired state. Every method throws only ProviderError. */
export interface Provider {
  readonly id: ProviderId;
  /** Makes the service show `desired`; pushes only what differs from what it applied last. */
  apply(desired: Desired, now: Instant, settings: Settings): Promise<void>;
  /** Meetings on the user's calendar between two instants. */
  meetings?(from: Instant, to: Instant): Promise<CalendarEvent[]>;
  /** Teammates as the service knows them. */
  teammates?(now: Instant): Promise<Teammate[]>;
  /** What the service's calendar says of teammates you added with an email: busy now, and working hours. */
  enrich?(people: readonly Teammate[], now: Instant): Promise<Map<string, TeammateUpdate>>;
  /** A direct message to a member of the service (Slack: their member id), now or at `postAt`. */
  message?(
    member: string,
    text: string,
    postAt: Instant | null,
    now: Instant,
  ): Promise<{ scheduledId: string | null; postAt: Instant | null }>;
  /** The user's direct and group messages since each conversation's mark (Slack; the record of contacts). */
  conversations?(marks: Record<string, string>, since: Instant, now: Instant): Promise<ConversationReading>;
  /** Messages in channels that mention the user since `from` (Slack; the record of contacts). */
  mentions?(self: string, from: Instant, now: Instant): Promise<MentionReading>;
  /** Meeting invitations from others changed since `updatedSince` (Google; the record of contacts). */
  invitations?(updatedSince: Instant, now: Instant): Promise<Invitation[]>;
  /** Mail received in the inbox since `since` (Microsoft 365; the record of contacts). */
  mail?(since: Instant): Promise<{ mail: InboxMail[]; complete: boolean; lastAt: Instant | null }>;
  /**
   * Messages in the user's Teams chats in a pass's window (Microsoft 365; the record of contacts); null
   * where the account cannot have them read (a personal Microsoft account).
   */
  teamsChats?(pass: TeamsPass, now: Instant): Promise<TeamsChatsReading | null>;
  /** When the person sent mail since `since`, and in which conversation (Microsoft 365; the record). */
  sentMail?(since: Instant): Promise<{
    sent: { conversation: string; at: Instant }[];
    complete: boolean;
    lastAt: Instant | null;
  }>;
  /** Outlook invitations from others changed since `since` (Microsoft 365; the record of contacts). */
  outlookInvitations?(since: Instant): Promise<{ invitations: OutlookInvitation[]; complete: boolean }>;
  /** Takes back a message scheduled with `message`, by the id it answered. */
  unschedule?(scheduled: string): Promise<void>;
  /** Forget what was applied, so the next apply pushes everything (after reconnecting). */
  reset(): void;
  /**
   * When the service needs another push though nothing changed (Slack: a Do Not Disturb snooze shorter
   * than wanted, renewed before it runs out); null when it does not.
   */
  revisitAt?(): Instant | null;
}

export type TeammateUpdate = Partial<Pick<Teammate, 'presence' | 'week' | 'timeZone' | 'weekendDays'>>;

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: number;
  /** What Cadence learned of the account; kept across refreshes, dropped by a new sign-in. */
  account?: AccountFacts;
  /** Who signed in, from the OpenID Connect ID token the sign-in returned (where one was asked for). */
  identity?: SignedInIdentity;
  /** The scopes granted: as the token response said, or those asked for where it did not say. */
  scopes?: string[];
  /** Who signed in, where the sign-in said (Slack's workspace and user, an ID token's tenant and user). */
  accountKey?: string;
  /** When the user signed in (the grant began); refreshes keep it. */
  grantedAt?: number;
  /** The sign-in came back through a localhost (desktop) redirect: how Slack renews it depends on that. */
  desktopGrant?: boolean;
  /**
   * The client id of the app the sign-in was made with: only that app can renew it. Tokens saved before
   * Cadence kept it have none, and belong to the id in use.
   */
  clientId?: string;
}

/** Claims of an ID token: `tid` (Microsoft's tenant), `preferred_username` and `oid`. */
export interface SignedInIdentity {
  tenant?: string;
  username?: string;
  /** "The immutable identifier for the requestor" (`oid`, ID token claims reference). */
  objectId?: string;
}

/** What a provider remembers of the signed-in account, across restarts. */
export interface AccountMemory {
  read(): AccountFacts;
  remember(facts: Partial<AccountFacts>): void;
}

/** Gives a provider its current token, refreshing it when the service says it expired. */
export interface TokenSource {
  /** The current access token, renewed first when it is about to expire. */
  token(): Promise<string>;
  /** When the current access token expires; null when it does not (Slack without rotation). */
  expiresAt(): number | null;
  /** Who signed in, when the sign-in said so. */
  identity(): SignedInIdentity | null;
  /** The scopes the sign-in granted, when the service said which. */
  granted(): readonly string[] | null;
  /** Called after a 401: refreshes if possible; returns false when the user must reconnect. */
  refresh(): Promise<boolean>;
}
