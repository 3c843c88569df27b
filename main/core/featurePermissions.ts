import { type ProviderId, PROVIDER_IDS, PROVIDER_NAMES } from '../../shared/integrationView';
import { goalPermissionWords, recordPermissionWords } from './integrationWords';
import type { Settings } from '../../shared/settings';
import { missingScopes } from '../auth/grantedScopes';
import type { Vault } from '../auth/vault';
import { type ProviderConfig, workAccount } from '../providers/endpoints';
import type { ClientConfigs } from './clientConfigs';

/**
 * What a sign-in is for beyond status: sending messages to teammates (#25), or every permission a
 * feature that is on still lacks (the card's "Sign in again to allow it").
 */
export type SignInPurpose = 'messages' | 'permission';

/**
 * What features need of each service beyond its sign-in, asked for only when wanted (incremental
 * consent): the weekly focus goal's calendar writes while the goal is on, so a user without a goal never
 * grants them; sending messages from the first time the user sends one, and kept once granted.
 */
export class FeaturePermissions {
  private said = '[]';
  /** Services the user asked to send messages through, in this run. */
  private readonly messagesWanted = new Set<ProviderId>();
  /** Services whose card the user asked to sign in again to allow what a feature lacks, in this run. */
  private readonly permissionWanted = new Set<ProviderId>();

  constructor(
    private readonly configs: ClientConfigs,
    private readonly vault: Vault,
    private readonly connected: (id: ProviderId) => boolean,
    private readonly settings: () => Settings | undefined,
  ) {}

  private goalOn(): boolean {
    return (this.settings()?.focusGoal.weeklyHours ?? 0) > 0;
  }

  private recordOn(): boolean {
    return this.settings()?.contactRecord === true;
  }

  /** What the focus goal needs of a connected service that its sign-in did not grant. */
  missing(id: ProviderId): string[] {
    const needed = this.configs.of(id).goalScopes;
    if (!needed || !this.connected(id) || !this.goalOn()) return [];
    return missingScopes(this.vault.get(id)?.scopes, needed);
  }

  /** What the record reads of a service: Teams chats only of an account known to be a work or school one. */
  private recordScopes(id: ProviderId): string[] {
    const config = this.configs.of(id);
    const work = config.workRecordScopes && workAccount(this.vault.get(id)) ? config.workRecordScopes : [];
    return [...(config.recordScopes ?? []), ...(config.laterRecordScopes ?? []), ...work];
  }

  /**
   * What a sign-in asks for the record: a permission added to the record after it was first allowed
   * (Slack's search:read) only when the person asks for it on the card (or with cadence connect --for
   * permission), or already has it: an app made from the older manifest does not list it, and Slack
   * refuses a whole sign-in that asks for a scope its app does not list (its own error page, no
   * redirect back), which would cost the status and the direct messages too.
   */
  private recordAsk(id: ProviderId): string[] {
    const config = this.configs.of(id);
    const later = config.laterRecordScopes ?? [];
    const granted = this.vault.get(id)?.scopes;
    // Asked for once what the record first needs is granted: a sign-in that allows the record for the
    // first time asks for that alone, so an app from the older manifest allows it.
    const firstGranted = !missingScopes(granted, config.recordScopes ?? []).length;
    const ask = (this.permissionWanted.has(id) && firstGranted) || !missingScopes(granted, later).length;
    return this.recordScopes(id).filter((scope) => ask || !later.includes(scope));
  }

  /** What the record of contacts needs of a connected service that its sign-in did not grant, while it is on. */
  missingForRecord(id: ProviderId): string[] {
    const needed = this.recordScopes(id);
    if (!needed.length || !this.connected(id) || !this.recordOn()) return [];
    return missingScopes(this.vault.get(id)?.scopes, needed);
  }

  /** The card's line on a permission a feature that is on still needs, when one does. */
  permissionWords(id: ProviderId): { permission: string } | Record<string, never> {
    if (this.missing(id).length) return { permission: goalPermissionWords(id) };
    const missing = this.missingForRecord(id);
    if (missing.length) {
      const later = this.configs.of(id).laterRecordScopes ?? [];
      const laterOnly = missing.every((scope) => later.includes(scope));
      return { permission: recordPermissionWords(PROVIDER_NAMES[id], laterOnly ? missing : []) };
    }
    return {};
  }

  /** What sending messages through a connected service needs that its sign-in did not grant. */
  missingForMessages(id: ProviderId): string[] {
    const needed = this.configs.of(id).messageScopes;
    if (!needed) return [];
    return missingScopes(this.vault.get(id)?.scopes, needed);
  }

  /** A sign-in began: asking for what features lack was for it alone (messages, once granted, stay). */
  done(id: ProviderId): void {
    this.permissionWanted.delete(id);
  }

  /** The next sign-in of the service asks for what sending messages needs too. */
  want(id: ProviderId, purpose: SignInPurpose): void {
    if (purpose === 'messages') this.messagesWanted.add(id);
    if (purpose === 'permission') this.permissionWanted.add(id);
  }

  /**
   * The service's sign-in: the focus goal's scopes too while the goal is on, and the message scopes when
   * the user asked to send, or already granted them (signing in again never takes them away).
   */
  signInConfig(id: ProviderId): ProviderConfig {
    const config = this.configs.of(id);
    const extra = [
      ...(config.goalScopes && this.goalOn() ? config.goalScopes : []),
      ...(this.recordOn() ? this.recordAsk(id) : []),
      ...(config.messageScopes &&
      (this.messagesWanted.has(id) || (this.connected(id) && !this.missingForMessages(id).length))
        ? config.messageScopes
        : []),
    ];
    if (!extra.length) return config;
    return {
      ...config,
      oauth: { ...config.oauth, scopes: [...new Set([...config.oauth.scopes, ...extra])] },
    };
  }

  /** Turning the goal on or off changes what the cards ask for: true once each time it does. */
  changed(): boolean {
    const now = JSON.stringify(PROVIDER_IDS.map((id) => [this.missing(id), this.missingForRecord(id)]));
    if (now === this.said) return false;
    this.said = now;
    return true;
  }
}
