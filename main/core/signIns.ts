import { type ApiResult, refusal } from '../../shared/contract';
import { type IntegrationView, type ProviderId, PROVIDER_NAMES } from '../../shared/integrationView';
import {
  beginAuthorization,
  type PendingAuthorization,
  SignInRefused,
  TokenEndpointError,
} from '../auth/oauthPkce';
import { LoopbackPortsBusy } from '../auth/loopbackListener';
import { signInAdvice } from '../auth/signInWords';
import type { ProviderConfig } from '../providers/endpoints';
import type { TokenSet } from '../providers/provider';
import type { Clock } from './ports';

export interface SignInsOptions {
  clock: Clock;
  /** What a sign-in of the service asks for now (the focus goal may add scopes). */
  config: (id: ProviderId) => ProviderConfig;
  /** The browser came back and the tokens are here. */
  onSignedIn: (id: ProviderId, tokens: TokenSet) => void;
  onChange: () => void;
}

/** Sign-ins under way (one per service) and why the last one of each did not finish. */
export class SignIns {
  private readonly pending = new Map<ProviderId, PendingAuthorization>();
  private readonly problems = new Map<ProviderId, string>();

  constructor(private readonly options: SignInsOptions) {}

  /** Begins a sign-in and returns the address to open in the browser. */
  async begin(id: ProviderId): Promise<ApiResult<{ startUrl: string; authorizeUrl: string }>> {
    const config = this.options.config(id);
    if (!config.oauth.clientId)
      return refusal(
        'not_configured',
        `${PROVIDER_NAMES[id]} needs the client id of your ${PROVIDER_NAMES[id]} app: enter it in Settings → Integrations (the steps are there and in the README).`,
      );
    this.cancel(id);
    let pending: PendingAuthorization;
    try {
      pending = await beginAuthorization(config.oauth, () => this.options.clock.now());
    } catch (error) {
      // Every redirect port the service accepts is taken: said plainly, with what to do.
      if (error instanceof LoopbackPortsBusy)
        return refusal('not_available', `${PROVIDER_NAMES[id]} cannot sign in now. ${error.message}`);
      throw error;
    }
    this.pending.set(id, pending);
    this.options.onChange();
    pending.result.then(
      (tokens) => {
        if (this.pending.get(id) !== pending) return;
        this.pending.delete(id);
        this.options.onSignedIn(id, tokens);
      },
      (error: unknown) => {
        // A sign-in replaced by a newer one, or cancelled by a disconnect, is not a failure.
        if (this.pending.get(id) !== pending) return;
        this.pending.delete(id);
        const code =
          error instanceof TokenEndpointError || error instanceof SignInRefused ? error.code : null;
        const detail = (error as Error).message;
        this.problems.set(id, `${signInAdvice(id, code, detail)} (Details: ${detail}.)`);
        this.options.onChange();
      },
    );
    return { ok: true, value: { startUrl: pending.startUrl, authorizeUrl: pending.url } };
  }

  /** Ends the service's sign-in under way, if any, and forgets why the last one failed. */
  cancel(id: ProviderId): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    pending?.cancel();
    this.problems.delete(id);
  }

  view(id: ProviderId): IntegrationView['signIn'] {
    if (this.pending.has(id)) return { state: 'pending' };
    const problem = this.problems.get(id);
    return problem ? { state: 'failed', message: problem } : null;
  }

  dispose(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const signIn of pending) signIn.cancel();
  }
}
