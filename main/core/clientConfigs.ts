import { type ApiResult, refusal } from '../../shared/contract';
import { type ProviderId, PROVIDER_NAMES } from '../../shared/integrationView';
import type { ClientSetting, ClientSettings } from '../auth/clientSettings';
import { type ProviderConfig, PUBLIC_CLIENTS } from '../providers/endpoints';

/**
 * Services whose apps cannot sign in without their client secret: Google's desktop-app clients send it
 * on the code exchange and on every renewal ("client_secret: The client secret obtained from the Cloud
 * Console Clients page", https://developers.google.com/identity/protocols/oauth2/native-app).
 */
const SECRET_REQUIRED: ReadonlySet<ProviderId> = new Set<ProviderId>(['google']);

/** Each service's endpoints with the client id (and secret) that the organisation or the user gave. */
export class ClientConfigs {
  constructor(
    /** Endpoints and, where the organisation set them, client ids; what they leave empty comes from `clients`. */
    private readonly configs: Record<ProviderId, ProviderConfig>,
    /** Client ids the user entered in Settings. */
    private readonly clients: ClientSettings | undefined,
  ) {}

  /** The configuration a sign-in, a renewal and a provider use. */
  of(id: ProviderId): ProviderConfig {
    const config = this.configs[id];
    if (config.oauth.clientId) return config;
    const entered = this.clients?.get(id);
    if (!entered) return config;
    return {
      ...config,
      oauth: {
        ...config.oauth,
        clientId: entered.clientId,
        ...(entered.clientSecret && !PUBLIC_CLIENTS.has(id) ? { clientSecret: entered.clientSecret } : {}),
      },
    };
  }

  /** The organisation set the client id: the user cannot change it. */
  managed(id: ProviderId): boolean {
    return Boolean(this.configs[id].oauth.clientId);
  }

  configured(id: ProviderId): boolean {
    return Boolean(this.of(id).oauth.clientId);
  }

  /** The client id in use and whether a secret goes with it, for Settings to show; never the secret. */
  client(id: ProviderId): { id: string; secret: boolean } | null {
    const { clientId, clientSecret } = this.of(id).oauth;
    return clientId ? { id: clientId, secret: Boolean(clientSecret) } : null;
  }

  /** Whether saving `clientId` would replace the app a service signs in as with another. */
  replaces(id: ProviderId, clientId: string): boolean {
    const current = this.of(id).oauth.clientId;
    return Boolean(current) && current !== clientId;
  }

  /** Keeps the client id (and secret) the user entered for a service. */
  save(id: ProviderId, setting: ClientSetting): ApiResult<null> {
    if (this.managed(id))
      return refusal(
        'conflict',
        `${PROVIDER_NAMES[id]}'s client id is set by your organisation (CADENCE_${id.toUpperCase()}_CLIENT_ID or cadence-organisation.json); it cannot be changed here.`,
      );
    if (!this.clients) return refusal('not_available', 'Client ids cannot be saved in this build.');
    // The same id saved again without a secret keeps the secret that goes with it: Settings never shows it.
    const kept = this.clients.get(id);
    const secret =
      setting.clientSecret ?? (kept?.clientId === setting.clientId ? kept.clientSecret : undefined);
    if (SECRET_REQUIRED.has(id) && !secret) {
      const words =
        "Google's desktop-app clients need their client secret too: paste it from Google Auth Platform → Clients (if you no longer have it, add a new secret to the client there).";
      return refusal('invalid_input', words, [{ path: 'clientSecret', message: words }]);
    }
    try {
      this.clients.set(id, { clientId: setting.clientId, ...(secret ? { clientSecret: secret } : {}) });
    } catch (error) {
      return refusal('storage', `Could not save the client id: ${(error as Error).message}.`);
    }
    return { ok: true, value: null };
  }

  /** Forgets the client id (and secret) the user entered for a service. */
  remove(id: ProviderId): ApiResult<null> {
    if (this.managed(id))
      return refusal(
        'conflict',
        `${PROVIDER_NAMES[id]}'s client id is set by your organisation; it cannot be removed here.`,
      );
    if (this.clients && !this.clients.get(id))
      return refusal(
        'not_found',
        `${PROVIDER_NAMES[id]} has no client id saved in Cadence, so there is nothing to remove.`,
      );
    try {
      this.clients?.remove(id);
    } catch (error) {
      return refusal('storage', `Could not remove the client id: ${(error as Error).message}.`);
    }
    return { ok: true, value: null };
  }
}
