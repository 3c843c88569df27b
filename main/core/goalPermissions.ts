import { type ProviderId, PROVIDER_IDS } from '../../shared/integrationView';
import type { Settings } from '../../shared/settings';
import { missingScopes } from '../auth/grantedScopes';
import type { Vault } from '../auth/vault';
import type { ProviderConfig } from '../providers/endpoints';
import type { ClientConfigs } from './clientConfigs';

/**
 * What the weekly focus goal needs of each calendar beyond its sign-in: asked for only while the goal is
 * on (incremental consent), so a user without a goal never grants it.
 */
export class GoalPermissions {
  private said = '[]';

  constructor(
    private readonly configs: ClientConfigs,
    private readonly vault: Vault,
    private readonly connected: (id: ProviderId) => boolean,
    private readonly settings: () => Settings | undefined,
  ) {}

  private goalOn(): boolean {
    return (this.settings()?.focusGoal.weeklyHours ?? 0) > 0;
  }

  /** What the focus goal needs of a connected service that its sign-in did not grant. */
  missing(id: ProviderId): string[] {
    const needed = this.configs.of(id).goalScopes;
    if (!needed || !this.connected(id) || !this.goalOn()) return [];
    return missingScopes(this.vault.get(id)?.scopes, needed);
  }

  /** The service's sign-in, asking for the focus goal's scopes too while the goal is on. */
  signInConfig(id: ProviderId): ProviderConfig {
    const config = this.configs.of(id);
    if (!config.goalScopes || !this.goalOn()) return config;
    return {
      ...config,
      oauth: { ...config.oauth, scopes: [...new Set([...config.oauth.scopes, ...config.goalScopes])] },
    };
  }

  /** Turning the goal on or off changes what the cards ask for: true once each time it does. */
  changed(): boolean {
    const now = JSON.stringify(PROVIDER_IDS.map((id) => this.missing(id)));
    if (now === this.said) return false;
    this.said = now;
    return true;
  }
}
