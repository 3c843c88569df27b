import { type ProviderId, PROVIDER_NAMES } from '../../shared/integrationView';
import { refreshTokens, TokenEndpointError } from '../auth/oauthPkce';
import { refreshRefusedAdvice } from '../auth/signInWords';
import type { Vault } from '../auth/vault';
import type { ProviderConfig } from '../providers/endpoints';
import type { TokenSet, TokenSource } from '../providers/provider';
import { signInExpired } from '../providers/authorizedCall';
import { ProviderError } from '../providers/providerError';
import type { Clock } from './ports';

/** An access token this close to its expiry is renewed before it is used. */
const RENEW_AHEAD_MS = 5 * 60_000;

/** The same sign-in: a renewal started from `before` may write over `now` only if nothing replaced it. */
const sameSignIn = (before: TokenSet, now: TokenSet): boolean =>
  before.accessToken === now.accessToken && before.refreshToken === now.refreshToken;

/**
 * Each connected service's tokens: handed to its provider, renewed ahead of their expiry, one renewal at a
 * time. A renewal writes back only over the sign-in it started from, and keeps what the account taught
 * Cadence meanwhile: a disconnect or a newer sign-in during a renewal stands.
 */
export class ServiceTokens {
  private readonly renewals = new Map<ProviderId, Promise<boolean>>();

  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly config: (id: ProviderId) => ProviderConfig,
  ) {}

  source(id: ProviderId): TokenSource {
    const { vault } = this;
    const source: TokenSource = {
      token: async () => {
        let tokens = vault.get(id);
        if (!tokens) throw new ProviderError('auth', `${PROVIDER_NAMES[id]} is not connected`);
        this.checkApp(id, tokens);
        // Renewed ahead of its expiry (Slack's rotating tokens last 12 hours), so no call meets an
        // expired token in the first place.
        if (
          tokens.refreshToken &&
          tokens.expiresAt !== undefined &&
          tokens.expiresAt - this.clock.now() < RENEW_AHEAD_MS
        ) {
          if (!(await source.refresh())) throw signInExpired(PROVIDER_NAMES[id]);
          tokens = vault.get(id) ?? tokens;
        }
        return tokens.accessToken;
      },
      expiresAt: () => vault.get(id)?.expiresAt ?? null,
      identity: () => vault.get(id)?.identity ?? null,
      granted: () => vault.get(id)?.scopes ?? null,
      // One renewal at a time per service: where refresh tokens rotate, a second renewal with the same
      // token looks like theft and the service revokes the grant. Every waiting call shares the result.
      refresh: () => {
        let running = this.renewals.get(id);
        if (!running) {
          running = this.renew(id).finally(() => this.renewals.delete(id));
          this.renewals.set(id, running);
        }
        return running;
      },
    };
    return source;
  }

  /**
   * A sign-in is renewed and used only with the app it was made with. The id in use can change without
   * Change or Remove (CADENCE_*_CLIENT_ID, cadence-organisation.json, integrations.json edited or
   * unreadable): then the user reconnects, told why, rather than meeting refusals that look passing.
   */
  private checkApp(id: ProviderId, tokens: TokenSet): void {
    const current = this.config(id).oauth.clientId;
    if (tokens.clientId === undefined || tokens.clientId === current) return;
    const name = PROVIDER_NAMES[id];
    throw new ProviderError(
      'auth',
      current
        ? `${name} was connected with the app whose client ID is ${tokens.clientId}; Cadence now uses client ID ${current}. Reconnect ${name} to sign in with that app`
        : `${name} was connected with the app whose client ID is ${tokens.clientId}, and no client ID is set now. Enter it in Settings → Integrations, then reconnect ${name}`,
    );
  }

  /** False when the grant is gone and the user must reconnect; a passing failure is thrown as transient. */
  private async renew(id: ProviderId): Promise<boolean> {
    const started = this.vault.get(id);
    if (!started?.refreshToken) return false;
    this.checkApp(id, started);
    let fresh: TokenSet;
    try {
      fresh = await refreshTokens(this.config(id).oauth, started.refreshToken, this.clock.now(), {
        granted: started.scopes,
        desktopGrant: started.desktopGrant,
      });
    } catch (error) {
      if (error instanceof TokenEndpointError && !error.grantRevoked)
        throw new ProviderError(
          'transient',
          `${PROVIDER_NAMES[id]}: ${error.message}; trying again soon`,
          undefined,
          error.code ?? undefined,
        );
      const age = started.grantedAt === undefined ? null : this.clock.now() - started.grantedAt;
      const advice = error instanceof TokenEndpointError ? refreshRefusedAdvice(id, error.code, age) : null;
      if (advice) throw new ProviderError('auth', advice);
      return false;
    }
    // Read again: the account facts, a disconnect or a new sign-in may have been written meanwhile.
    const current = this.vault.get(id);
    if (!current) return false;
    if (!sameSignIn(started, current)) return true;
    this.vault.set(id, {
      ...fresh,
      ...(current.grantedAt !== undefined ? { grantedAt: current.grantedAt } : {}),
      ...(current.accountKey !== undefined ? { accountKey: current.accountKey } : {}),
      ...(current.clientId !== undefined ? { clientId: current.clientId } : {}),
      // How the grant was made decides how it renews (Slack: a desktop grant without the secret).
      ...(current.desktopGrant ? { desktopGrant: true } : {}),
      ...(current.account ? { account: current.account } : {}),
      ...(fresh.identity || !current.identity ? {} : { identity: current.identity }),
      // A renewal that does not say which scopes it granted keeps those of the sign-in (RFC 6749 §5.1).
      ...(fresh.scopes || !current.scopes ? {} : { scopes: current.scopes }),
    });
    return true;
  }
}
